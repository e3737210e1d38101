/**
 * Keycloak capability: the user events that record each change to a self-service client and each
 * mail to its owner. Depends on nothing of the provider.
 */
package dev.oauth2clients.events;
