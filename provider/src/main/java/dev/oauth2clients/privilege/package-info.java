/**
 * Keycloak capability: least privilege. The roles an owner chose for a client (kept in a protocol
 * mapper on the client, where admins see and edit them), which of an owner's roles are grantable,
 * and the mapper that puts the chosen roles the owner still holds into each token. Uses store.
 */
package dev.oauth2clients.privilege;
