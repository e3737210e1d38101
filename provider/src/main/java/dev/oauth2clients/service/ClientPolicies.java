package dev.oauth2clients.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AdminClientRegisterContext;
import org.keycloak.services.clientpolicy.context.AdminClientUpdateContext;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Runs the realm's client policies (Realm settings → Client policies) on a self-service client that
 * is being created or updated, as Keycloak's admin API and dynamic client registration do. It runs
 * on the client as the request has just written it, inside the request's transaction, so a refusal
 * rolls everything back.
 *
 * <p>Executors may also rewrite the client they are shown. An executor that only adds client
 * attributes (such as the PKCE enforcer's auto-configuration) has them applied; one that would
 * change anything else would break the settings every self-service client has by contract, so the
 * request is refused instead.
 */
final class ClientPolicies {

  private ClientPolicies() {}

  static void onCreate(
      KeycloakSession session, ClientModel client, UserModel owner, AccessToken token) {
    enforce(session, client, owner, token, AdminClientRegisterContext::new);
  }

  static void onUpdate(
      KeycloakSession session, ClientModel client, UserModel owner, AccessToken token) {
    enforce(
        session,
        client,
        owner,
        token,
        (proposed, caller) -> new AdminClientUpdateContext(proposed, client, caller));
  }

  /**
   * The owner as Keycloak's client-policy contexts for an authenticated user's registration know a
   * caller: the admin API's contexts are the ones whose conditions and executors mean "a signed-in
   * user registers or updates a client" (the condition client-updater-context calls it
   * ByAuthenticatedUser); dynamic registration's mean a registration token. Nothing in them grants
   * admin rights: AdminAuth only carries who is calling.
   */
  private static AdminAuth caller(KeycloakSession session, UserModel owner, AccessToken token) {
    RealmModel realm = session.getContext().getRealm();
    ClientModel app =
        token.getIssuedFor() == null ? null : realm.getClientByClientId(token.getIssuedFor());
    return new AdminAuth(realm, token, owner, app);
  }

  private static void enforce(
      KeycloakSession session,
      ClientModel client,
      UserModel owner,
      AccessToken token,
      BiFunction<ClientRepresentation, AdminAuth, ClientCRUDContext> event) {
    ClientRepresentation proposed = ModelToRepresentation.toRepresentation(client, session);
    ClientCRUDContext context = event.apply(proposed, caller(session, owner, token));
    ObjectNode before = (ObjectNode) Json.toTree(proposed);
    try {
      session.clientPolicy().triggerOnEvent(context);
    } catch (ClientPolicyException refused) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          "A client policy of this realm refuses the client: " + reason(refused));
    }
    addedAttributes(before, (ObjectNode) Json.toTree(proposed)).forEach(client::setAttribute);
  }

  /** What the executors added to the client's attributes; any other rewrite is refused. */
  static Map<String, String> addedAttributes(ObjectNode before, ObjectNode after) {
    ObjectNode attributesBefore = attributes(before);
    ObjectNode attributesAfter = attributes(after);
    List<String> rewritten = new ArrayList<>();
    after
        .fieldNames()
        .forEachRemaining(
            field -> {
              if (!field.equals("attributes") && !after.get(field).equals(before.get(field))) {
                rewritten.add(field);
              }
            });
    Map<String, String> added = new HashMap<>();
    attributesAfter
        .fields()
        .forEachRemaining(
            attribute -> {
              JsonNode old = attributesBefore.get(attribute.getKey());
              if (old == null) {
                added.put(attribute.getKey(), attribute.getValue().asText());
              } else if (!old.equals(attribute.getValue())) {
                rewritten.add("attributes." + attribute.getKey());
              }
            });
    attributesBefore
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!attributesAfter.has(name)) {
                rewritten.add("attributes." + name);
              }
            });
    if (!rewritten.isEmpty()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          "A client policy of this realm would change settings that self-service clients keep"
              + " fixed ("
              + String.join(", ", rewritten)
              + "); ask the realm administrator.");
    }
    return added;
  }

  private static ObjectNode attributes(ObjectNode representation) {
    JsonNode attributes = representation.get("attributes");
    return attributes instanceof ObjectNode object ? object : Json.MAPPER.createObjectNode();
  }

  private static String reason(ClientPolicyException refused) {
    String detail = refused.getErrorDetail();
    return detail == null || detail.isBlank() || detail.equals("NA") ? refused.getError() : detail;
  }
}
