package dev.oauth2clients.secret;

import dev.oauth2clients.store.ClientAttributes;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;

/**
 * The hashes a client may authenticate with and when each stops working: the current secret, and
 * during a rotation overlap the one it replaced. They live in client attributes, so the token
 * endpoint reads them from Keycloak's cluster-wide client cache, and a change on one node holds on
 * every node at once. Times are seconds since the epoch; {@link #NEVER} means no expiry.
 *
 * @param currentHash null once an admin revoked the secret
 * @param previousHash null when there is no overlap
 */
public record StoredSecrets(
    String currentHash, long currentExpiresAt, String previousHash, long previousExpiresAt) {

  public static final long NEVER = 0L;

  /** What a presented secret turned out to be. */
  public enum Match {
    CURRENT,
    PREVIOUS,
    /** The current secret, past its expiry. */
    EXPIRED,
    /** The replaced secret, after its overlap ended. */
    OVERLAP_ENDED,
    WRONG
  }

  public static StoredSecrets of(ClientModel client) {
    return new StoredSecrets(
        client.getAttribute(ClientAttributes.SECRET_HASH),
        seconds(client.getAttribute(ClientAttributes.SECRET_EXPIRES_AT)),
        client.getAttribute(ClientAttributes.PREVIOUS_SECRET_HASH),
        seconds(client.getAttribute(ClientAttributes.PREVIOUS_SECRET_EXPIRES_AT)));
  }

  /** A first secret: nothing before it. */
  public static StoredSecrets first(String hash, long expiresAt) {
    return new StoredSecrets(hash, expiresAt, null, NEVER);
  }

  /**
   * The secrets after a rotation: the new one, and the current one kept for {@code overlapSeconds}
   * (never beyond its own expiry; 0 ends it at once). Whatever overlap was running ends: only the
   * two newest secrets ever work.
   */
  public StoredSecrets rotated(String newHash, long newExpiresAt, long overlapSeconds, long now) {
    if (overlapSeconds <= 0 || currentHash == null) {
      return first(newHash, newExpiresAt);
    }
    long overlapEnd = now + overlapSeconds;
    long previousEnd =
        currentExpiresAt == NEVER ? overlapEnd : Math.min(overlapEnd, currentExpiresAt);
    return previousEnd <= now
        ? first(newHash, newExpiresAt)
        : new StoredSecrets(newHash, newExpiresAt, currentHash, previousEnd);
  }

  public StoredSecrets withoutPrevious() {
    return first(currentHash, currentExpiresAt);
  }

  /** Whether the replaced secret still works at {@code now}. */
  public boolean overlapping(long now) {
    return previousHash != null && now < previousExpiresAt;
  }

  /**
   * Compares the candidate with both hashes every time, each in constant time, so the answer's
   * timing does not tell which secret came close.
   */
  public Match match(String candidate, long now) {
    boolean current = ClientSecrets.matches(candidate, currentHash);
    boolean previous = ClientSecrets.matches(candidate, previousHash);
    if (current) {
      return expired(currentExpiresAt, now) ? Match.EXPIRED : Match.CURRENT;
    }
    if (previous) {
      return overlapping(now) ? Match.PREVIOUS : Match.OVERLAP_ENDED;
    }
    return Match.WRONG;
  }

  public void writeTo(ClientModel client) {
    set(client, ClientAttributes.SECRET_HASH, currentHash);
    set(client, ClientAttributes.SECRET_EXPIRES_AT, currentExpiresAt);
    set(client, ClientAttributes.PREVIOUS_SECRET_HASH, previousHash);
    set(
        client,
        ClientAttributes.PREVIOUS_SECRET_EXPIRES_AT,
        previousHash == null ? NEVER : previousExpiresAt);
  }

  /**
   * An admin's revocation: no secret of the owner works any more. The hashes are kept apart, never
   * to authenticate with, only to recognise a revoked secret (a second revocation keeps the
   * first's).
   */
  public static void revokeAll(ClientModel client) {
    StoredSecrets secrets = of(client);
    String revoked =
        Stream.of(
                client.getAttribute(ClientAttributes.REVOKED_SECRET_HASHES),
                secrets.currentHash,
                secrets.previousHash)
            .filter(Objects::nonNull)
            .collect(Collectors.joining(" "));
    client.setAttribute(ClientAttributes.SECRET_REVOKED_BY_ADMIN, "true");
    set(client, ClientAttributes.REVOKED_SECRET_HASHES, revoked.isEmpty() ? null : revoked);
    new StoredSecrets(null, NEVER, null, NEVER).writeTo(client);
  }

  /** The owner's rotation lifts an admin's revocation, which is what the admin asked for. */
  public static void liftRevocation(ClientModel client) {
    set(client, ClientAttributes.SECRET_REVOKED_BY_ADMIN, null);
    set(client, ClientAttributes.REVOKED_SECRET_HASHES, null);
  }

  /** Whether the candidate is a secret an admin revoked; each hash compared in constant time. */
  public static boolean wasRevoked(ClientModel client, String candidate) {
    String revoked = client.getAttribute(ClientAttributes.REVOKED_SECRET_HASHES);
    boolean found = false;
    for (String hash : revoked == null ? new String[0] : revoked.split(" ")) {
      found |= ClientSecrets.matches(candidate, hash);
    }
    return found;
  }

  private static boolean expired(long expiresAt, long now) {
    return expiresAt != NEVER && now >= expiresAt;
  }

  private static void set(ClientModel client, String attribute, String value) {
    if (value == null) {
      if (client.getAttribute(attribute) != null) {
        client.removeAttribute(attribute);
      }
    } else if (!value.equals(client.getAttribute(attribute))) {
      client.setAttribute(attribute, value);
    }
  }

  private static void set(ClientModel client, String attribute, long seconds) {
    set(client, attribute, seconds == NEVER ? null : Long.toString(seconds));
  }

  private static long seconds(String attribute) {
    if (attribute == null) {
      return NEVER;
    }
    try {
      return Long.parseLong(attribute);
    } catch (NumberFormatException malformed) {
      // Only an admin's hand edit gets here; a secret whose end is unreadable is treated as ended.
      return 1L;
    }
  }
}
