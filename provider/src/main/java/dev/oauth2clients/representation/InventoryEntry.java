package dev.oauth2clients.representation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An entry of the admin's inventory: the contract's client object (never with a secret), its
 * owner's username ({@code null} when the owner cannot be found), and for a lookup which of the
 * client's secrets matched.
 */
public record InventoryEntry(
    @JsonUnwrapped OAuth2ClientView client,
    @JsonProperty("owner_username") @JsonInclude(JsonInclude.Include.ALWAYS) String ownerUsername,
    @JsonProperty("matched") String matched) {

  public InventoryEntry {
    if (client.clientSecret() != null) {
      throw new IllegalArgumentException("an inventory entry never carries a secret");
    }
  }

  /** The same entry, saying which secret a lookup matched: {@code current} or {@code previous}. */
  public InventoryEntry matching(String which) {
    return new InventoryEntry(client, ownerUsername, which);
  }
}
