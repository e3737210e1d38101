package dev.oauth2clients.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.privilege.ChosenRoles;
import java.util.List;
import java.util.Map;

/**
 * The fields an owner may set, already validated ({@link ClientFields} says where each lives).
 * Lists and maps are never null; absent strings, metadata and lifespan are null (the lifespan then
 * is the realm's). {@code enabled} is the owner's switch; null leaves it as it is.
 */
public record ClientMetadata(
    String clientName,
    String description,
    List<String> redirectUris,
    List<String> postLogoutRedirectUris,
    List<String> allowedCorsOrigins,
    String clientUri,
    String logoUri,
    String policyUri,
    String tosUri,
    String frontchannelLogoutUri,
    String backchannelLogoutUri,
    ObjectNode jwks,
    String jwksUri,
    List<String> contacts,
    ObjectNode metadata,
    List<String> realmRoles,
    Map<String, List<String>> clientRoles,
    Integer accessTokenLifespan,
    Boolean enabled) {

  /** The chosen roles, in their canonical form. */
  public ChosenRoles roles() {
    return new ChosenRoles(realmRoles, clientRoles);
  }
}
