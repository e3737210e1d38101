/**
 * Keycloak capability: the provider's counters on Keycloak's {@code /metrics}, in Micrometer's
 * global registry as Keycloak's own event metrics are. Operations of the API are counted where the
 * service ends them (and a revocation wherever it is made); the token endpoint's answers to
 * self-service clients by a global event listener. Any package may count, so this one uses nothing
 * of the provider but spi and store.
 */
package dev.oauth2clients.metrics;
