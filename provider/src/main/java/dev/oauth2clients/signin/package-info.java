/**
 * Where Keycloak may send users' browsers for a self-service client: only while the client could
 * get tokens. Uses the realm policy and the client attributes; every layer above may use it.
 */
package dev.oauth2clients.signin;
