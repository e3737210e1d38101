/**
 * Validation: the contract's rules for each field and request body, pure logic without Keycloak
 * types, with limits taken from the field table in {@code client.ClientFields}. Called by the
 * service only.
 */
package dev.oauth2clients.validation;
