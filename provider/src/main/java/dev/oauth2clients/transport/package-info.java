/**
 * Transport: the HTTP surface of {@code /realms/{realm}/oauth2-clients}. The REST resource, its
 * routes and fallbacks, request bodies and the Accept header, the one mapper that writes the
 * contract's error body, the OpenAPI document, and the provider factory that starts everything up.
 * Calls the admission, then the service; may use every package below it.
 */
package dev.oauth2clients.transport;
