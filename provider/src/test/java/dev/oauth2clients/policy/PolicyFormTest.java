package dev.oauth2clients.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.RealmModel;

class PolicyFormTest {

  private static final Predicate<String> ONLY_DEVELOPER_ROLE = "developer"::equals;
  private static final Predicate<String> CLIENTS = Set.of("account-console", "portal")::contains;

  private static PolicyForm form(String field, String value) {
    Map<PolicySetting, String> values = new HashMap<>();
    values.put(byFormName(field), value);
    return new PolicyForm(values);
  }

  private static PolicySetting byFormName(String field) {
    return Arrays.stream(PolicySetting.values())
        .filter(setting -> setting.formName.equals(field))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anEmptyFormIsAcceptedAndMeansTheDefaults() {
    assertEquals(List.of(), new PolicyForm(Map.of()).problems(ONLY_DEVELOPER_ROLE, CLIENTS));
  }

  @Test
  void valuesAreTrimmedAndMissingFieldsAreEmpty() {
    PolicyForm form = form("maxClientsPerUser", "  7 ");
    assertEquals("7", form.values().get(PolicySetting.MAX_CLIENTS_PER_USER));
    assertEquals("", form.values().get(PolicySetting.REQUIRED_ROLE));
    assertEquals(Set.of(PolicySetting.values()), form.values().keySet());
  }

  @ParameterizedTest
  @CsvSource({
    "enabled, true",
    "enabled, false",
    "maxClientsPerUser, 0",
    "maxClientsPerUser, 10000",
    "accessTokenLifespan, 60",
    "accessTokenLifespan, 86400",
    "requiredRole, developer",
    "callerClients, account-console",
    "callerClients, ' account-console , portal '",
    "callerClients, 'portal,,'",
    "secretPrefix, ab",
    "secretPrefix, 0123456789abcdef",
    "secretPrefix, ' acme-prod_ '",
    "clientTypes, confidential",
    "clientTypes, private_key_jwt",
    "clientTypes, ' confidential , public,private_key_jwt '"
  })
  void acceptsTheEdgesOfEveryRange(String field, String value) {
    assertEquals(List.of(), form(field, value).problems(ONLY_DEVELOPER_ROLE, CLIENTS));
  }

  @ParameterizedTest
  @CsvSource({
    "enabled, yes, Enabled must be on or off.",
    "maxClientsPerUser, -1, Max clients per user must be a whole number from 0 to 10000.",
    "maxClientsPerUser, 10001, Max clients per user must be a whole number from 0 to 10000.",
    "maxClientsPerUser, 2.5, Max clients per user must be a whole number from 0 to 10000.",
    "maxClientsPerUser, 99999999999, Max clients per user must be a whole number from 0 to 10000.",
    "accessTokenLifespan, 59, Access token lifespan must be a whole number from 60 to 86400.",
    "accessTokenLifespan, 86401, Access token lifespan must be a whole number from 60 to 86400.",
    "requiredRole, admin, Required role 'admin' is not a role of this realm.",
    "callerClients, 'portal,mallory', Caller applications: 'mallory' is not a client ID of this realm.",
    "secretPrefix, a, 'Secret prefix must be 2 to 16 of a-z, 0-9, _ and -.'",
    "secretPrefix, 0123456789abcdefg, 'Secret prefix must be 2 to 16 of a-z, 0-9, _ and -.'",
    "secretPrefix, Acme_, 'Secret prefix must be 2 to 16 of a-z, 0-9, _ and -.'",
    "secretPrefix, acme.prod, 'Secret prefix must be 2 to 16 of a-z, 0-9, _ and -.'",
    "clientTypes, secret, 'Client types must name one or more of confidential, public and private_key_jwt, comma-separated.'",
    "clientTypes, 'public,,', 'Client types must name one or more of confidential, public and private_key_jwt, comma-separated.'",
    "clientTypes, Public, 'Client types must name one or more of confidential, public and private_key_jwt, comma-separated.'"
  })
  void explainsEveryRefusalInWords(String field, String value, String problem) {
    assertEquals(List.of(problem), form(field, value).problems(ONLY_DEVELOPER_ROLE, CLIENTS));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Map<PolicySetting, String> values =
        Map.of(
            PolicySetting.ENABLED, "maybe",
            PolicySetting.MAX_CLIENTS_PER_USER, "lots",
            PolicySetting.ACCESS_TOKEN_LIFESPAN, "1");
    List<String> problems = new PolicyForm(values).problems(ONLY_DEVELOPER_ROLE, CLIENTS);
    assertEquals(3, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("Enabled"), problems::toString);
  }

  @Test
  void callerApplicationsAreReadLenientlyWithTheAccountConsoleAsDefault() {
    assertEquals(List.of("a", "b"), List.copyOf(RealmPolicy.clientIds(" a, b ,,a")));
    assertEquals(Set.of(), RealmPolicy.clientIds(" , "));
    assertEquals(Set.of(), RealmPolicy.clientIds(null));
  }

  @Test
  void aMalformedSecretPrefixInTheRealmCountsAsTheDefault() {
    assertEquals("acme-", RealmPolicy.of(realm(" acme- ")).secretPrefix());
    assertEquals("kcoa_", RealmPolicy.of(realm(null)).secretPrefix());
    assertEquals("kcoa_", RealmPolicy.of(realm("")).secretPrefix());
    assertEquals("kcoa_", RealmPolicy.of(realm("a")).secretPrefix());
    assertEquals("kcoa_", RealmPolicy.of(realm("Acme_")).secretPrefix());
    assertEquals("kcoa_", PolicyForm.of(realm("Acme_")).values().get(PolicySetting.SECRET_PREFIX));
  }

  @Test
  void malformedClientTypesInTheRealmCountAsTheDefault() {
    assertEquals(
        Set.of(ClientKind.PUBLIC, ClientKind.PRIVATE_KEY_JWT),
        RealmPolicy.of(realm(PolicySetting.CLIENT_TYPES, "private_key_jwt, public")).clientKinds());
    for (String malformed : new String[] {null, "", "secret", "public,", "confidential;public"}) {
      assertEquals(
          Set.of(ClientKind.CONFIDENTIAL),
          RealmPolicy.of(realm(PolicySetting.CLIENT_TYPES, malformed)).clientKinds(),
          malformed);
    }
    assertEquals(
        "confidential",
        PolicyForm.of(realm(PolicySetting.CLIENT_TYPES, "nonsense"))
            .values()
            .get(PolicySetting.CLIENT_TYPES));
  }

  @Test
  void aRemovedKindIsRefusedWithTheRealmsReason() {
    RealmPolicy policy = RealmPolicy.of(realm(PolicySetting.CLIENT_TYPES, "confidential"));
    assertEquals(java.util.Optional.empty(), policy.kindRefusal(ClientKind.CONFIDENTIAL));
    assertTrue(
        policy
            .kindRefusal(ClientKind.PUBLIC)
            .orElseThrow()
            .startsWith(
                "This realm no longer allows public clients (oauth2-clients.client-types)"));
  }

  /** A realm whose only attribute is the secret prefix, as an import may bring it. */
  private static RealmModel realm(String secretPrefix) {
    return realm(PolicySetting.SECRET_PREFIX, secretPrefix);
  }

  /** A realm whose only attribute is {@code setting}'s, as an import may bring it. */
  private static RealmModel realm(PolicySetting setting, String value) {
    return (RealmModel)
        Proxy.newProxyInstance(
            RealmModel.class.getClassLoader(),
            new Class<?>[] {RealmModel.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttribute" -> setting.attribute.equals(args[0]) ? value : null;
                  case "getId", "getName" -> "imported";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void formNamesCarryNoDotsAndAttributesAreTheContracts() {
    for (PolicySetting setting : PolicySetting.values()) {
      assertTrue(!setting.formName.contains("."), setting.formName);
      assertTrue(setting.attribute.startsWith("oauth2-clients."), setting.attribute);
      assertEquals(
          List.of(), form(setting.formName, setting.defaultValue).problems(r -> true, c -> true));
    }
  }
}
