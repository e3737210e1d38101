/**
 * Keycloak capability: the client_credentials grant and refresh-token provider that share one
 * session per self-service client and node. Uses store and version.
 */
package dev.oauth2clients.grant;
