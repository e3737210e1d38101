package dev.oauth2clients.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;

/**
 * Withholding and restoring a client's redirect targets, on a client model that keeps only what
 * these methods touch: its redirect URIs and attributes.
 */
class SignInTargetsTest {

  private static final String POST_LOGOUT = "post.logout.redirect.uris";

  @Test
  void withheldTargetsAreKeptWholeAndComeBackAsTheyWere() {
    ClientModel client = client(Set.of("https://a.example/cb", "https://b.example/cb"), "x##y");

    SignInTargets.follow(client, false);

    assertTrue(SignInTargets.withheld(client));
    assertTrue(client.getRedirectUris().isEmpty(), "Keycloak has nothing to redirect to");
    assertEquals("-", client.getAttribute(POST_LOGOUT), "not even the redirect URIs at logout");
    assertEquals(
        Set.of("https://a.example/cb", "https://b.example/cb"),
        Set.copyOf(SignInTargets.redirectUris(client)));
    assertEquals("x##y", SignInTargets.postLogoutAttribute(client));

    SignInTargets.follow(client, true);

    assertFalse(SignInTargets.withheld(client));
    assertEquals(Set.of("https://a.example/cb", "https://b.example/cb"), client.getRedirectUris());
    assertEquals("x##y", client.getAttribute(POST_LOGOUT));
  }

  @Test
  void anAbsentPostLogoutAttributeStaysAbsentThroughoutAndIsNotReadAsKeycloaksNone() {
    ClientModel client = client(Set.of(), null);

    SignInTargets.follow(client, false);
    assertNull(SignInTargets.postLogoutAttribute(client));
    SignInTargets.follow(client, true);

    assertNull(client.getAttribute(POST_LOGOUT));
  }

  @Test
  void whatTheOwnerSetsWhileWithheldIsWithheldToo() {
    ClientModel client = client(Set.of("https://a.example/cb"), null);
    SignInTargets.follow(client, false);

    SignInTargets.setRedirectUris(client, List.of("https://new.example/cb"));
    SignInTargets.setPostLogoutAttribute(client, "https://new.example/bye");

    assertTrue(client.getRedirectUris().isEmpty());
    assertEquals("-", client.getAttribute(POST_LOGOUT));
    SignInTargets.follow(client, true);
    assertEquals(Set.of("https://new.example/cb"), client.getRedirectUris());
    assertEquals("https://new.example/bye", client.getAttribute(POST_LOGOUT));
  }

  @Test
  void urisAnAdminPutInKeycloaksPlacesWhileWithheldReplaceTheWithheldOnes() {
    ClientModel client = client(Set.of("https://owner.example/cb"), "https://owner.example/bye");
    SignInTargets.follow(client, false);

    client.setRedirectUris(new HashSet<>(Set.of("https://admin.example/cb")));
    SignInTargets.follow(client, false);

    assertTrue(client.getRedirectUris().isEmpty(), "withheld in turn");
    assertEquals(List.of("https://admin.example/cb"), SignInTargets.redirectUris(client));
    assertEquals("https://owner.example/bye", SignInTargets.postLogoutAttribute(client));
  }

  /** Keycloak's error page would link to the home URL ("back to application"). */
  @Test
  void theHomeUrlIsWithheldAndComesBack() {
    ClientModel client = client(Set.of(), null);
    SignInTargets.setClientUri(client, "https://home.example/");

    SignInTargets.follow(client, false);

    assertNull(client.getBaseUrl());
    assertEquals("https://home.example/", SignInTargets.clientUri(client));
    SignInTargets.setClientUri(client, "https://new-home.example/");
    assertNull(client.getBaseUrl());
    SignInTargets.follow(client, true);
    assertEquals("https://new-home.example/", client.getBaseUrl());
  }

  @Test
  void aReachableClientIsLeftAlone() {
    ClientModel client = client(Set.of("https://a.example/cb"), null);

    SignInTargets.follow(client, true);

    assertFalse(SignInTargets.withheld(client));
    assertEquals(Set.of("https://a.example/cb"), client.getRedirectUris());
    assertNull(client.getAttribute(POST_LOGOUT));
  }

  /** A client model whose redirect URIs and attributes behave as Keycloak's do, and no more. */
  private static ClientModel client(Set<String> redirectUris, String postLogout) {
    Map<String, String> attributes = new HashMap<>();
    if (postLogout != null) {
      attributes.put(POST_LOGOUT, postLogout);
    }
    Set<String>[] uris = new Set[] {new HashSet<>(redirectUris)};
    String[] baseUrl = {null};
    return (ClientModel)
        Proxy.newProxyInstance(
            ClientModel.class.getClassLoader(),
            new Class<?>[] {ClientModel.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRedirectUris" -> Set.copyOf(uris[0]);
                  case "setRedirectUris" -> {
                    uris[0] = new HashSet<>((Set<String>) args[0]);
                    yield null;
                  }
                  case "getBaseUrl" -> baseUrl[0];
                  case "setBaseUrl" -> {
                    baseUrl[0] = (String) args[0];
                    yield null;
                  }
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], (String) args[1]);
                  case "removeAttribute" -> attributes.remove((String) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
