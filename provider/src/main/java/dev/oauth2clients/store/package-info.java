/**
 * Storage: the provider's JPA entities and their queries, and the names of the attributes it keeps
 * on Keycloak's clients. Depends on nothing of the provider but spi.
 */
package dev.oauth2clients.store;
