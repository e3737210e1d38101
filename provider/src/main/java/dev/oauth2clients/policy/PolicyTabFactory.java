package dev.oauth2clients.policy;

import dev.oauth2clients.spi.StatelessProviderFactory;
import java.util.List;
import java.util.Map;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
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
    return ProviderConfigurationBuilder.create()
        .property()
        .name("enabled")
        .label("Enabled")
        .helpText("Lets the users of this realm create and manage their own OAuth2 clients.")
        .type(ProviderConfigProperty.BOOLEAN_TYPE)
        .defaultValue("false")
        .add()
        .property()
        .name("maxClientsPerUser")
        .label("Max clients per user")
        .helpText("How many clients one user may own (0 to " + RealmPolicy.MAX_QUOTA + ").")
        .type(ProviderConfigProperty.INTEGER_TYPE)
        .defaultValue(Integer.toString(RealmPolicy.DEFAULT_MAX_CLIENTS_PER_USER))
        .add()
        .property()
        .name("requiredRole")
        .label("Required role")
        .helpText("A realm role a user must have to use the feature; empty lets every user in.")
        .type(ProviderConfigProperty.STRING_TYPE)
        .defaultValue("")
        .add()
        .property()
        .name("accessTokenLifespan")
        .label("Access token lifespan (seconds)")
        .helpText(
            "Lifetime of the access tokens these clients get ("
                + RealmPolicy.MIN_LIFESPAN
                + " to "
                + RealmPolicy.MAX_LIFESPAN
                + ").")
        .type(ProviderConfigProperty.INTEGER_TYPE)
        .defaultValue(Integer.toString(RealmPolicy.DEFAULT_ACCESS_TOKEN_LIFESPAN))
        .add()
        .build();
  }

  @Override
  public void validateConfiguration(
      KeycloakSession session, RealmModel realm, ComponentModel model) {
    List<String> problems =
        PolicyTabSync.formOf(model).problems(role -> realm.getRole(role) != null);
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

  @Override
  public UiTabProvider create(KeycloakSession session) {
    return this;
  }

  @Override
  public void close() {}
}
