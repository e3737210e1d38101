package dev.oauth2clients.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.Map;

/**
 * Item 2, create latency: {@code POST /realms/{realm}/oauth2-clients} as a signed-in user against
 * Keycloak's dynamic client registration ({@code POST
 * /realms/{realm}/clients-registrations/openid-connect}) with an initial access token, in the same
 * realm, one request at a time, alternating which goes first. Both get the same body: a
 * confidential client with a name, a redirect URI and the grant types a self-service client has.
 *
 * <p>An initial access token makes Keycloak apply its "authenticated" registration policies
 * (allowed client scopes, protocol mappers and web origins), which accept this request as the realm
 * ships; the "anonymous" ones (trusted hosts, 200 clients at most) apply only without a token. So
 * nothing is configured for DCR but the token itself. The user's quota is raised to the most the
 * policy allows, so that one user can make every sample.
 *
 * <p>Settings: {@code bench.create.warmup} rounds (50) and {@code bench.create.rounds} (300), one
 * create per contender each.
 */
final class CreateLatencyBenchmark {

  private static final String USER = "creator";
  private static final int TOKEN_LIFESPAN_SECONDS = 3600;

  private final BenchHttp http = new BenchHttp();
  private final String baseUrl;
  private final int warmupRounds = Integer.getInteger("bench.create.warmup", 50);
  private final int rounds = Integer.getInteger("bench.create.rounds", 300);
  private int created;

  /** Where a contender creates, and the bearer token it shows. */
  private record Registrar(String url, String bearerToken) {}

  CreateLatencyBenchmark(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  CreateLatencyResult run() throws Exception {
    try (TestRealm realm =
        TestRealm.createOn(
            baseUrl,
            Map.of(
                "oauth2-clients.enabled", "true", "oauth2-clients.max-clients-per-user", "10000"),
            // Long enough for the whole measurement, so that no token expires in the middle.
            representation -> representation.put("accessTokenLifespan", TOKEN_LIFESPAN_SECONDS),
            USER)) {
      var selfService =
          new LatencyComparison.Named<>(
              "this API (user's bearer token)",
              new Registrar(realm.url() + "/oauth2-clients", realm.userToken(USER)));
      var dynamicRegistration =
          new LatencyComparison.Named<>(
              "Keycloak DCR (initial access token)",
              new Registrar(
                  realm.url() + "/clients-registrations/openid-connect",
                  realm
                      .admin()
                      .createInitialAccessToken(
                          realm.name(), warmupRounds + rounds, TOKEN_LIFESPAN_SECONDS)));
      CreateLatencyResult result =
          new CreateLatencyResult(
              LatencyComparison.measure(
                  selfService, dynamicRegistration, warmupRounds, rounds, this::create));
      report(result);
      return result;
    }
  }

  private double create(Registrar registrar) throws Exception {
    return http.millis(
        BenchHttp.post(
            registrar.url(),
            Map.of("Authorization", "Bearer " + registrar.bearerToken()),
            "application/json",
            Json.write(clientMetadata(++created))),
        201);
  }

  /** RFC 7591 metadata that both endpoints accept as it is. */
  private static ObjectNode clientMetadata(int number) {
    ObjectNode metadata = Json.object();
    metadata.put("client_name", "benchmark client " + number);
    metadata.putArray("redirect_uris").add("https://app" + number + ".example.com/callback");
    metadata
        .putArray("grant_types")
        .add("authorization_code")
        .add("refresh_token")
        .add("client_credentials");
    metadata.putArray("response_types").add("code");
    metadata.put("token_endpoint_auth_method", "client_secret_post");
    return metadata;
  }

  private void report(CreateLatencyResult result) {
    Text.heading(
        "2. create latency, one request at a time: %d rounds (after %d warm-up rounds)",
        rounds, warmupRounds);
    result.latency().print("ratio this API / DCR", CreateLatencyResult.GOAL);
  }
}
