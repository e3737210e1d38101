package dev.oauth2clients.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.client.FixedSettings;
import dev.oauth2clients.client.SelfServiceClient;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.resource.ClientMetadataValidator.AcceptedFixedValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.common.constants.ServiceAccountConstants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/** Maps self-service clients to the contract's client object, and says which fixed values fit. */
final class ClientViews {

  private static final long SECRET_NEVER_EXPIRES = 0L;

  private ClientViews() {}

  static OAuth2ClientView withoutSecret(SelfServiceClient client) {
    return view(client, null);
  }

  static OAuth2ClientView withSecret(SelfServiceClient client, String secret) {
    return view(client, secret);
  }

  /** On create: the values the new client will get; the server-made ones may not be sent yet. */
  static AcceptedFixedValues acceptedOnCreate(
      RealmModel realm, UserModel owner, RealmPolicy policy) {
    ObjectNode shown = Json.MAPPER.createObjectNode();
    shown.set("grant_types", Json.toTree(FixedSettings.GRANT_TYPES));
    shown.set("response_types", Json.toTree(FixedSettings.RESPONSE_TYPES));
    shown.put("scope", scopeOfNewClient(realm));
    shown.set("audience", Json.toTree(List.of(owner.getId())));
    shown.put("token_endpoint_auth_method", FixedSettings.TOKEN_ENDPOINT_AUTH_METHOD);
    shown.put("owner", owner.getId());
    shown.put("access_token_lifespan", policy.accessTokenLifespan());
    shown.put("client_secret_expires_at", SECRET_NEVER_EXPIRES);
    return new AcceptedFixedValues(shown, Json.MAPPER.createObjectNode());
  }

  /** On update: what the client shows now, or the realm's current lifespan. */
  static AcceptedFixedValues acceptedOnUpdate(SelfServiceClient client, RealmPolicy policy) {
    ObjectNode shown = (ObjectNode) Json.toTree(withoutSecret(client));
    shown.put("client_secret_expires_at", SECRET_NEVER_EXPIRES);
    ObjectNode alternatives = Json.MAPPER.createObjectNode();
    alternatives.put("access_token_lifespan", policy.accessTokenLifespan());
    return new AcceptedFixedValues(shown, alternatives);
  }

  /** What {@link SelfServiceClient#scope()} will say once the client exists. */
  private static String scopeOfNewClient(RealmModel realm) {
    Stream<String> realmDefaults =
        realm
            .getDefaultClientScopesStream(true)
            .filter(scope -> OIDCLoginProtocol.LOGIN_PROTOCOL.equals(scope.getProtocol()))
            .map(ClientScopeModel::getName);
    // Enabling the service account attaches this scope as a default one.
    Stream<String> serviceAccount =
        Stream.ofNullable(
                KeycloakModelUtils.getClientScopeByName(
                    realm, ServiceAccountConstants.SERVICE_ACCOUNT_SCOPE))
            .map(ClientScopeModel::getName);
    return FixedSettings.scope(Stream.concat(realmDefaults, serviceAccount).distinct());
  }

  private static OAuth2ClientView view(SelfServiceClient client, String secret) {
    ClientModel model = client.model();
    return new OAuth2ClientView(
        model.getClientId(),
        secret,
        secret == null ? null : SECRET_NEVER_EXPIRES,
        client.entity().getCreatedAt() / 1000,
        model.getName(),
        model.getDescription(),
        sorted(model.getRedirectUris()),
        splitAttribute(model, OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS),
        sorted(model.getWebOrigins()),
        model.getBaseUrl(),
        model.getAttribute("logoUri"),
        model.getAttribute("policyUri"),
        model.getAttribute("tosUri"),
        contacts(client),
        Optional.ofNullable(client.entity().getMetadata()).map(Json::readStored).orElse(null),
        model.isEnabled(),
        FixedSettings.GRANT_TYPES,
        FixedSettings.RESPONSE_TYPES,
        client.scope(),
        List.of(client.ownerId()),
        FixedSettings.TOKEN_ENDPOINT_AUTH_METHOD,
        client.ownerId(),
        lifespan(model),
        Instant.ofEpochMilli(client.entity().getCreatedAt()).toString(),
        Instant.ofEpochMilli(client.entity().getUpdatedAt()).toString());
  }

  private static List<String> contacts(SelfServiceClient client) {
    String stored = client.entity().getContacts();
    if (stored == null) {
      return List.of();
    }
    List<String> contacts = new ArrayList<>();
    Json.readStored(stored).forEach(node -> contacts.add(node.textValue()));
    return contacts;
  }

  private static int lifespan(ClientModel model) {
    String value = model.getAttribute(OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN);
    return value == null ? RealmPolicy.DEFAULT_ACCESS_TOKEN_LIFESPAN : Integer.parseInt(value);
  }

  // Keycloak keeps redirect URIs and web origins as sets; sorting makes reads repeatable.
  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }

  private static List<String> splitAttribute(ClientModel model, String name) {
    String value = model.getAttribute(name);
    return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split("##"));
  }
}
