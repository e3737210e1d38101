package dev.oauth2clients.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.bench.GrantLoad.Contender;
import dev.oauth2clients.testsupport.ClientKey;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Item 8, key-holding clients at Keycloak's token endpoint: client_credentials grants per second of
 * a self-service {@code private_key_jwt} client against a plain Keycloak {@code client-jwt} client,
 * and of a self-service {@code client_secret_post} client against a plain secret client, all four
 * on one server in alternating rounds (see item 1). Every key grant carries a fresh RS256 assertion
 * (Keycloak refuses a {@code jti} it has seen), signed by the load's own threads: both key clients
 * pay that signing alike, so it lowers their rates on this machine but not their ratio.
 *
 * <p>Settings: those of {@link GrantLoad}, {@code bench.key.rounds} (8) and {@code
 * bench.key.warmup} seconds per client (30).
 */
final class KeyClientThroughputBenchmark {

  private static final String PLAIN_KEY_CLIENT = "plain-client-jwt";

  private final String baseUrl;
  private final int rounds = Integer.getInteger("bench.key.rounds", 8);
  private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.key.warmup", 30));

  KeyClientThroughputBenchmark(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  KeyClientThroughputResult run(String database) throws Exception {
    try (TestRealm realm =
        TestRealm.createOn(
            baseUrl,
            Map.of(
                "oauth2-clients.enabled", "true",
                "oauth2-clients.client-types", "confidential,private_key_jwt"),
            representation -> {},
            "owner")) {
      ClientKey selfServiceKey = ClientKey.rsa("self-service");
      JsonNode keyClient =
          realm
              .api("owner")
              .create(
                  Map.of(
                      "client_name", "benchmarked key holder",
                      "token_endpoint_auth_method", "private_key_jwt",
                      "jwks", selfServiceKey.jwks()))
              .json();
      JsonNode secretClient = realm.api("owner").createNamed("benchmarked secret holder");
      ClientKey plainKey = ClientKey.rsa("plain");
      createPlainKeyClient(realm, plainKey);
      String issuer = realm.url();
      List<Contender> grants =
          List.of(
              signing(
                  "self-service client, private_key_jwt",
                  keyClient.get("client_id").asText(),
                  selfServiceKey,
                  issuer),
              signing(
                  "plain Keycloak client-jwt client, Keycloak defaults",
                  PLAIN_KEY_CLIENT,
                  plainKey,
                  issuer),
              GrantLoad.clientCredentials(
                  "self-service client, client_secret_post",
                  secretClient.get("client_id").asText(),
                  secretClient.get("client_secret").asText()),
              GrantLoad.clientCredentials(
                  "plain Keycloak secret client, Keycloak defaults",
                  TestRealm.PLAIN_CLIENT,
                  TestRealm.PLAIN_SECRET));
      GrantLoad load = new GrantLoad(realm.tokens().tokenUrl());
      Map<Contender, List<Double>> rates = load.warmUpThenAlternate(grants, warmup, rounds);
      KeyClientThroughputResult result =
          new KeyClientThroughputResult(
              database,
              grants.stream()
                  .map(contender -> load.rate(contender, rates.get(contender), -1, Double.NaN))
                  .toList());
      load.heading("8. key-holding clients", database, rounds, warmup);
      result.clients().forEach(ThroughputResult.Rate::print);
      result.ratios().forEach(JudgedRatio::print);
      return result;
    }
  }

  /** A contender whose every grant is authenticated by a new assertion. */
  private static Contender signing(String label, String clientId, ClientKey key, String issuer) {
    return new Contender(
        label,
        clientId,
        () ->
            Http.encodeForm(
                ClientKey.clientCredentialsForm(clientId, key.assertion(clientId, issuer))));
  }

  /**
   * Keycloak's own signed-JWT client with the key inline, a service account and {@code
   * fullScopeAllowed} off, as a realm admin would make one.
   */
  private static void createPlainKeyClient(TestRealm realm, ClientKey key) {
    ObjectNode client = Json.object();
    client.put("clientId", PLAIN_KEY_CLIENT);
    client.put("publicClient", false);
    client.put("serviceAccountsEnabled", true);
    client.put("fullScopeAllowed", false);
    client.put("clientAuthenticatorType", "client-jwt");
    ObjectNode attributes = client.putObject("attributes");
    attributes.put("use.jwks.string", "true");
    attributes.put("jwks.string", Json.write(key.jwks()));
    realm.admin().createClient(realm.name(), client);
  }
}
