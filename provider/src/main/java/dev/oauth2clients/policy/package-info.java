/**
 * Keycloak capability: the realm admin's policy, read from realm attributes, and the admin console
 * tab that edits it. Uses secret (for the prefix rule), spi and version.
 */
package dev.oauth2clients.policy;
