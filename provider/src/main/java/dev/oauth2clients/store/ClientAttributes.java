package dev.oauth2clients.store;

import org.keycloak.models.ClientModel;

/**
 * The attributes this provider keeps on Keycloak's client model. On the model they ride Keycloak's
 * cluster-wide client cache, so the token endpoint reads them without a database query, and they
 * travel with a realm export. Nothing here depends on the rest of the provider, so every package
 * may name them.
 */
public final class ClientAttributes {

  /** The owner's user id; its presence marks a client as self-service. */
  public static final String OWNER = "oauth2-clients.owner";

  /** The owner's username, for admins reading the client in the admin console. */
  public static final String OWNER_USERNAME = "oauth2-clients.owner-username";

  /** The SHA-256 of the client's secret, lower-case hex. */
  public static final String SECRET_HASH = "oauth2-clients.secret-sha256";

  /** When the secret stops working, in seconds since the epoch; absent when it never does. */
  public static final String SECRET_EXPIRES_AT = "oauth2-clients.secret-expires-at";

  /** The SHA-256 of the secret a rotation replaced, while it still works (rotation overlap). */
  public static final String PREVIOUS_SECRET_HASH = "oauth2-clients.previous-secret-sha256";

  /** When the replaced secret stops working, in seconds since the epoch. */
  public static final String PREVIOUS_SECRET_EXPIRES_AT =
      "oauth2-clients.previous-secret-expires-at";

  /**
   * {@code "true"} while the owner has paused the client; absent otherwise. Keycloak's own enabled
   * switch stays the admins', so an owner can never undo what an admin turned off.
   */
  public static final String PAUSED = "oauth2-clients.paused";

  /**
   * {@code "true"} once a realm admin regenerated the client's secret in Keycloak: the owner's
   * secret is revoked until the owner rotates it.
   */
  public static final String SECRET_REVOKED_BY_ADMIN = "oauth2-clients.secret-revoked-by-admin";

  /**
   * The hashes an admin's revocation took away, space-separated: only so that the token endpoint
   * can tell a caller who still holds one why it fails, and tell no one else anything.
   */
  public static final String REVOKED_SECRET_HASHES = "oauth2-clients.revoked-secret-sha256";

  /**
   * The same for secrets revoked because someone reported them as found ({@code POST
   * /oauth2-clients/revocations}), so that the token endpoint can say so to whoever still holds
   * one.
   */
  public static final String REPORTED_SECRET_HASHES = "oauth2-clients.reported-secret-sha256";

  /**
   * The client's redirect and post-logout URIs, as JSON, while it could get no tokens: Keycloak's
   * own places for them are empty then, so that it redirects nowhere (see {@code SignInTargets}).
   */
  public static final String WITHHELD_SIGN_IN_TARGETS = "oauth2-clients.withheld-redirect-uris";

  /**
   * The SHA-256 of the redirect and post-logout URIs as the owner last set them, so that an owner's
   * change that replaces URIs an admin set since is recorded as such.
   */
  public static final String OWNER_SET_REDIRECTS = "oauth2-clients.owner-redirect-uris-sha256";

  /**
   * The access token lifespan, in seconds, that the owner chose; absent when the client takes the
   * realm's. Keycloak's own {@code access.token.lifespan} holds the one that applies.
   */
  public static final String CHOSEN_ACCESS_TOKEN_LIFESPAN = "oauth2-clients.access-token-lifespan";

  private ClientAttributes() {}

  /** The owner's choice; {@code null} when there is none (or it is not a number). */
  public static Integer chosenAccessTokenLifespan(ClientModel client) {
    String chosen = client.getAttribute(CHOSEN_ACCESS_TOKEN_LIFESPAN);
    try {
      return chosen == null ? null : Integer.valueOf(chosen);
    } catch (NumberFormatException malformed) {
      return null;
    }
  }

  public static boolean isPaused(ClientModel client) {
    return Boolean.parseBoolean(client.getAttribute(PAUSED));
  }
}
