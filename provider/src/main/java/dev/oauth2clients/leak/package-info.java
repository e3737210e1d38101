/**
 * Keycloak capability: leak response. Secrets reported as found, and an admin's revocation of many
 * clients' secrets, are looked up by their hash and revoked through the model, with the owner's
 * e-mail and an event; an admin's lookup tells whether a found string is one of the realm's
 * secrets. Uses the model, storage, secrets, notices and policy.
 */
package dev.oauth2clients.leak;
