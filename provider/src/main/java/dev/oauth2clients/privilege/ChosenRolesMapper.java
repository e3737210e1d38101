package dev.oauth2clients.privilege;

import dev.oauth2clients.store.ClientAttributes;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.ProtocolMapperUtils;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

/**
 * Puts into each token that a self-service client gets for itself the roles its owner chose that
 * the owner still holds and that are still grantable at this moment, with what chosen composites
 * contain, as {@code realm_access} and {@code resource_access}, and names each client whose roles
 * it carries in {@code aud} (as Keycloak's audience resolution does). It runs on every grant,
 * refresh, introspection and userinfo call, so a role the owner lost or an admin unmarked is gone
 * from the next one; nothing is copied onto the client's service account, where it would outlive
 * the owner's.
 *
 * <p>It runs after Keycloak's role mappers and only adds: whatever they put there (nothing, for a
 * client without full scope whose service account holds no roles) stays.
 */
public class ChosenRolesMapper extends AbstractOIDCProtocolMapper
    implements OIDCAccessTokenMapper, TokenIntrospectionTokenMapper, UserInfoTokenMapper {

  public static final String PROVIDER_ID = "oauth2-clients-chosen-roles";

  /** Every grant reads the same configuration text: it is parsed once, not per grant. */
  private static final ParsedChoices PARSED = new ParsedChoices();

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayType() {
    return "Self-service client: chosen roles";
  }

  @Override
  public String getDisplayCategory() {
    return TOKEN_MAPPER_CATEGORY;
  }

  @Override
  public String getHelpText() {
    return "The roles the owner of a self-service client chose for it. Tokens carry those the owner"
        + " still holds and that are marked grantable (role attribute "
        + GrantableRoles.ATTRIBUTE
        + "=true). Has no effect on other clients.";
  }

  @Override
  public int getPriority() {
    return ProtocolMapperUtils.PRIORITY_ROLE_MAPPER + 1;
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    List<ProviderConfigProperty> properties =
        ProviderConfigurationBuilder.create()
            .property()
            .name(RolesOnClient.REALM_ROLES)
            .label("Realm roles")
            .helpText("JSON array of realm role names, e.g. [\"reader\"].")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .property()
            .name(RolesOnClient.CLIENT_ROLES)
            .label("Client roles")
            .helpText(
                "JSON object from a client's Client ID to an array of its role names, e.g."
                    + " {\"billing-api\": [\"invoices:read\"]}.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .build();
    OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, ChosenRolesMapper.class);
    return properties;
  }

  /**
   * An admin who edits the mapper in the console gets a clear refusal for text that is not JSON.
   */
  @Override
  public void validateConfig(
      KeycloakSession session,
      RealmModel realm,
      ProtocolMapperContainerModel client,
      ProtocolMapperModel mapperModel)
      throws ProtocolMapperConfigException {
    Map<String, String> config = mapperModel.getConfig();
    if (!ChosenRoles.parses(
        config.get(RolesOnClient.REALM_ROLES), config.get(RolesOnClient.CLIENT_ROLES))) {
      // Keycloak looks the key up in the admin theme's messages and shows the text where none is.
      throw new ProtocolMapperConfigException(
          "Realm roles must be a JSON array of names and client roles a JSON object of such"
              + " arrays by Client ID.",
          "oauth2ClientsChosenRolesNotJson");
    }
  }

  @Override
  protected void setClaim(
      IDToken token,
      ProtocolMapperModel mappingModel,
      UserSessionModel userSession,
      KeycloakSession session,
      ClientSessionContext clientSessionCtx) {
    if (!(token instanceof AccessToken accessToken)) {
      return;
    }
    ClientModel client = clientSessionCtx.getClientSession().getClient();
    String ownerId = client.getAttribute(ClientAttributes.OWNER);
    if (ownerId == null || !actsAsItself(client, userSession)) {
      return;
    }
    RealmModel realm = client.getRealm();
    UserModel owner = session.users().getUserById(realm, ownerId);
    if (owner == null) {
      return;
    }
    Map<String, String> config = mappingModel.getConfig();
    ChosenRoles chosen =
        PARSED.read(config.get(RolesOnClient.REALM_ROLES), config.get(RolesOnClient.CLIENT_ROLES));
    carryHeld(accessToken, owner, chosen.realmRoles().stream().map(realm::getRole));
    chosen
        .clientRoles()
        .forEach(
            (clientId, names) -> {
              ClientModel roleClient = realm.getClientByClientId(clientId);
              if (roleClient != null) {
                carryHeld(accessToken, owner, names.stream().map(roleClient::getRole));
              }
            });
  }

  /** The chosen roles (null where none has the name) that the owner may still give, expanded. */
  private static void carryHeld(AccessToken token, UserModel owner, Stream<RoleModel> chosen) {
    chosen
        .filter(role -> GrantableRoles.mayChoose(owner, role))
        .flatMap(GrantableRoles::withComposites)
        .forEach(role -> carry(token, role));
  }

  /**
   * Only the client's own tokens (its service account's: {@code client_credentials} and their
   * refreshes) stand for the owner. A user who signs in through the client gets a token of their
   * own, which must never carry the owner's roles.
   */
  private static boolean actsAsItself(ClientModel client, UserSessionModel userSession) {
    return userSession != null
        && client.getId().equals(userSession.getUser().getServiceAccountClientLink());
  }

  private static void carry(AccessToken token, RoleModel role) {
    if (role.isClientRole()) {
      String clientId = GrantableRoles.clientIdOf(role);
      token.addAccess(clientId).addRole(role.getName());
      token.addAudience(clientId);
    } else {
      if (token.getRealmAccess() == null) {
        token.setRealmAccess(new AccessToken.Access());
      }
      token.getRealmAccess().addRole(role.getName());
    }
  }
}
