package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The owner's {@code access_token_lifespan}: from 60 s to the realm's maximum (realm policy {@code
 * oauth2-clients.access-token-lifespan}, 3600 unless set), which is also the default; tokens follow
 * it; when the realm lowers its maximum below the choice the realm's value applies and reads say
 * so, and the choice comes back when the realm raises it again.
 */
class AccessTokenLifespanIT {

  private static final int REALM_DEFAULT = 3600;

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("ava");
  private static ClientsApi ava;

  /** A client with a choice, the target of the refused PATCHes. */
  private static String untouchedId;

  @BeforeAll
  static void createClient() {
    ava = realm.api("ava");
    untouchedId =
        created(Map.of("client_name", "Untouched", "access_token_lifespan", 600))
            .get("client_id")
            .asText();
  }

  @Test
  void sixtyAndTheRealmsMaximumAreAcceptedAndTokensLiveThatLong() {
    JsonNode shortest = created(Map.of("client_name", "Shortest", "access_token_lifespan", 60));
    assertLifespan(shortest, 60);

    JsonNode longest =
        created(Map.of("client_name", "Longest", "access_token_lifespan", REALM_DEFAULT));
    assertLifespan(longest, REALM_DEFAULT);

    JsonNode unchosen = created(Map.of("client_name", "Realm's"));
    assertLifespan(unchosen, REALM_DEFAULT);
  }

  static Stream<Object> refusedLifespans() {
    return Stream.of(
        59,
        REALM_DEFAULT + 1,
        0,
        -60,
        "600",
        600.5,
        true,
        Json.parse("[600]"),
        Json.parse("{\"seconds\":600}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedLifespans")
  void onePastEitherEndAndWrongTypesAreRefusedAndChangeNothing(Object lifespan) {
    JsonNode before = ava.list("").json();
    ObjectNode body = Json.object();
    body.set("access_token_lifespan", Json.MAPPER.valueToTree(lifespan));

    assertInvalid(ava.patch(untouchedId, body));
    body.put("client_name", "Never made");
    assertInvalid(ava.create(body));

    assertEquals(before, ava.list("").json(), "a refused lifespan changes nothing");
  }

  @Test
  void aLowerRealmMaximumAppliesAndTheChoiceComesBackWhenItIsRaised() {
    JsonNode chosen = created(Map.of("client_name", "Ten minutes", "access_token_lifespan", 600));
    try {
      setRealmMaximum(300);
      assertLifespan(chosen, 300);
      HttpResult renamed =
          ava.patch(chosen.get("client_id").asText(), Map.of("client_name", "Still ten minutes"));
      assertEquals(200, renamed.status(), renamed::toString);
      assertEquals(300, renamed.json().get("access_token_lifespan").asInt());
      assertInvalid(
          ava.create(Map.of("client_name", "Too long now", "access_token_lifespan", 600)));

      setRealmMaximum(7200);
      assertLifespan(chosen, 600);
      JsonNode longest = created(Map.of("client_name", "Two hours", "access_token_lifespan", 7200));
      assertLifespan(longest, 7200);
      assertInvalid(ava.create(Map.of("client_name", "x", "access_token_lifespan", 7201)));

      HttpResult cleared =
          ava.patch(
              chosen.get("client_id").asText(), Json.parse("{\"access_token_lifespan\":null}"));
      assertEquals(200, cleared.status(), cleared::toString);
      assertLifespan(chosen, 7200);
    } finally {
      setRealmMaximum(REALM_DEFAULT);
    }
  }

  /** Reads, and the access tokens of a grant and of a refresh, say {@code seconds}. */
  private static void assertLifespan(JsonNode client, int seconds) {
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    JsonNode read = ava.read(clientId).json();
    assertEquals(seconds, read.get("access_token_lifespan").asInt(), read::toString);
    HttpResult granted = realm.tokens().clientCredentials(clientId, secret);
    JsonNode claims = Roles.accessClaims(granted);
    assertEquals(seconds, claims.get("exp").asInt() - claims.get("iat").asInt(), claims::toString);
    int expiresIn = granted.json().get("expires_in").asInt();
    // Keycloak counts expires_in from its clock after signing: a second may have turned since.
    assertTrue(expiresIn == seconds || expiresIn == seconds - 1, granted::toString);
    String refreshToken = granted.json().get("refresh_token").asText();
    JsonNode refreshed = Roles.accessClaims(realm.tokens().refresh(clientId, secret, refreshToken));
    assertEquals(seconds, refreshed.get("exp").asInt() - refreshed.get("iat").asInt());
  }

  private static void setRealmMaximum(int seconds) {
    realm.setAttributes(Policy.only(PolicySetting.ACCESS_TOKEN_LIFESPAN, seconds));
  }

  /** The new client, with its secret. */
  private static JsonNode created(Object body) {
    HttpResult created = ava.create(body);
    assertEquals(201, created.status(), created::toString);
    return created.json();
  }

  private static void assertInvalid(HttpResult result) {
    assertEquals(400, result.status(), result::toString);
    assertEquals("invalid_client_metadata", result.error(), result::toString);
  }
}
