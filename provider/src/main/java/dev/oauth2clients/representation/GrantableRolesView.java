package dev.oauth2clients.representation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.oauth2clients.privilege.GrantableRoles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roles a caller may choose for a client now: those they hold that an admin marked grantable,
 * sorted by name, client roles under their client's id. The account page's picker offers these.
 */
public record GrantableRolesView(
    @JsonProperty("realm_roles") List<Role> realmRoles,
    @JsonProperty("client_roles") Map<String, List<Role>> clientRoles) {

  /** One role; {@code description} is null where the role has none. */
  public record Role(
      @JsonProperty("name") String name,
      @JsonProperty("description") @JsonInclude(JsonInclude.Include.ALWAYS) String description) {}

  public static GrantableRolesView of(GrantableRoles.Offer offer) {
    Map<String, List<Role>> clientRoles = new LinkedHashMap<>();
    offer.clientRoles().forEach((clientId, roles) -> clientRoles.put(clientId, roles(roles)));
    return new GrantableRolesView(roles(offer.realmRoles()), clientRoles);
  }

  private static List<Role> roles(List<GrantableRoles.Grantable> roles) {
    return roles.stream().map(role -> new Role(role.name(), role.description())).toList();
  }
}
