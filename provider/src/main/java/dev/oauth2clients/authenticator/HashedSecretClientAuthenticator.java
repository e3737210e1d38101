package dev.oauth2clients.authenticator;

import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.secret.StoredSecrets;
import dev.oauth2clients.secret.StoredSecrets.Match;
import dev.oauth2clients.usage.LastUse;
import dev.oauth2clients.version.RunningKeycloak;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.AbstractClientAuthenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.util.BasicAuthHelper;

/**
 * Authenticates self-service clients at Keycloak's token, introspection and revocation endpoints
 * against the hash of their secret, accepting {@code client_secret_post} only.
 *
 * <p>Keycloak runs every execution of the realm's client authentication flow for every client and
 * keeps only the result of the one the client names, so for any other client this does nothing but
 * mark itself attempted.
 */
public class HashedSecretClientAuthenticator extends AbstractClientAuthenticator {

  public static final String PROVIDER_ID = "oauth2-clients-hashed-secret";

  private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
    AuthenticationExecutionModel.Requirement.ALTERNATIVE,
    AuthenticationExecutionModel.Requirement.DISABLED
  };

  @Override
  public void authenticateClient(ClientAuthenticationFlowContext context) {
    ClientModel client = resolveClient(context);
    if (client == null || !PROVIDER_ID.equals(client.getClientAuthenticatorType())) {
      context.attempted();
      return;
    }
    context.setClient(client);
    context.getEvent().client(client);
    if (!RunningKeycloak.on()) {
      ClientAdmission.fail(
          context, "Self-service clients are off on this server; its log says why.");
      return;
    }
    RealmPolicy policy = RealmPolicy.of(context.getRealm());
    KeycloakSessionFactory factory = context.getSession().getKeycloakSessionFactory();
    if (client.isPublicClient()) {
      // Nothing to prove: PKCE and the code, or the refresh token, do that.
      ClientAdmission.admit(
          context, client, policy, () -> LastUse.record(factory, client, false, null));
      return;
    }
    Optional<String> transport = wrongTransport(context);
    if (transport.isPresent()) {
      ClientAdmission.fail(context, transport.get());
      return;
    }
    String secret = ClientAdmission.formParameters(context).getFirst(OAuth2Constants.CLIENT_SECRET);
    if (secret == null) {
      ClientAdmission.fail(context, "client_secret is missing from the form body.");
      return;
    }
    // The hashes and their expiries come from Keycloak's client cache: no query on this path.
    StoredSecrets secrets = StoredSecrets.of(client);
    Match match = secrets.match(secret, Instant.now().getEpochSecond());
    Optional<String> secretRefusal = secretRefusal(match, secrets, client, secret);
    if (secretRefusal.isPresent()) {
      ClientAdmission.fail(context, secretRefusal.get());
      return;
    }
    boolean previous = match == Match.PREVIOUS;
    String hash = previous ? secrets.previousHash() : secrets.currentHash();
    ClientAdmission.admit(
        context, client, policy, () -> LastUse.record(factory, client, previous, hash));
  }

  private static Optional<String> secretRefusal(
      Match match, StoredSecrets secrets, ClientModel client, String secret) {
    return switch (match) {
      case CURRENT, PREVIOUS -> Optional.empty();
      case EXPIRED ->
          Optional.of(
              "The client secret expired at "
                  + Instant.ofEpochSecond(secrets.currentExpiresAt())
                  + "; its owner must rotate it.");
      case OVERLAP_ENDED ->
          Optional.of(
              "This client secret was replaced by a rotation and its overlap ended at "
                  + Instant.ofEpochSecond(secrets.previousExpiresAt())
                  + "; use the new secret.");
      case WRONG ->
          Optional.of(
              switch (StoredSecrets.revocationOf(client, secret)) {
                case BY_ADMIN ->
                    "An administrator revoked this client's secret; its owner must rotate it.";
                case REPORTED ->
                    "This client secret was reported as found outside its owner's hands and"
                        + " revoked; its owner must rotate it.";
                case NONE -> "Invalid client credentials.";
              });
    };
  }

  private static Optional<String> wrongTransport(ClientAuthenticationFlowContext context) {
    String authorization = authorizationHeader(context);
    if (authorization != null && BasicAuthHelper.RFC6749.parseHeader(authorization) != null) {
      return Optional.of(
          "HTTP Basic authentication is not accepted for this client;"
              + " send client_id and client_secret in the form body (client_secret_post).");
    }
    if (ClientAdmission.formParameters(context).containsKey(OAuth2Constants.CLIENT_ASSERTION)) {
      return Optional.of(
          "Client assertions are not accepted for this client;"
              + " send client_secret in the form body (client_secret_post).");
    }
    if (context.getUriInfo().getQueryParameters().containsKey(OAuth2Constants.CLIENT_SECRET)) {
      return Optional.of(
          "client_secret must not be sent in the query string; send it in the form body.");
    }
    return Optional.empty();
  }

  /** The client an earlier execution found, or the one the form or Basic header names. */
  private static ClientModel resolveClient(ClientAuthenticationFlowContext context) {
    if (context.getClient() != null) {
      return context.getClient();
    }
    String clientId = ClientAdmission.formParameters(context).getFirst(OAuth2Constants.CLIENT_ID);
    if (clientId == null) {
      String authorization = authorizationHeader(context);
      String[] basic =
          authorization == null ? null : BasicAuthHelper.RFC6749.parseHeader(authorization);
      clientId = basic == null ? null : basic[0];
    }
    return clientId == null
        ? null
        : context.getSession().clients().getClientByClientId(context.getRealm(), clientId);
  }

  private static String authorizationHeader(ClientAuthenticationFlowContext context) {
    return context
        .getHttpRequest()
        .getHttpHeaders()
        .getRequestHeaders()
        .getFirst(HttpHeaders.AUTHORIZATION);
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  /** A removed client's last-use entry would otherwise stay in this node's memory for good. */
  @Override
  public void postInit(KeycloakSessionFactory factory) {
    RunningKeycloak.startUp(
        "Forgetting the last use of removed clients",
        () ->
            factory.register(
                event -> {
                  if (event instanceof ClientModel.ClientRemovedEvent removed) {
                    LastUse.forget(removed.getClient().getId());
                  }
                }));
  }

  @Override
  public String getDisplayType() {
    return "Self-service client secret (hashed)";
  }

  @Override
  public String getHelpText() {
    return "Checks client_secret from the form body against the stored hash of a self-service"
        + " client's secret. Only clients created through the oauth2-clients API use it.";
  }

  @Override
  public boolean isConfigurable() {
    return false;
  }

  @Override
  public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
    return REQUIREMENTS;
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
  }

  @Override
  public List<ProviderConfigProperty> getConfigPropertiesPerClient() {
    return List.of();
  }

  /** Nothing: the secret exists only with its owner. */
  @Override
  public Map<String, Object> getAdapterConfiguration(KeycloakSession session, ClientModel client) {
    return Map.of();
  }

  /** The same, as Keycloak 26.4 and 26.5 ask for it (their interface has no session argument). */
  public Map<String, Object> getAdapterConfiguration(ClientModel client) {
    return Map.of();
  }

  /**
   * None, so that the discovery document keeps advertising only Keycloak's own methods; these
   * clients are described as client_secret_post by the oauth2-clients API.
   */
  @Override
  public Set<String> getProtocolAuthenticatorMethods(String loginProtocol) {
    return Set.of();
  }
}
