package dev.oauth2clients.privilege;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;

/**
 * Where a client's chosen roles live: the configuration of its one {@link ChosenRolesMapper}, so
 * that admins see them on the client's dedicated scope and that each token reads them from the
 * cached client without a query. A client without chosen roles has no such mapper.
 */
public final class RolesOnClient {

  static final String REALM_ROLES = "realm_roles";
  static final String CLIENT_ROLES = "client_roles";
  private static final String MAPPER_NAME = "chosen roles";

  private RolesOnClient() {}

  /** What the client carries: as its owner chose it, or as an admin left it in the mapper. */
  public static ChosenRoles of(ClientModel client) {
    return mapper(client)
        .map(
            m ->
                ChosenRoles.fromJson(
                    m.getConfig().get(REALM_ROLES), m.getConfig().get(CLIENT_ROLES)))
        .orElse(ChosenRoles.NONE);
  }

  /** Where the table of fields says the roles are kept. */
  public static String location() {
    return "PROTOCOL_MAPPER_CONFIG of the client's mapper '" + MAPPER_NAME + "', JSON";
  }

  public static void setRealmRoles(ClientModel client, List<String> realmRoles) {
    ChosenRoles now = of(client);
    set(client, now, new ChosenRoles(realmRoles, now.clientRoles()));
  }

  public static void setClientRoles(ClientModel client, Map<String, List<String>> clientRoles) {
    ChosenRoles now = of(client);
    set(client, now, new ChosenRoles(now.realmRoles(), clientRoles));
  }

  /** Writes only what changed; an empty choice removes the mapper. */
  private static void set(ClientModel client, ChosenRoles now, ChosenRoles roles) {
    Optional<ProtocolMapperModel> existing = mapper(client);
    if (roles.isEmpty()) {
      existing.ifPresent(client::removeProtocolMapper);
      return;
    }
    if (roles.equals(now)) {
      return;
    }
    ProtocolMapperModel mapper = existing.orElseGet(RolesOnClient::newMapper);
    Map<String, String> config = new HashMap<>(mapper.getConfig());
    config.put(REALM_ROLES, roles.realmRolesJson());
    config.put(CLIENT_ROLES, roles.clientRolesJson());
    mapper.setConfig(config);
    if (existing.isPresent()) {
      client.updateProtocolMapper(mapper);
    } else {
      client.addProtocolMapper(mapper);
    }
  }

  private static Optional<ProtocolMapperModel> mapper(ClientModel client) {
    return client
        .getProtocolMappersStream()
        .filter(m -> ChosenRolesMapper.PROVIDER_ID.equals(m.getProtocolMapper()))
        .findFirst();
  }

  /** In access tokens, introspection and userinfo, so that all three agree; not in ID tokens. */
  private static ProtocolMapperModel newMapper() {
    ProtocolMapperModel mapper = new ProtocolMapperModel();
    mapper.setName(MAPPER_NAME);
    mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
    mapper.setProtocolMapper(ChosenRolesMapper.PROVIDER_ID);
    Map<String, String> config = new HashMap<>();
    config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true");
    config.put(OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, "true");
    config.put(OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO, "true");
    config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, "false");
    mapper.setConfig(config);
    return mapper;
  }
}
