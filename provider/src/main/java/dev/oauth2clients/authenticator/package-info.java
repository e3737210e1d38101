/**
 * Keycloak capability: the client authenticator that checks a self-service client's hashed secret
 * at the token endpoint, with the realm policy and the client's state, and the service account's
 * consent. Uses policy, secret, signin, usage, store and version.
 */
package dev.oauth2clients.authenticator;
