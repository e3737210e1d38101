package dev.oauth2clients.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.oauth2clients.metrics.TokenGrantMetrics.GrantType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.events.EventType;

class TokenGrantMetricsTest {

  @Test
  void eachGrantsEventsAndTheirOutcomes() {
    assertGrant(EventType.CLIENT_LOGIN, "client_credentials", Outcome.SUCCESS);
    assertGrant(EventType.CLIENT_LOGIN_ERROR, "client_credentials", Outcome.REFUSED);
    assertGrant(EventType.CODE_TO_TOKEN, "authorization_code", Outcome.SUCCESS);
    assertGrant(EventType.CODE_TO_TOKEN_ERROR, "authorization_code", Outcome.REFUSED);
    assertGrant(EventType.REFRESH_TOKEN, "refresh_token", Outcome.SUCCESS);
    assertGrant(EventType.REFRESH_TOKEN_ERROR, "refresh_token", Outcome.REFUSED);
  }

  @Test
  void withoutTheDetailTheEventTypeTells() {
    assertEquals(GrantType.REFRESH_TOKEN, GrantType.of(EventType.REFRESH_TOKEN_ERROR, null));
    assertEquals(GrantType.REFRESH_TOKEN, GrantType.of(EventType.REFRESH_TOKEN_ERROR, Map.of()));
  }

  @Test
  void anotherGrantSendingTheSameEventTypeIsNotCounted() {
    assertNull(
        GrantType.of(
            EventType.CODE_TO_TOKEN,
            named("urn:ietf:params:oauth:grant-type:pre-authorized_code")));
    assertNull(GrantType.of(EventType.CLIENT_LOGIN_ERROR, named("refresh_token")));
  }

  @ParameterizedTest
  @EnumSource(
      value = EventType.class,
      names = {
        "CLIENT_LOGIN",
        "CLIENT_LOGIN_ERROR",
        "CODE_TO_TOKEN",
        "CODE_TO_TOKEN_ERROR",
        "REFRESH_TOKEN",
        "REFRESH_TOKEN_ERROR"
      },
      mode = EnumSource.Mode.EXCLUDE)
  void everyOtherEventIsLeftAlone(EventType type) {
    assertNull(GrantType.of(type, null));
    assertNull(GrantType.of(type, named("client_credentials")));
  }

  private static void assertGrant(EventType type, String grantType, Outcome outcome) {
    GrantType grant = GrantType.of(type, named(grantType));
    assertEquals(grantType, grant.label, type::name);
    assertEquals(outcome, grant.outcome(type), type::name);
  }

  /** The details the token endpoint gives its events: the request's grant_type. */
  private static Map<String, String> named(String grantType) {
    return Map.of("grant_type", grantType);
  }
}
