package dev.oauth2clients.bench;

import java.time.Duration;
import java.util.List;

/**
 * Everything one run measured. An item that was not run ({@code bench.items}) is null or empty.
 *
 * @param databases the database of each server, e.g. "H2 2.4.240 (…)"
 * @param notes what the reader must know, e.g. that the PostgreSQL part was skipped
 */
record SuiteResults(
    Environment environment,
    List<String> databases,
    List<ThroughputResult> throughputs,
    CreateLatencyResult create,
    List<ListLatencyResult> lists,
    List<ChosenRolesResult> chosenRoles,
    List<RevocationLatencyResult> revocations,
    List<InventoryLatencyResult> inventories,
    List<MetricsOverheadResult> metrics,
    List<KeyClientThroughputResult> keyClients,
    List<String> notes,
    Duration runTime) {}
