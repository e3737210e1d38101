/**
 * Keycloak capability: the owner's e-mails (created, rotated, expiring), their outbox and per-owner
 * window, and the scheduled tasks that send them. Uses the model, events and policy.
 */
package dev.oauth2clients.notice;
