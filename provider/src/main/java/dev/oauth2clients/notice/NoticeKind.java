package dev.oauth2clients.notice;

import dev.oauth2clients.events.AuditEvents.Operation;

/**
 * The e-mails an owner gets, each with its subject message and template in the provider's theme
 * resources ({@code theme-resources/} in the JAR), which Keycloak adds to every theme, so they work
 * with any e-mail theme a realm has and a realm's own theme can override them.
 */
enum NoticeKind {
  CLIENT_CREATED(
      "oauth2ClientsCreatedSubject", "oauth2-clients-created.ftl", Operation.NOTICE_CLIENT_CREATED),
  SECRET_ROTATED(
      "oauth2ClientsSecretRotatedSubject",
      "oauth2-clients-secret-rotated.ftl",
      Operation.NOTICE_SECRET_ROTATED),
  SECRET_EXPIRING(
      "oauth2ClientsSecretExpiringSubject",
      "oauth2-clients-secret-expiring.ftl",
      Operation.NOTICE_SECRET_EXPIRING),
  SECRET_REVOKED(
      "oauth2ClientsSecretRevokedSubject",
      "oauth2-clients-secret-revoked.ftl",
      Operation.NOTICE_SECRET_REVOKED);

  final String subjectKey;
  final String template;
  final Operation operation;

  NoticeKind(String subjectKey, String template, Operation operation) {
    this.subjectKey = subjectKey;
    this.template = template;
    this.operation = operation;
  }
}
