/**
 * The model: self-service clients made, changed and removed through Keycloak's model API, the fixed
 * settings every such client gets, the consent page, and {@code ClientFields}, the two-way table
 * between the contract's fields and where Keycloak or the provider stores them.
 */
package dev.oauth2clients.client;
