/**
 * Representation: the contract's client object and error codes as Jackson records, the JSON mapper
 * and merge patch. The lowest layer of the request path; it reads the model.
 */
package dev.oauth2clients.representation;
