package dev.oauth2clients.bench;

import static dev.oauth2clients.bench.Text.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The results as Markdown tables, printed at the end of a run and written beside the transcript, to
 * paste into docs/BENCHMARKS.md after a re-run. Whether a goal is met is computed, never typed.
 */
final class ResultsMarkdown {

  private final StringBuilder out = new StringBuilder();

  private ResultsMarkdown() {}

  static String render(SuiteResults results) {
    ResultsMarkdown markdown = new ResultsMarkdown();
    markdown.header(results);
    results.throughputs().forEach(markdown::throughput);
    if (results.create() != null) {
      markdown.create(results.create());
    }
    if (!results.lists().isEmpty()) {
      markdown.lists(results);
    }
    results.chosenRoles().forEach(markdown::chosenRoles);
    if (!results.revocations().isEmpty()) {
      markdown.revocations(results.revocations());
    }
    if (!results.inventories().isEmpty()) {
      markdown.inventories(results.inventories());
    }
    results.metrics().forEach(markdown::metrics);
    results.keyClients().forEach(markdown::keyClients);
    return markdown.out.toString();
  }

  private void header(SuiteResults results) {
    line("Machine: " + results.environment() + ".");
    line("Databases: " + String.join("; ", results.databases()) + ".");
    line(format("Whole run: %.1f minutes.", results.runTime().toSeconds() / 60.0));
    results.notes().forEach(note -> line("Note: " + note));
    line("");
  }

  private void throughput(ThroughputResult result) {
    line(
        "**1. token endpoint on "
            + result.database()
            + "** (requests per second, mean of the rounds; sessions held after every grant of the"
            + " run, warm-up included; database growth over one period of the client's grants"
            + " alone, between quiet spells)");
    line("");
    line(
        "| client_credentials | grants/s | grants sent | sessions held | growth per 1,000 grants |");
    line("|---|---:|---:|---:|---:|");
    result
        .grants()
        .forEach(
            rate ->
                line(
                    row(
                        rate.label(),
                        format("%.1f", rate.mean()),
                        Long.toString(rate.requests()),
                        Long.toString(rate.sessions()),
                        bytes(rate.bytesPer1000()))));
    line("");
    line("| refresh_token | grants/s | grants sent |");
    line("|---|---:|---:|");
    result
        .refreshes()
        .forEach(
            rate ->
                line(
                    row(
                        rate.label(),
                        format("%.1f", rate.mean()),
                        Long.toString(rate.requests()))));
    line("");
    line("| ratio or figure (median of paired rounds) | value | rounds range | goal | met |");
    line("|---|---:|---|---|---|");
    result.ratios().forEach(this::ratioRow);
    line(
        row(
            "self-service `last_used_at` behind its last grant (tracking on in every round)",
            format("%.0f s", result.lastUseLagSeconds()),
            "",
            format("≤ %.0f s", ThroughputResult.GOAL_LAST_USE_LAG_SECONDS),
            met(result.metLastUseLag())));
    line(
        row(
            "sessions held by the self-service client",
            Long.toString(result.selfService().sessions()),
            "",
            "≤ " + ThroughputResult.GOAL_SESSIONS,
            met(result.metSessions())));
    line(
        row(
            "growth per 1,000 grants, self-service (no-refresh client: "
                + bytes(result.defaults().bytesPer1000())
                + ")",
            bytes(result.selfService().bytesPer1000()),
            "",
            format(
                "≤ twice the no-refresh client's, or ≤ %s",
                bytes(ThroughputResult.GROWTH_RESOLUTION_BYTES)),
            met(result.metGrowth())));
    line("");
  }

  private void chosenRoles(ChosenRolesResult result) {
    line(
        "**4. chosen roles at the token endpoint on "
            + result.database()
            + "** (client_credentials grants per second, mean of the rounds; the roles each"
            + " client's token carried, checked before the rounds; sessions held after every grant"
            + " of the run, warm-up included)");
    line("");
    line("| client_credentials | roles in its token | grants/s | grants sent | sessions held |");
    line("|---|---|---:|---:|---:|");
    for (ChosenRolesResult.Carrying client : result.clients()) {
      ThroughputResult.Rate rate = client.grants();
      line(
          row(
              rate.label(),
              client.roles(),
              format("%.1f", rate.mean()),
              Long.toString(rate.requests()),
              Long.toString(rate.sessions())));
    }
    line("");
    line("| ratio (median of paired rounds) | value | rounds range | goal | met |");
    line("|---|---:|---|---|---|");
    result.ratios().forEach(this::ratioRow);
    line("");
  }

  private void revocations(List<RevocationLatencyResult> results) {
    line(
        "**5. leak reports** (milliseconds, one request at a time; `POST"
            + " /realms/{realm}/oauth2-clients/revocations` of 100 well-formed strings, no token;"
            + " the server answers no sooner than 30 ms on purpose)");
    line("");
    line("| database | clients in realm | report | p50 | p95 | goal p95 ≤ 50 ms | samples |");
    line("|---|---:|---|---:|---:|---|---:|");
    for (RevocationLatencyResult result : results) {
      for (LatencySummary summary : List.of(result.misses(), result.hits())) {
        line(
            row(
                result.database(),
                Integer.toString(result.clients()),
                summary.label(),
                format("%.1f", summary.p50()),
                format("**%.1f**", summary.p95()),
                met(result.met(summary)),
                Integer.toString(summary.samples())));
      }
    }
    line("");
    line("| database | ratio hits / misses, p50 | p95 | the realm |");
    line("|---|---:|---:|---|");
    for (RevocationLatencyResult result : results) {
      line(
          row(
              result.database(),
              format("%.3f", result.latency().p50Ratio()),
              format("%.3f", result.latency().p95Ratio()),
              result.fill()));
    }
    line("");
  }

  private void inventories(List<InventoryLatencyResult> results) {
    line(
        "**6. the admin's inventory** (milliseconds, one request at a time; `GET"
            + " /admin/realms/{realm}/oauth2-clients` with the token of an admin holding"
            + " `view-clients`)");
    line("");
    line("| database | clients in realm | first page | listed | p50 | p95 | goal p95 ≤ 200 ms |");
    line("|---|---:|---|---:|---:|---:|---|");
    for (InventoryLatencyResult result : results) {
      inventoryRow(result, result.plain(), InventoryLatencyBenchmark.PAGE);
      inventoryRow(result, result.filtered(), result.ownerClients());
    }
    line("");
  }

  private void inventoryRow(InventoryLatencyResult result, LatencySummary summary, int listed) {
    line(
        row(
            result.database(),
            Integer.toString(result.clients()),
            "`" + summary.label() + "`",
            Integer.toString(listed),
            format("%.1f", summary.p50()),
            format("**%.1f**", summary.p95()),
            met(result.met(summary))));
  }

  private void metrics(MetricsOverheadResult result) {
    line(
        "**7. metrics at the token endpoint on "
            + result.database()
            + "** (client_credentials grants per second of a self-service client, mean of the"
            + " rounds; two servers side by side, `--metrics-enabled=true` and `false`; the"
            + " provider's counters "
            + (result.providerCounters() ? "listed" : "not listed")
            + " in `/metrics`"
            + (Double.isNaN(result.grantsCounted())
                ? ""
                : format(", its grant counter at %.0f after the rounds", result.grantsCounted()))
            + ")");
    grantsAndRatios(result.grants(), result.ratios());
  }

  private void keyClients(KeyClientThroughputResult result) {
    line(
        "**8. key-holding clients on "
            + result.database()
            + "** (client_credentials grants per second, mean of the rounds; every"
            + " `private_key_jwt` grant with a fresh RS256 assertion, signed by the load's own"
            + " threads on the same machine)");
    grantsAndRatios(result.clients(), result.ratios());
  }

  /** The grant rates of an item's clients, then its paired ratios, as two tables. */
  private void grantsAndRatios(List<ThroughputResult.Rate> rates, List<JudgedRatio> ratios) {
    line("");
    line("| client_credentials | grants/s | grants sent |");
    line("|---|---:|---:|");
    for (ThroughputResult.Rate rate : rates) {
      line(row(rate.label(), format("%.1f", rate.mean()), Long.toString(rate.requests())));
    }
    line("");
    line("| ratio (median of paired rounds) | value | rounds range | goal | met |");
    line("|---|---:|---|---|---|");
    ratios.forEach(this::ratioRow);
    line("");
  }

  private static String bytes(double bytes) {
    if (Double.isNaN(bytes)) {
      return "–";
    }
    return bytes >= 1024 * 1024
        ? format("%.1f MB", bytes / (1024 * 1024))
        : format("%.1f KB", bytes / 1024);
  }

  private void create(CreateLatencyResult result) {
    line("**2. create latency** (milliseconds, one request at a time)");
    line("");
    line("| endpoint | p50 | p95 | samples |");
    line("|---|---:|---:|---:|");
    for (LatencySummary latency :
        new LatencySummary[] {result.selfService(), result.dynamicRegistration()}) {
      line(
          row(
              latency.label(),
              format("%.1f", latency.p50()),
              format("%.1f", latency.p95()),
              Integer.toString(latency.samples())));
    }
    line(
        row(
            "**ratio this API / DCR** (goal ≤ 1.0: "
                + met(result.latency().p50Ratio() <= CreateLatencyResult.GOAL)
                + " at p50, "
                + met(result.latency().p95Ratio() <= CreateLatencyResult.GOAL)
                + " at p95)",
            format("%.3f", result.latency().p50Ratio()),
            format("%.3f", result.latency().p95Ratio()),
            ""));
    line("");
  }

  private void lists(SuiteResults results) {
    line("**3. list latency** (milliseconds; a user's list of their own clients)");
    line("");
    line(
        "| database | clients in realm | p50 | p95 | growth p50 | growth p95 | goal ≤ 1.5 |"
            + " large realm filled in |");
    line("|---|---:|---:|---:|---:|---:|---|---|");
    for (ListLatencyResult result : results.lists()) {
      listRow(result.database(), result.smallRealmClients(), result.small(), "", "", "", "");
      listRow(
          result.database(),
          result.largeRealmClients(),
          result.large(),
          format("**%.3f**", result.latency().p50Ratio()),
          format("**%.3f**", result.latency().p95Ratio()),
          met(
              result.latency().p50Ratio() <= ListLatencyResult.GOAL
                  && result.latency().p95Ratio() <= ListLatencyResult.GOAL),
          format(
              "%d s (%.0f creates/s)", result.fillTime().toSeconds(), result.createsPerSecond()));
    }
    line("");
  }

  private void listRow(
      String database, int clients, LatencySummary latency, String... growthAndGoal) {
    List<String> cells =
        new ArrayList<>(
            List.of(
                database,
                Integer.toString(clients),
                format("%.1f", latency.p50()),
                format("%.1f", latency.p95())));
    cells.addAll(List.of(growthAndGoal));
    line(row(cells.toArray(String[]::new)));
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |";
  }

  private void ratioRow(JudgedRatio judged) {
    PairedRatio ratio = judged.ratio();
    line(
        row(
            judged.label(),
            format("%.3f", ratio.median()),
            format("%.3f–%.3f", ratio.lowest(), ratio.highest()),
            judged.goal(),
            judged.met()));
  }

  private static String met(boolean met) {
    return met ? "met" : "not met";
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
