/**
 * Last use of a client and each of its secrets, written at most once a minute per node. Uses store
 * only.
 */
package dev.oauth2clients.usage;
