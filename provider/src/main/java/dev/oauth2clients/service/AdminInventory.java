package dev.oauth2clients.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.client.SelfServiceClient;
import dev.oauth2clients.client.SelfServiceClients;
import dev.oauth2clients.leak.SecretRevocations;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.representation.ClientViews;
import dev.oauth2clients.representation.InventoryEntry;
import dev.oauth2clients.representation.RevokedSecrets;
import dev.oauth2clients.store.InventoryCriteria;
import dev.oauth2clients.store.SelfServiceClientEntity;
import dev.oauth2clients.store.SelfServiceClientStore;
import dev.oauth2clients.validation.AdminRequests;
import dev.oauth2clients.validation.InventoryFilters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The realm admin's view of every self-service client of the realm: the inventory with its filters,
 * the revocation of chosen clients' secrets, and the lookup of a found string. Which clients the
 * admin may see or change is the caller's to say (Keycloak's admin permissions live in transport);
 * everything else is decided here.
 */
public final class AdminInventory {

  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  private final KeycloakSession session;
  private final RealmModel realm;
  private final RealmPolicy policy;
  private final SelfServiceClients clients;
  private final SelfServiceClientStore store;

  public AdminInventory(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
    this.policy = RealmPolicy.of(realm);
    this.clients = new SelfServiceClients(session, realm);
    this.store = new SelfServiceClientStore(session);
  }

  /**
   * One page of the inventory.
   *
   * @param entries the page's clients that {@code mayView} lets the admin see, oldest first
   * @param full whether the database's page was full, so that a next page may hold more
   */
  public record Page(List<InventoryEntry> entries, boolean full, int first, int max) {}

  public Page list(Map<String, List<String>> query, Predicate<ClientModel> mayView) {
    InventoryFilters filters = InventoryFilters.of(query);
    InventoryCriteria criteria =
        new InventoryCriteria(
            filters.owner() == null ? null : ownerId(filters.owner()),
            filters.idleDays() == null
                ? null
                : System.currentTimeMillis() - filters.idleDays() * DAY_MILLIS,
            filters.neverExpires());
    List<SelfServiceClientEntity> rows =
        store.inventory(realm.getId(), criteria, filters.first(), filters.max());
    Map<String, String> usernames = new HashMap<>();
    List<InventoryEntry> entries =
        rows.stream()
            .map(clients::of)
            .flatMap(Optional::stream)
            .filter(client -> mayView.test(client.model()))
            .map(client -> entry(client, usernames))
            .toList();
    return new Page(entries, rows.size() == filters.max(), filters.first(), filters.max());
  }

  /**
   * Revokes every secret of each named self-service client that {@code mayManage} lets the admin
   * change, with its owner's e-mail and user event; any other client, a public or key-holding one
   * without a secret included, is left as it is.
   *
   * @return the ids revoked, each once, in the order named
   */
  public RevokedSecrets revokeSecrets(ObjectNode body, Predicate<ClientModel> mayManage) {
    Set<String> named = AdminRequests.clientIds(body);
    Map<String, SelfServiceClient> found = new HashMap<>();
    for (SelfServiceClientEntity row : store.withClientIds(realm.getId(), named)) {
      clients.of(row).ifPresent(client -> found.put(client.clientId(), client));
    }
    SecretRevocations revocations = new SecretRevocations(session, realm);
    List<String> revoked = new ArrayList<>();
    for (String clientId : named) {
      SelfServiceClient client = found.get(clientId);
      if (client != null && client.kind().hasSecret() && mayManage.test(client.model())) {
        revocations.revokeAllByAdmin(client);
        revoked.add(clientId);
      }
    }
    return new RevokedSecrets(List.copyOf(revoked));
  }

  /**
   * The entry of the client whose current or previous secret the body's string is; changes nothing.
   */
  public Optional<InventoryEntry> lookup(ObjectNode body, Predicate<ClientModel> mayView) {
    String candidate = AdminRequests.secret(body);
    return new SecretRevocations(session, realm)
        .lookup(candidate)
        .filter(found -> mayView.test(found.client().model()))
        .map(
            found ->
                entry(found.client(), new HashMap<>())
                    .matching(found.matched().name().toLowerCase(Locale.ROOT)));
  }

  /**
   * The user id that {@code owner} names: a user's id first, else a username. A value that names no
   * user is taken as an id, so that it matches only rows of an owner Keycloak no longer finds.
   */
  private String ownerId(String owner) {
    UserModel user = session.users().getUserById(realm, owner);
    if (user == null) {
      user = session.users().getUserByUsername(realm, owner);
    }
    return user == null ? owner : user.getId();
  }

  /** The entry, with the owner's username looked up once per owner and page. */
  private InventoryEntry entry(SelfServiceClient client, Map<String, String> usernames) {
    String username =
        usernames.computeIfAbsent(
            client.ownerId(),
            ownerId -> {
              UserModel owner = session.users().getUserById(realm, ownerId);
              return owner == null ? null : owner.getUsername();
            });
    return new InventoryEntry(ClientViews.withoutSecret(client, policy), username, null);
  }
}
