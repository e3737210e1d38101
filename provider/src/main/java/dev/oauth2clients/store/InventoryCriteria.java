package dev.oauth2clients.store;

/**
 * What an inventory query asks of the realm's self-service clients; a null member asks nothing.
 *
 * @param ownerId the owner's user id
 * @param idleSince clients whose latest grant, or creation when never used, is at or before this
 *     time (milliseconds since the epoch)
 * @param neverExpires {@code true}: the current secret has no expiry and is not revoked; {@code
 *     false}: it has an expiry or is revoked
 */
public record InventoryCriteria(String ownerId, Long idleSince, Boolean neverExpires) {}
