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

  /** Which of a client's secrets a reported hash was, if any of its live ones. */
  public enum Reported {
    CURRENT,
    PREVIOUS,
    NOT_LIVE
  }

  /** Why a presented secret that matches neither live hash stopped working, if it was revoked. */
  public enum Revocation {
    BY_ADMIN,
    REPORTED,
    NONE
  }

  /**
   * An admin's revocation: no secret of the owner works any more. The hashes are kept apart, never
   * to authenticate with, only to recognise a revoked secret (a second revocation keeps the
   * first's).
   */
  public static void revokeAll(ClientModel client) {
    StoredSecrets secrets = of(client);
    client.setAttribute(ClientAttributes.SECRET_REVOKED_BY_ADMIN, "true");
    keep(client, ClientAttributes.REVOKED_SECRET_HASHES, secrets.currentHash, secrets.previousHash);
    new StoredSecrets(null, NEVER, null, NEVER).writeTo(client);
  }

  /**
   * A report of a found secret revokes that secret only, if it still works at {@code now}: whoever
   * reports the replaced secret of a rotation does not hold the new one, and may not take it away.
   * A secret already expired or revoked is left as it is.
   */
  public static Reported revokeReported(ClientModel client, String hash, long now) {
    StoredSecrets secrets = of(client);
    if (hash.equals(secrets.currentHash) && !expired(secrets.currentExpiresAt, now)) {
      keep(client, ClientAttributes.REPORTED_SECRET_HASHES, hash);
      new StoredSecrets(null, NEVER, secrets.previousHash, secrets.previousExpiresAt)
          .writeTo(client);
      return Reported.CURRENT;
    }
    if (hash.equals(secrets.previousHash) && secrets.overlapping(now)) {
      keep(client, ClientAttributes.REPORTED_SECRET_HASHES, hash);
      secrets.withoutPrevious().writeTo(client);
      return Reported.PREVIOUS;
    }
    return Reported.NOT_LIVE;
  }

  /** The owner's rotation lifts every revocation, which is what the admin or reporter asked for. */
  public static void liftRevocation(ClientModel client) {
    set(client, ClientAttributes.SECRET_REVOKED_BY_ADMIN, null);
    set(client, ClientAttributes.REVOKED_SECRET_HASHES, null);
    set(client, ClientAttributes.REPORTED_SECRET_HASHES, null);
  }

  /**
   * Whether the candidate is a secret that was revoked, and how; every hash compared in constant
   * time. Only a caller whose candidate matched a revoked hash learns anything.
   */
  public static Revocation revocationOf(ClientModel client, String candidate) {
    boolean reported = anyMatches(client, ClientAttributes.REPORTED_SECRET_HASHES, candidate);
    boolean byAdmin = anyMatches(client, ClientAttributes.REVOKED_SECRET_HASHES, candidate);
    if (reported) {
      return Revocation.REPORTED;
    }
    return byAdmin ? Revocation.BY_ADMIN : Revocation.NONE;
  }

  private static boolean anyMatches(ClientModel client, String attribute, String candidate) {
    String hashes = client.getAttribute(attribute);
    boolean found = false;
    for (String hash : hashes == null ? new String[0] : hashes.split(" ")) {
      found |= ClientSecrets.matches(candidate, hash);
    }
    return found;
  }

  /** Adds the hashes to the space-separated list in {@code attribute}. */
  private static void keep(ClientModel client, String attribute, String... hashes) {
    String kept =
        Stream.concat(Stream.of(client.getAttribute(attribute)), Stream.of(hashes))
            .filter(Objects::nonNull)
            .distinct()
            .collect(Collectors.joining(" "));
    set(client, attribute, kept.isEmpty() ? null : kept);
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
