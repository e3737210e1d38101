/**
 * Keycloak capability: listeners that keep self-service clients in step with what changes in
 * Keycloak around them (owners removed or renamed, clients edited by an admin, roles, realm policy,
 * an admin's Regenerate). Uses the model below it.
 */
package dev.oauth2clients.lifecycle;
