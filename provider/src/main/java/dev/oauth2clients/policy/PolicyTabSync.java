package dev.oauth2clients.policy;

import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.services.ui.extend.UiTabProvider;

/**
 * Keeps the admin console tab and the realm attributes showing the same policy. The attributes are
 * the truth (they travel with realm export and can be set through the admin API); the tab's
 * component is a copy that Keycloak's form loads. Each direction runs with a guard so that the
 * writes it makes do not echo back.
 */
public final class PolicyTabSync {

  private static final Logger LOG = Logger.getLogger(PolicyTabSync.class);
  private static final ThreadLocal<Boolean> SYNCING = ThreadLocal.withInitial(() -> false);

  private PolicyTabSync() {}

  static PolicyForm formOf(ComponentModel model) {
    MultivaluedHashMap<String, String> config = model.getConfig();
    Map<PolicySetting, String> values = new EnumMap<>(PolicySetting.class);
    for (PolicySetting setting : PolicySetting.values()) {
      values.put(setting, config.getFirst(setting.formName));
    }
    return new PolicyForm(values);
  }

  /** The tab was saved: its values become the realm's attributes. */
  static void applyToRealm(RealmModel realm, ComponentModel model) {
    guarded(() -> formOf(model).applyTo(realm));
  }

  /**
   * Copies the policy into the tab of every realm that is created or imported, and at start-up of
   * every realm there is (those that existed before the provider, or before declarative-ui, was
   * turned on).
   */
  static void onModelEvent(ProviderEvent event) {
    if (event instanceof RealmModel.RealmPostCreateEvent created) {
      copyToTab(created.getKeycloakSession(), created.getCreatedRealm());
    } else if (event instanceof PostMigrationEvent started) {
      KeycloakModelUtils.runJobInTransaction(
          started.getFactory(),
          session ->
              session.realms().getRealmsStream().forEach(realm -> copyToTab(session, realm)));
    }
  }

  /** The realm changed elsewhere (or appeared): copy its policy into the tab. */
  public static void copyToTab(KeycloakSession session, RealmModel realm) {
    if (SYNCING.get() || !tabAvailable(session)) {
      return;
    }
    PolicyForm current = PolicyForm.of(realm);
    ComponentModel tab =
        realm
            .getComponentsStream(realm.getId(), UiTabProvider.class.getName())
            .filter(component -> PolicyTabFactory.ID.equals(component.getProviderId()))
            .findFirst()
            .orElse(null);
    if (tab != null && formOf(tab).equals(current)) {
      return;
    }
    try {
      guarded(() -> save(realm, tab == null ? newTab(realm) : tab, current));
    } catch (ComponentValidationException e) {
      // e.g. a required role that does not exist: the attribute stands, the tab keeps its value
      LOG.debugf("Realm '%s': policy not copied to the admin tab: %s", realm.getName(), e);
    }
  }

  private static boolean tabAvailable(KeycloakSession session) {
    return session
            .getKeycloakSessionFactory()
            .getProviderFactory(UiTabProvider.class, PolicyTabFactory.ID)
        != null;
  }

  private static ComponentModel newTab(RealmModel realm) {
    ComponentModel tab = new ComponentModel();
    tab.setName(PolicyTabFactory.ID);
    tab.setProviderId(PolicyTabFactory.ID);
    tab.setProviderType(UiTabProvider.class.getName());
    tab.setParentId(realm.getId());
    return tab;
  }

  private static void save(RealmModel realm, ComponentModel tab, PolicyForm form) {
    MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
    form.values().forEach((setting, value) -> config.putSingle(setting.formName, value));
    tab.setConfig(config);
    if (tab.getId() == null) {
      realm.addComponentModel(tab);
    } else {
      realm.updateComponent(tab);
    }
  }

  private static void guarded(Runnable sync) {
    if (SYNCING.get()) {
      return;
    }
    SYNCING.set(true);
    try {
      sync.run();
    } finally {
      SYNCING.set(false);
    }
  }
}
