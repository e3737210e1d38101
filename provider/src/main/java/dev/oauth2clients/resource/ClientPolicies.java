package dev.oauth2clients.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;

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
    enforce(session, ClientPolicyEvent.REGISTER, client, null, owner, token);
  }

  static void onUpdate(
      KeycloakSession session, ClientModel client, UserModel owner, AccessToken token) {
    enforce(session, ClientPolicyEvent.UPDATE, client, client, owner, token);
  }

  private static void enforce(
      KeycloakSession session,
      ClientPolicyEvent event,
      ClientModel client,
      ClientModel target,
      UserModel owner,
      AccessToken token) {
    ClientRepresentation proposed = ModelToRepresentation.toRepresentation(client, session);
    ObjectNode before = (ObjectNode) Json.toTree(proposed);
    try {
      session.clientPolicy().triggerOnEvent(new Context(event, proposed, target, owner, token));
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

  /** The request as the policies' conditions and executors see it. */
  private record Context(
      ClientPolicyEvent event,
      ClientRepresentation proposed,
      ClientModel target,
      UserModel owner,
      AccessToken token)
      implements ClientCRUDContext {

    @Override
    public ClientPolicyEvent getEvent() {
      return event;
    }

    @Override
    public ClientRepresentation getProposedClientRepresentation() {
      return proposed;
    }

    @Override
    public ClientModel getTargetClient() {
      return target;
    }

    @Override
    public UserModel getAuthenticatedUser() {
      return owner;
    }

    @Override
    public JsonWebToken getToken() {
      return token;
    }
  }
}
