package dev.oauth2clients.policy;

import dev.oauth2clients.spi.StatelessProviderFactory;
import dev.oauth2clients.version.RunningKeycloak;
import java.util.List;
import java.util.Map;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * The "oauth2-clients" tab under Realm settings in the admin console. Keycloak shows such tabs only
 * when the server runs with {@code --features=declarative-ui}; it renders the form from {@link
 * #getConfigProperties()} and saves it as a realm component, which this factory turns into the
 * realm attributes that the API reads, so a save takes effect on the next request.
 */
public class PolicyTabFactory
    implements UiTabProviderFactory<ComponentModel>,
        UiTabProvider,
        StatelessProviderFactory<UiTabProvider> {

  public static final String ID = "oauth2-clients";

  private static final Map<PolicySetting.Values, String> FIELD_TYPES =
      Map.of(
          PolicySetting.Values.SWITCH, ProviderConfigProperty.BOOLEAN_TYPE,
          PolicySetting.Values.WHOLE_NUMBER, ProviderConfigProperty.INTEGER_TYPE,
          PolicySetting.Values.ROLE, ProviderConfigProperty.STRING_TYPE,
          PolicySetting.Values.CLIENT_IDS, ProviderConfigProperty.STRING_TYPE,
          PolicySetting.Values.SECRET_PREFIX, ProviderConfigProperty.STRING_TYPE,
          PolicySetting.Values.CLIENT_TYPES, ProviderConfigProperty.STRING_TYPE);

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getHelpText() {
    return "Who may create self-service OAuth2 clients in this realm, and how many.";
  }

  @Override
  public String getPath() {
    return "/:realm/realm-settings/:tab?";
  }

  @Override
  public Map<String, String> getParams() {
    return Map.of("tab", ID);
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    ProviderConfigurationBuilder form = ProviderConfigurationBuilder.create();
    for (PolicySetting setting : PolicySetting.values()) {
      form.property()
          .name(setting.formName)
          .label(setting.label)
          .helpText(setting.helpText())
          .type(FIELD_TYPES.get(setting.values))
          .defaultValue(setting.defaultValue)
          .add();
    }
    return form.build();
  }

  @Override
  public void validateConfiguration(
      KeycloakSession session, RealmModel realm, ComponentModel model) {
    List<String> problems =
        PolicyTabSync.formOf(model)
            .problems(
                role -> realm.getRole(role) != null,
                clientId -> session.clients().getClientByClientId(realm, clientId) != null);
    if (!problems.isEmpty()) {
      throw new ComponentValidationException(String.join(" ", problems));
    }
  }

  @Override
  public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
    PolicyTabSync.applyToRealm(realm, model);
  }

  @Override
  public void onUpdate(
      KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel model) {
    PolicyTabSync.applyToRealm(realm, model);
  }

  /** The tab's copy of the policy follows the realm attributes from the start. */
  @Override
  public void postInit(KeycloakSessionFactory factory) {
    RunningKeycloak.startUp(
        "Keeping the admin tab's form in step with realm attributes",
        () -> factory.register(PolicyTabSync::onModelEvent));
  }

  @Override
  public UiTabProvider create(KeycloakSession session) {
    return this;
  }

  @Override
  public void close() {}
}
