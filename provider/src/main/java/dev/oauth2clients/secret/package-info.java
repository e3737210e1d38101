/**
 * Secrets: how they are made and hashed, and the hashes a client may authenticate with, kept in
 * client attributes. Uses store only.
 */
package dev.oauth2clients.secret;
