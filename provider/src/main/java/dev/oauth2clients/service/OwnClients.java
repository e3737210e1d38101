package dev.oauth2clients.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.client.ClientFields;
import dev.oauth2clients.client.ClientMetadata;
import dev.oauth2clients.client.SelfServiceClient;
import dev.oauth2clients.client.SelfServiceClients;
import dev.oauth2clients.metrics.OperationMetrics;
import dev.oauth2clients.metrics.OperationMetrics.Operation;
import dev.oauth2clients.notice.OwnerNotices;
import dev.oauth2clients.policy.ClientKind;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.privilege.ChosenRoles;
import dev.oauth2clients.privilege.GrantableRoles;
import dev.oauth2clients.privilege.RolesOnClient;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.ApiException;
import dev.oauth2clients.representation.ClientViews;
import dev.oauth2clients.representation.GrantableRolesView;
import dev.oauth2clients.representation.JsonMergePatch;
import dev.oauth2clients.representation.OAuth2ClientView;
import dev.oauth2clients.validation.ClientIds;
import dev.oauth2clients.validation.ClientMetadataValidator;
import dev.oauth2clients.validation.SecretRequests;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;

/**
 * What an authenticated caller may do with their own clients. The REST resource and the GraphQL
 * endpoint are two surfaces over this one class, so both apply the same realm policy, validation,
 * quota, client policies, events and owner notices. A refusal is an {@link ApiException}; the
 * surface writes it in its own form and rolls the request's transaction back.
 *
 * <p>The bodies of changes to an existing client are read only once the client is found, so that
 * someone else's client is {@code not_found} whatever the body says. Every body, a create's too, is
 * read inside the operation, so that a malformed one counts among the operation's refusals on the
 * server's metrics.
 */
public final class OwnClients {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final SelfServiceClients clients;
  private final UserModel user;
  private final AccessToken token;
  private final RealmPolicy policy;

  public OwnClients(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      AccessToken token,
      RealmPolicy policy) {
    this.session = session;
    this.realm = realm;
    this.clients = new SelfServiceClients(session, realm);
    this.user = user;
    this.token = token;
    this.policy = policy;
  }

  /** Makes a client from a create body; the answer carries its one-time secret. */
  public OAuth2ClientView create(Supplier<ObjectNode> sent) {
    return counted(Operation.CREATE, () -> created(sent.get()));
  }

  private OAuth2ClientView created(ObjectNode body) {
    ClientKind kind = ClientMetadataValidator.kindOnCreate(body, policy.clientKinds());
    long secretLifetime = SecretRequests.lifetimeOnCreate(body, policy, kind);
    ClientMetadata metadata =
        ClientMetadataValidator.validate(
            body, EchoedFixedValues.onCreate(realm, user, kind), policy.accessTokenLifespan());
    requireGrantable(metadata.roles().addedSince(ChosenRoles.NONE));
    if (clients.lockOwnerAndCount(user) >= policy.maxClientsPerUser()) {
      throw ApiError.QUOTA_EXCEEDED.because(
          "You already own the maximum of "
              + policy.maxClientsPerUser()
              + " clients; delete one first.");
    }
    SelfServiceClients.Created created =
        clients.create(user, kind, metadata, policy, secretLifetime);
    ClientPolicies.onCreate(session, created.client().model(), user, token);
    OwnerNotices.clientCreated(session, realm, created.client());
    return ClientViews.withSecret(created.client(), policy, created.secret());
  }

  /** The caller's clients, oldest first; with ids, only those of them the caller owns. */
  public List<OAuth2ClientView> list(Collection<String> clientIds, int first, int max) {
    if (clientIds.size() > ClientIds.MAX_FILTER) {
      throw ApiError.INVALID_REQUEST.because(
          "At most " + ClientIds.MAX_FILTER + " client ids may be asked for at once.");
    }
    List<String> possible = clientIds.stream().filter(ClientIds::couldExist).toList();
    if (possible.size() < clientIds.size() && possible.isEmpty()) {
      // Only ids that no client can have: nothing matches, and an empty filter would mean all.
      return List.of();
    }
    return clients.listOwned(user, possible, first, max).stream()
        .map(client -> ClientViews.withoutSecret(client, policy))
        .toList();
  }

  public OAuth2ClientView read(String clientId) {
    return ClientViews.withoutSecret(owned(clientId), policy);
  }

  /** Replaces the owner's fields; a body without {@code enabled} asks for the default, on. */
  public OAuth2ClientView replace(String clientId, Supplier<ObjectNode> sent) {
    return counted(
        Operation.UPDATE,
        () -> {
          SelfServiceClient client = owned(clientId);
          ObjectNode body = sent.get();
          JsonNode enabled = body.get(ClientFields.ENABLED.name());
          if (enabled == null || enabled.isNull()) {
            body.put(ClientFields.ENABLED.name(), true);
          }
          return store(client, body);
        });
  }

  /** Applies a JSON merge patch (RFC 7396) to the client as shown, then stores it as a whole. */
  public OAuth2ClientView patch(String clientId, Supplier<ObjectNode> patch) {
    return counted(
        Operation.UPDATE,
        () -> {
          SelfServiceClient client = owned(clientId);
          JsonNode patched =
              JsonMergePatch.apply(ClientViews.patchTarget(client, policy), patch.get());
          return store(client, (ObjectNode) patched);
        });
  }

  /**
   * Deletes the caller's client, unless an admin disabled it: deleting it and making a new one
   * would undo the admin's decision.
   */
  public void delete(String clientId) {
    counted(
        Operation.DELETE,
        () -> {
          SelfServiceClient client = owned(clientId);
          if (client.disabledByAdmin()) {
            throw ApiError.ACCESS_DENIED.because(
                "An administrator disabled this client; only an administrator can delete it or"
                    + " enable it again.");
          }
          clients.delete(client);
          return null;
        });
  }

  /** A new secret under the terms of a rotation body ({@code {}} for the defaults). */
  public OAuth2ClientView rotateSecret(String clientId, Supplier<ObjectNode> terms) {
    return counted(
        Operation.ROTATE,
        () -> {
          SelfServiceClient client = owned(clientId);
          SecretRequests.requireSecret(client.kind());
          SecretRequests.Rotation rotation = SecretRequests.rotation(terms.get(), policy);
          String secret = clients.rotateSecret(client, rotation.lifetime(), rotation.overlap());
          OwnerNotices.secretRotated(session, realm, client);
          return ClientViews.withSecret(client, policy, secret);
        });
  }

  /**
   * Ends a rotation's overlap: the replaced secret fails from now on. Idempotent. A change to the
   * client, counted as an update (its audit event is a {@code CLIENT_UPDATE} too).
   */
  public void endSecretOverlap(String clientId) {
    counted(
        Operation.UPDATE,
        () -> {
          clients.endOverlap(owned(clientId));
          return null;
        });
  }

  /**
   * Runs one of the operations that {@code oauth2_clients_operations_total} counts, and counts how
   * it ended: a refusal (an {@link ApiException}, always a 4xx) at once, a success once the
   * request's transaction commits. Reads are not counted.
   */
  private <T> T counted(Operation operation, Supplier<T> call) {
    T answer;
    try {
      answer = call.get();
    } catch (ApiException refusal) {
      OperationMetrics.refused(realm, operation);
      throw refusal;
    }
    OperationMetrics.succeeded(session, realm, operation);
    return answer;
  }

  /**
   * Validates the whole new client object of a replace or patch and stores it. Turning on a client
   * that an admin turned off is refused: the admin's switch is not the owner's to flip.
   */
  private OAuth2ClientView store(SelfServiceClient client, ObjectNode newObject) {
    ClientMetadata metadata =
        ClientMetadataValidator.validate(
            newObject, EchoedFixedValues.onUpdate(client, policy), policy.accessTokenLifespan());
    requireGrantable(metadata.roles().addedSince(RolesOnClient.of(client.model())));
    if (Boolean.TRUE.equals(metadata.enabled()) && client.disabledByAdmin()) {
      throw ApiError.ACCESS_DENIED.because(
          "An administrator disabled this client; only an administrator can enable it"
              + " again. Send enabled false, or leave it out of a PATCH, to change other"
              + " fields.");
    }
    clients.update(client, metadata, policy);
    ClientPolicies.onUpdate(session, client.model(), user, token);
    return ClientViews.withoutSecret(client, policy);
  }

  /** The roles the caller may choose for a client now. */
  public GrantableRolesView grantableRoles() {
    return GrantableRolesView.of(GrantableRoles.offeredTo(user));
  }

  /**
   * Roles newly chosen must be grantable and held by the caller now. Roles a client already had are
   * not asked again: an owner who lost one can still change the client, and tokens leave it out.
   */
  private void requireGrantable(ChosenRoles added) {
    GrantableRoles.firstRefused(realm, user, added)
        .ifPresent(
            role -> {
              throw ApiError.INVALID_CLIENT_METADATA.because(
                  "You cannot give a client the "
                      + role
                      + ": choose among the roles you hold that an administrator marked"
                      + " grantable (GET oauth2-clients/grantable-roles lists them).");
            });
  }

  /** The caller's client; anyone else's, or one not made here, is reported as missing. */
  private SelfServiceClient owned(String clientId) {
    return (ClientIds.couldExist(clientId)
            ? clients.findOwned(user, clientId)
            : Optional.<SelfServiceClient>empty())
        .orElseThrow(() -> ApiError.NOT_FOUND.because("No such client."));
  }
}
