package dev.oauth2clients.policy;

import dev.oauth2clients.secret.SecretFormat;
import java.util.Optional;

/**
 * Each setting of the realm policy, described once: the field of the admin console tab's form, the
 * realm attribute that holds it (the truth), the label people read, what values it takes, and its
 * default. {@link RealmPolicy} reads the attributes, {@link PolicyForm} checks the tab's form and
 * {@link PolicyTabFactory} draws it, all from here.
 */
public enum PolicySetting {
  ENABLED(
      "enabled",
      "oauth2-clients.enabled",
      "Enabled",
      "Lets the users of this realm create and manage their own OAuth2 clients.",
      Values.SWITCH,
      null,
      "false"),
  MAX_CLIENTS_PER_USER(
      "maxClientsPerUser",
      "oauth2-clients.max-clients-per-user",
      "Max clients per user",
      "How many clients one user may own",
      Values.WHOLE_NUMBER,
      new WholeNumberRange(0, 10_000),
      "25"),
  REQUIRED_ROLE(
      "requiredRole",
      "oauth2-clients.required-role",
      "Required role",
      "A realm role a user must have to use the feature; empty lets every user in.",
      Values.ROLE,
      null,
      ""),
  ACCESS_TOKEN_LIFESPAN(
      "accessTokenLifespan",
      "oauth2-clients.access-token-lifespan",
      "Access token lifespan",
      "Lifetime in seconds of the access tokens these clients get",
      Values.WHOLE_NUMBER,
      new WholeNumberRange(60, 86_400),
      "3600"),
  MAX_SECRET_LIFETIME(
      "maxSecretLifetime",
      "oauth2-clients.max-secret-lifetime",
      "Max secret lifetime (seconds)",
      "Longest lifetime in seconds of a client secret, and the lifetime a new secret gets when its"
          + " owner names none; empty lets secrets live until rotated",
      Values.WHOLE_NUMBER,
      new WholeNumberRange(60, RealmPolicy.LONGEST_SECRET_LIFETIME),
      ""),
  SECRET_LIFETIME_REQUIRED(
      "secretLifetimeRequired",
      "oauth2-clients.secret-lifetime-required",
      "Secret lifetime required",
      "Refuses secrets without a lifetime. With a maximum set, new secrets get it by default.",
      Values.SWITCH,
      null,
      "false"),
  MAX_ROTATION_OVERLAP(
      "maxRotationOverlap",
      "oauth2-clients.max-rotation-overlap",
      "Max rotation overlap (seconds)",
      "How many seconds a replaced secret may keep working after a rotation, at most",
      Values.WHOLE_NUMBER,
      new WholeNumberRange(0, 2_592_000),
      "604800"),
  EXPIRY_NOTICE_DAYS(
      "expiryNoticeDays",
      "oauth2-clients.expiry-notice-days",
      "Expiry notice (days)",
      "How many days before a secret expires its owner is told by e-mail; 0 sends no notice",
      Values.WHOLE_NUMBER,
      new WholeNumberRange(0, 365),
      "7"),
  CALLER_CLIENTS(
      "callerClients",
      "oauth2-clients.caller-clients",
      "Caller applications",
      "Client IDs, comma-separated, of the applications whose users' tokens may create and manage"
          + " clients; empty means the account console only. Every application named here can mint"
          + " permanent credentials in the name of whoever signs in to it.",
      Values.CLIENT_IDS,
      null,
      "account-console"),
  SECRET_PREFIX(
      "secretPrefix",
      "oauth2-clients.secret-prefix",
      "Secret prefix",
      "What every new client secret begins with, so that secret scanners recognise this realm's"
          + " secrets: 2 to 16 of a-z, 0-9, _ and -. Secrets made before a change keep working.",
      Values.SECRET_PREFIX,
      null,
      SecretFormat.DEFAULT_PREFIX),
  CLIENT_TYPES(
      "clientTypes",
      "oauth2-clients.client-types",
      "Client types",
      "The kinds of client users may make, comma-separated: confidential (a secret), public (an"
          + " app in a browser or on a device, with PKCE) and private_key_jwt (a key pair). A kind"
          + " removed later stops its clients from getting tokens until it is allowed again.",
      Values.CLIENT_TYPES,
      null,
      ClientKind.CONFIDENTIAL.policyName);

  /** What a setting holds. */
  public enum Values {
    SWITCH,
    WHOLE_NUMBER,
    ROLE,
    /** Comma-separated client IDs of the realm. */
    CLIENT_IDS,
    /** What {@link SecretFormat#isValidPrefix} accepts. */
    SECRET_PREFIX,
    /** Comma-separated names of {@link ClientKind}s, at least one. */
    CLIENT_TYPES
  }

  /** The form's field name; it carries no dots, because the admin console's form nests on them. */
  public final String formName;

  public final String attribute;
  public final String label;
  public final Values values;
  public final String defaultValue;
  private final String help;
  private final WholeNumberRange range;

  PolicySetting(
      String formName,
      String attribute,
      String label,
      String help,
      Values values,
      WholeNumberRange range,
      String defaultValue) {
    this.formName = formName;
    this.attribute = attribute;
    this.label = label;
    this.help = help;
    this.values = values;
    this.range = range;
    this.defaultValue = defaultValue;
  }

  /** The range of a whole-number setting; empty for the others. */
  public Optional<WholeNumberRange> range() {
    return Optional.ofNullable(range);
  }

  /** The help text of the tab, with the range where there is one. */
  public String helpText() {
    return range().map(r -> help + " (" + r.min() + " to " + r.max() + ").").orElse(help);
  }
}
