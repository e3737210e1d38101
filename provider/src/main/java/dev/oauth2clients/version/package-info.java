/**
 * Which Keycloak line runs, and what the provider does differently per line; a start-up step that
 * fails switches the provider off in one log line. Depends on nothing of the provider.
 */
package dev.oauth2clients.version;
