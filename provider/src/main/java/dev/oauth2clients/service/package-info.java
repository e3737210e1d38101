/**
 * Service: what a caller may do with their own clients, the one place both surfaces call:
 * validation, quota, client policies, the model, owner notices, the operations' metrics, and the
 * mapping to representations. Called by transport only.
 */
package dev.oauth2clients.service;
