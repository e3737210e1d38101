/**
 * Small adapters to Keycloak's SPIs that any package may use: stateless factories and global event
 * listeners. Depends on nothing of the provider.
 */
package dev.oauth2clients.spi;
