/**
 * Transport: the HTTP surface of {@code /realms/{realm}/oauth2-clients} and of the admin's
 * inventory at {@code /admin/realms/{realm}/oauth2-clients} (Keycloak's admin API, whose
 * permissions are checked here and handed to the service as predicates). The REST resource, its
 * routes and fallbacks, request bodies and the Accept header, the one mapper that writes the
 * contract's error body, the OpenAPI document, and the provider factory that starts everything up.
 * Calls the admission, then the service; may use every package below it.
 */
package dev.oauth2clients.transport;
