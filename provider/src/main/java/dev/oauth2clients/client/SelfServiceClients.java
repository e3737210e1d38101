package dev.oauth2clients.client;

import dev.oauth2clients.authenticator.ClientAuthenticationFlowInstaller;
import dev.oauth2clients.authenticator.ServiceAccountConsent;
import dev.oauth2clients.events.AuditEvents;
import dev.oauth2clients.events.AuditEvents.Operation;
import dev.oauth2clients.policy.ClientKind;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.privilege.ChosenRoles;
import dev.oauth2clients.privilege.RolesOnClient;
import dev.oauth2clients.secret.ClientSecrets;
import dev.oauth2clients.secret.StoredSecrets;
import dev.oauth2clients.secret.StoredSecrets.Reported;
import dev.oauth2clients.signin.SignInReach;
import dev.oauth2clients.store.ClientAttributes;
import dev.oauth2clients.store.SelfServiceClientEntity;
import dev.oauth2clients.store.SelfServiceClientStore;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

/**
 * Creates, changes and removes self-service clients through Keycloak's model API, so that they are
 * ordinary Keycloak clients to every other part of the server.
 */
public final class SelfServiceClients {

  /** Realm attribute: the feature switch and required role that the realm's clients follow. */
  private static final String FOLLOWED_SWITCH_AND_ROLE = "oauth2-clients.followed-switch-and-role";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final SelfServiceClientStore store;

  public SelfServiceClients(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
    this.store = new SelfServiceClientStore(session);
  }

  /**
   * The plain secret is returned here and nowhere else; only its hash is kept. Null for a kind
   * without a secret.
   */
  public record Created(SelfServiceClient client, String secret) {}

  /**
   * @param secretLifetime seconds the first secret works; {@link StoredSecrets#NEVER} for no end
   */
  public Created create(
      UserModel owner,
      ClientKind kind,
      ClientMetadata metadata,
      RealmPolicy policy,
      long secretLifetime) {
    ClientModel model = realm.addClient(ClientSecrets.newClientId());
    FixedSettings.applyTo(session, realm, model, owner, kind);
    model.setAttribute(ClientAttributes.OWNER, owner.getId());
    model.setAttribute(ClientAttributes.OWNER_USERNAME, owner.getUsername());
    ConsentScreen.require(model, owner.getUsername());
    ServiceAccountConsent.grantToNewClient(session, realm, model);

    long now = System.currentTimeMillis();
    SelfServiceClientEntity entity = ownershipRow(model, owner.getId(), now);
    SelfServiceClient client = new SelfServiceClient(model, entity);
    ClientAuthenticationFlowInstaller.ensureInstalled(realm);
    String secret = kind.hasSecret() ? SecretIssuer.issue(realm, client, secretLifetime, 0) : null;
    apply(client, metadata, policy, now);
    OwnerSetRedirects.of(client).rememberAsOwnersOn(client);
    SignInReach.follow(session, realm, model);
    store.add(entity);
    Map<String, String> details = new HashMap<>();
    rolesChange(ChosenRoles.NONE, client, details);
    audit(Operation.CREATE, client, details);
    return new Created(client, secret);
  }

  /**
   * Stores the owner's new settings. A change to what users consented to (name, redirect URIs,
   * logo, policy or terms) withdraws every user's consent, so that no code goes somewhere new
   * before each user has seen the consent page again; the event says how many were withdrawn, and
   * whether the change replaced redirect URIs that an admin had set.
   */
  public void update(SelfServiceClient client, ClientMetadata metadata, RealmPolicy policy) {
    ConsentedTo before = ConsentedTo.of(client);
    OwnerSetRedirects redirectsBefore = OwnerSetRedirects.of(client);
    ChosenRoles rolesBefore = RolesOnClient.of(client.model());
    List<Object> keysBefore = keysOf(client);
    apply(client, metadata, policy, System.currentTimeMillis());
    if (!keysOf(client).equals(keysBefore)) {
      // Keycloak drops its cache of a client's public keys on this event: a replaced key then
      // fails from the next request on, and a new one works at once.
      client.model().updateClient();
    }
    OwnerSetRedirects redirectsAfter = OwnerSetRedirects.of(client);
    boolean replacedAdminEdit = redirectsBefore.replacedAdminEditWith(redirectsAfter, client);
    if (!redirectsAfter.equals(redirectsBefore)) {
      redirectsAfter.rememberAsOwnersOn(client);
    }
    followOwner(client);
    int withdrawn = before.equals(ConsentedTo.of(client)) ? 0 : withdrawConsents(client.model());
    Map<String, String> details = new HashMap<>();
    details.put(AuditEvents.CONSENTS_WITHDRAWN, Integer.toString(withdrawn));
    if (replacedAdminEdit) {
      details.put(AuditEvents.ADMIN_REDIRECT_URIS_REPLACED, "true");
    }
    rolesChange(rolesBefore, client, details);
    audit(Operation.UPDATE, client, details);
  }

  /**
   * Brings what a client takes from its owner and realm in line with them now: the owner's username
   * on the consent page, and whether Keycloak may redirect to it (see {@code SignInTargets}).
   * Writes only what changed.
   */
  void followOwner(SelfServiceClient client) {
    ClientModel model = client.model();
    UserModel owner = session.users().getUserById(realm, client.ownerId());
    if (owner != null
        && !owner.getUsername().equals(model.getAttribute(ClientAttributes.OWNER_USERNAME))) {
      model.setAttribute(ClientAttributes.OWNER_USERNAME, owner.getUsername());
      ConsentScreen.followRename(model, owner.getUsername());
    }
    SignInReach.follow(session, realm, model);
  }

  private static List<Object> keysOf(SelfServiceClient client) {
    return Arrays.asList(
        ClientFields.JWKS.read().apply(client), ClientFields.JWKS_URI.read().apply(client));
  }

  /** {@link #followOwner} for each client of one owner, after a change to that user. */
  public void followOwner(String ownerId) {
    followOwners(store.allOwned(realm.getId(), ownerId));
  }

  /** Whether the realm requires a role of owners, which makes roles and groups matter. */
  public boolean requiresARole() {
    return RealmPolicy.of(realm).requiredRole().isPresent();
  }

  /**
   * Whether the realm's clients last followed its current feature switch and required role (and the
   * kinds of client it allows): the realm remembers what they followed, so that each change is
   * followed once (and realms from before this was followed, or before kinds were, once).
   */
  public boolean followsSwitchAndRole() {
    return switchAndRole().equals(realm.getAttribute(FOLLOWED_SWITCH_AND_ROLE));
  }

  /** Remembers that the realm's clients follow its current switch and required role. */
  public void markSwitchAndRoleFollowed() {
    realm.setAttribute(FOLLOWED_SWITCH_AND_ROLE, switchAndRole());
  }

  private String switchAndRole() {
    RealmPolicy policy = RealmPolicy.of(realm);
    return policy.enabled()
        + " "
        + policy.requiredRole().orElse("")
        + " "
        + RealmPolicy.clientTypes(policy.clientKinds());
  }

  /**
   * {@link #followOwner} for one page of the realm's clients, the {@code max} after {@code afterId}
   * in id order ({@code ""} for the first page): a realm-wide change is followed page by page, each
   * in a transaction of its own.
   *
   * @return the ids of the page's clients; fewer than {@code max} on the last page
   */
  public List<String> followOwnersOfPage(String afterId, int max) {
    List<SelfServiceClientEntity> rows = store.pageOfRealm(realm.getId(), afterId, max);
    followOwners(rows);
    return rows.stream().map(SelfServiceClientEntity::getId).toList();
  }

  private void followOwners(List<SelfServiceClientEntity> rows) {
    rows.forEach(row -> withModel(row).ifPresent(this::followOwner));
  }

  /** Every user's consent but the client's own service account's, which lets it act as itself. */
  private int withdrawConsents(ClientModel client) {
    UserModel serviceAccount = session.users().getServiceAccount(client);
    int withdrawn = 0;
    for (String userId : store.usersConsentingTo(client.getId())) {
      if ((serviceAccount == null || !serviceAccount.getId().equals(userId))
          && session.users().revokeConsentForClient(realm, userId, client.getId())) {
        withdrawn++;
      }
    }
    return withdrawn;
  }

  /**
   * Replaces the secret. The old one keeps working for {@code overlap} seconds (0: it fails from
   * the next request on), and whatever secret an earlier overlap kept fails at once. It also lifts
   * an admin's revocation, which is what the admin asked the owner to do.
   *
   * @param secretLifetime seconds the new secret works; {@link StoredSecrets#NEVER} for no end
   */
  public String rotateSecret(SelfServiceClient client, long secretLifetime, long overlap) {
    String secret = SecretIssuer.issue(realm, client, secretLifetime, overlap);
    StoredSecrets.liftRevocation(client.model());
    client.entity().setSecretRevokedAt(null);
    // The secrets are rotated by now: if the old one still works, its last use moves with it.
    SelfServiceClientEntity entity = client.entity();
    boolean overlapping = client.secrets().overlapping(nowSeconds());
    entity.setPreviousSecretLastUsedAt(overlapping ? entity.getSecretLastUsedAt() : null);
    entity.setSecretLastUsedAt(null);
    entity.setUpdatedAt(System.currentTimeMillis());
    audit(Operation.ROTATE_SECRET, client);
    return secret;
  }

  /** The secret the last rotation replaced fails from the next request on. */
  public void endOverlap(SelfServiceClient client) {
    if (client.secrets().previousHash() == null) {
      return;
    }
    client.secrets().withoutPrevious().writeTo(client.model());
    client.entity().setPreviousSecretHash(null);
    client.entity().setPreviousSecretLastUsedAt(null);
    client.entity().setUpdatedAt(System.currentTimeMillis());
    audit(Operation.END_SECRET_OVERLAP, client);
  }

  /**
   * Revokes the client's secret whose hash is {@code hash}, if it still works: someone reported it
   * as found. Only that secret stops working (see {@link StoredSecrets#revokeReported}).
   *
   * @return which secret it was, or {@link Reported#NOT_LIVE} when it works no more anyway
   */
  public Reported revokeReported(SelfServiceClient client, String hash) {
    Reported which = StoredSecrets.revokeReported(client.model(), hash, nowSeconds());
    if (which == Reported.CURRENT) {
      client.entity().setSecretRevokedAt(System.currentTimeMillis());
    }
    if (which != Reported.NOT_LIVE) {
      audit(
          Operation.REVOKE_REPORTED_SECRET,
          client,
          Map.of(AuditEvents.REVOKED, which.name().toLowerCase(Locale.ROOT)));
    }
    return which;
  }

  /**
   * An admin's revocation: every secret of the client stops working until its owner rotates. A
   * client whose secrets are revoked already keeps its first revocation time.
   */
  public void revokeAllByAdmin(SelfServiceClient client) {
    StoredSecrets.revokeAll(client.model());
    if (client.entity().getSecretRevokedAt() == null) {
      client.entity().setSecretRevokedAt(System.currentTimeMillis());
    }
    audit(Operation.REVOKE_SECRETS_BY_ADMIN, client);
  }

  /** The client of a row, if Keycloak still has it. */
  public Optional<SelfServiceClient> of(SelfServiceClientEntity entity) {
    return withModel(entity);
  }

  /**
   * Removes the client the way the admin console does: its sessions, its service-account user and
   * with them every refresh token it holds.
   */
  public void delete(SelfServiceClient client) {
    remove(client, Operation.DELETE);
  }

  /**
   * After a realm import: clients that carry an owner attribute but have no row (the table is not
   * part of a realm export) get one back, so their owners see them again. Contacts, metadata, the
   * creation time and what did not fit Keycloak's name and description columns do not travel; the
   * row dates from the import.
   */
  public void adoptImportedClients() {
    long now = System.currentTimeMillis();
    List<ClientModel> adopted =
        realm
            .getClientsStream()
            .filter(model -> model.getAttribute(ClientAttributes.OWNER) != null)
            .filter(model -> store.findById(model.getId()).isEmpty())
            .toList();
    for (ClientModel model : adopted) {
      SelfServiceClientEntity row =
          ownershipRow(model, model.getAttribute(ClientAttributes.OWNER), now);
      store.add(row);
      followOwner(new SelfServiceClient(model, row));
    }
    if (!adopted.isEmpty()) {
      ClientAuthenticationFlowInstaller.ensureInstalled(realm);
    }
  }

  /** Deletes every client the user owns; used when the owner is removed. */
  public void deleteAllOwnedBy(String ownerId) {
    for (SelfServiceClientEntity entity : store.allOwned(realm.getId(), ownerId)) {
      withModel(entity)
          .ifPresentOrElse(
              client -> remove(client, Operation.DELETE_WITH_OWNER), () -> store.remove(entity));
    }
  }

  /**
   * Counts the owner's clients while holding a lock on the owner, so that concurrent creates by one
   * user cannot all pass the quota check before any of them is stored. The lock is the owner's row
   * in Keycloak's USER_ENTITY table and lasts until the request's transaction ends; users that have
   * no such row (federated without import) are counted without it.
   */
  public long lockOwnerAndCount(UserModel owner) {
    store.lockUser(owner.getId());
    return store.countOwned(realm.getId(), owner.getId());
  }

  /** The row that makes a Keycloak client the owner's, created and updated {@code now}. */
  private SelfServiceClientEntity ownershipRow(ClientModel model, String ownerId, long now) {
    SelfServiceClientEntity entity = new SelfServiceClientEntity();
    entity.setId(model.getId());
    entity.setRealmId(realm.getId());
    entity.setOwnerId(ownerId);
    entity.setClientId(model.getClientId());
    entity.setCreatedAt(now);
    entity.setUpdatedAt(now);
    return entity;
  }

  private void remove(SelfServiceClient client, Operation operation) {
    store.remove(client.entity());
    new ClientManager(new RealmManager(session)).removeClient(realm, client.model());
    audit(operation, client);
  }

  private void audit(Operation operation, SelfServiceClient client) {
    audit(operation, client, Map.of());
  }

  private void audit(Operation operation, SelfServiceClient client, Map<String, String> details) {
    AuditEvents.record(session, realm, operation, client.clientId(), client.ownerId(), details);
  }

  public Optional<SelfServiceClient> findOwned(UserModel owner, String clientId) {
    return store.findOwned(realm.getId(), owner.getId(), clientId).flatMap(this::withModel);
  }

  public List<SelfServiceClient> listOwned(
      UserModel owner, Collection<String> clientIds, int first, int max) {
    return store.listOwned(realm.getId(), owner.getId(), clientIds, first, max).stream()
        .map(this::withModel)
        .flatMap(Optional::stream)
        .toList();
  }

  private Optional<SelfServiceClient> withModel(SelfServiceClientEntity entity) {
    return Optional.ofNullable(realm.getClientById(entity.getId()))
        .map(model -> new SelfServiceClient(model, entity));
  }

  /** A change of the chosen roles is recorded with the roles before and after it. */
  private static void rolesChange(
      ChosenRoles before, SelfServiceClient client, Map<String, String> details) {
    ChosenRoles after = RolesOnClient.of(client.model());
    if (!after.equals(before)) {
      details.put(AuditEvents.ROLES_BEFORE, before.toJson());
      details.put(AuditEvents.ROLES_AFTER, after.toJson());
    }
  }

  /** Keycloak's own lifespan setting gets the one that applies: the owner's, within the realm's. */
  private void apply(
      SelfServiceClient client, ClientMetadata metadata, RealmPolicy policy, long now) {
    ClientFields.toInternal(metadata, client);
    int applying = policy.accessTokenLifespanFor(metadata.accessTokenLifespan());
    client
        .model()
        .setAttribute(OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN, Integer.toString(applying));
    client.entity().setUpdatedAt(now);
  }

  static long nowSeconds() {
    return System.currentTimeMillis() / 1000;
  }
}
