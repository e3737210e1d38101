/**
 * Admission: the gate every call passes before the service (feature switch, caller, CORS origin,
 * required role), as Keycloak's AccountLoader is for its account API. Uses policy and
 * representation (for refusals); called by transport only.
 */
package dev.oauth2clients.admission;
