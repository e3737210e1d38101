package dev.oauth2clients.privilege;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;

/**
 * Which roles an owner may give a client: those the owner holds now (directly, through a group or a
 * composite) that a realm admin marked grantable with the role attribute {@value #ATTRIBUTE}.
 */
public final class GrantableRoles {

  /** Role attribute; {@code true} lets owners choose the role for their clients. */
  public static final String ATTRIBUTE = "oauth2-clients.grantable";

  private GrantableRoles() {}

  public static boolean isGrantable(RoleModel role) {
    return "true".equalsIgnoreCase(role.getFirstAttribute(ATTRIBUTE));
  }

  /** A role the owner may give a client now, as the account page lists it. */
  public record Grantable(String name, String description) {}

  /** What the owner may choose: realm roles, and client roles by {@code clientId}, by name. */
  public record Offer(List<Grantable> realmRoles, Map<String, List<Grantable>> clientRoles) {}

  /** Every role {@code owner} may choose now, sorted by name. */
  public static Offer offeredTo(UserModel owner) {
    List<RoleModel> grantable =
        RoleUtils.getDeepUserRoleMappings(owner).stream()
            .filter(GrantableRoles::isGrantable)
            .sorted(Comparator.comparing(RoleModel::getName))
            .toList();
    List<Grantable> realmRoles =
        grantable.stream().filter(role -> !role.isClientRole()).map(GrantableRoles::of).toList();
    Map<String, List<Grantable>> clientRoles = new TreeMap<>();
    grantable.stream()
        .filter(RoleModel::isClientRole)
        .forEach(
            role ->
                clientRoles
                    .computeIfAbsent(clientIdOf(role), clientId -> new ArrayList<>())
                    .add(of(role)));
    return new Offer(realmRoles, clientRoles);
  }

  /**
   * The first of {@code asked} that {@code owner} may not choose, named as the refusal names it;
   * empty when all may be chosen. A role that does not exist, one the owner lacks and one not
   * grantable are named alike, so the answer does not tell which roles and clients exist.
   */
  public static Optional<String> firstRefused(
      RealmModel realm, UserModel owner, ChosenRoles asked) {
    for (String name : asked.realmRoles()) {
      if (!mayChoose(owner, realm.getRole(name))) {
        return Optional.of("realm role '" + name + "'");
      }
    }
    for (Map.Entry<String, List<String>> entry : asked.clientRoles().entrySet()) {
      ClientModel client = realm.getClientByClientId(entry.getKey());
      for (String name : entry.getValue()) {
        if (client == null || !mayChoose(owner, client.getRole(name))) {
          return Optional.of("'" + entry.getKey() + "' role '" + name + "'");
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the role exists, is grantable and {@code owner} holds it at this moment. */
  static boolean mayChoose(UserModel owner, RoleModel role) {
    return role != null && isGrantable(role) && owner.hasRole(role);
  }

  /** The {@code clientId} of a client role's client. */
  static String clientIdOf(RoleModel clientRole) {
    return ((ClientModel) clientRole.getContainer()).getClientId();
  }

  private static Grantable of(RoleModel role) {
    return new Grantable(role.getName(), role.getDescription());
  }

  /**
   * The roles a chosen role brings into a token: itself and all it contains. Most chosen roles are
   * not composites, and this runs on every grant: those skip the expansion.
   */
  static Stream<RoleModel> withComposites(RoleModel role) {
    return role.isComposite()
        ? RoleUtils.expandCompositeRolesStream(Stream.of(role))
        : Stream.of(role);
  }
}
