package dev.oauth2clients.signin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauth2clients.store.ClientAttributes;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;

/**
 * Where Keycloak may send a user's browser for a self-service client: its redirect URIs (codes,
 * errors, {@code prompt=none}) and its post-logout redirect URIs. Keycloak sends errors there even
 * for a client that gets no tokens, and its logout endpoint does not look at the client's enabled
 * switch at all, so a paused or refused client would still be a redirector to any URI its owner
 * registered; Keycloak's error page also links back to the client's home URL. While a client could
 * not get tokens ({@link SignInReach}), Keycloak's places are therefore left empty, and the owner's
 * URIs wait in the attribute {@link ClientAttributes#WITHHELD_SIGN_IN_TARGETS}: with no URI to
 * check against, Keycloak answers with its own error page. Reads and writes of the two fields go
 * through here, so the owner sees and changes the same URIs either way.
 */
public final class SignInTargets {

  /** Keycloak's post-logout value for "none", which it does not replace with the redirect URIs. */
  private static final String NO_POST_LOGOUT_URIS = "-";

  /** Keycloak's post-logout value for "the same as the redirect URIs", which admins may set. */
  private static final String SAME_AS_REDIRECT_URIS = "+";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * What is held back while the client is unreachable: the redirect URIs, Keycloak's post-logout
   * attribute exactly as it was (null when it was absent), and the home URL, which Keycloak's error
   * page would offer as a link back to the application.
   */
  record Withheld(
      @JsonProperty("redirect_uris") List<String> redirectUris,
      @JsonProperty("post_logout") String postLogout,
      @JsonProperty("client_uri") String clientUri) {

    Withheld withRedirectUris(List<String> uris) {
      return new Withheld(uris, postLogout, clientUri);
    }

    Withheld withPostLogout(String value) {
      return new Withheld(redirectUris, value, clientUri);
    }

    Withheld withClientUri(String uri) {
      return new Withheld(redirectUris, postLogout, uri);
    }
  }

  private SignInTargets() {}

  public static boolean withheld(ClientModel model) {
    return model.getAttribute(ClientAttributes.WITHHELD_SIGN_IN_TARGETS) != null;
  }

  public static List<String> redirectUris(ClientModel model) {
    return withheldOf(model)
        .map(Withheld::redirectUris)
        .orElseGet(() -> List.copyOf(model.getRedirectUris()));
  }

  public static void setRedirectUris(ClientModel model, List<String> uris) {
    Optional<Withheld> withheld = withheldOf(model);
    if (withheld.isPresent()) {
      write(model, withheld.get().withRedirectUris(List.copyOf(uris)));
    } else {
      model.setRedirectUris(new HashSet<>(uris));
    }
  }

  /** Keycloak's post-logout attribute as the owner's settings have it. */
  public static String postLogoutAttribute(ClientModel model) {
    Optional<Withheld> withheld = withheldOf(model);
    // Not Optional.map: a withheld null (no attribute) must not fall through to Keycloak's "-".
    return withheld.isPresent()
        ? withheld.get().postLogout()
        : model.getAttribute(OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS);
  }

  /** Whether an admin set the post-logout URIs to Keycloak's "the same as the redirect URIs". */
  public static boolean postLogoutFollowsRedirectUris(ClientModel model) {
    return SAME_AS_REDIRECT_URIS.equals(postLogoutAttribute(model));
  }

  public static void setPostLogoutAttribute(ClientModel model, String value) {
    Optional<Withheld> withheld = withheldOf(model);
    if (withheld.isPresent()) {
      write(model, withheld.get().withPostLogout(value));
    } else {
      setOrRemove(model, value);
    }
  }

  /** The client's home URL as the owner's settings have it. */
  public static String clientUri(ClientModel model) {
    Optional<Withheld> withheld = withheldOf(model);
    return withheld.isPresent() ? withheld.get().clientUri() : model.getBaseUrl();
  }

  public static void setClientUri(ClientModel model, String uri) {
    Optional<Withheld> withheld = withheldOf(model);
    if (withheld.isPresent()) {
      write(model, withheld.get().withClientUri(uri));
    } else {
      model.setBaseUrl(uri);
    }
  }

  /**
   * Gives Keycloak the client's URIs while it is {@code reachable}, and withholds them otherwise.
   * URIs found in Keycloak's places while they are withheld were put there by an admin (the admin
   * console shows them empty): they replace what was withheld, and are withheld in turn.
   */
  public static void follow(ClientModel model, boolean reachable) {
    Optional<Withheld> withheld = withheldOf(model);
    if (withheld.isEmpty()) {
      if (!reachable) {
        write(
            model,
            new Withheld(
                List.copyOf(model.getRedirectUris()),
                model.getAttribute(OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS),
                model.getBaseUrl()));
        empty(model);
      }
      return;
    }
    Withheld current = withAdminEdits(model, withheld.get());
    if (reachable) {
      model.removeAttribute(ClientAttributes.WITHHELD_SIGN_IN_TARGETS);
      model.setRedirectUris(new HashSet<>(current.redirectUris()));
      setOrRemove(model, current.postLogout());
      model.setBaseUrl(current.clientUri());
    } else if (!current.equals(withheld.get())) {
      write(model, current);
      empty(model);
    }
  }

  private static Withheld withAdminEdits(ClientModel model, Withheld withheld) {
    List<String> redirectUris =
        model.getRedirectUris().isEmpty()
            ? withheld.redirectUris()
            : List.copyOf(model.getRedirectUris());
    String postLogout = model.getAttribute(OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS);
    String clientUri = model.getBaseUrl();
    return new Withheld(
        redirectUris,
        Objects.equals(postLogout, NO_POST_LOGOUT_URIS) ? withheld.postLogout() : postLogout,
        clientUri == null || clientUri.isEmpty() ? withheld.clientUri() : clientUri);
  }

  private static void empty(ClientModel model) {
    model.setRedirectUris(new HashSet<>());
    model.setAttribute(OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS, NO_POST_LOGOUT_URIS);
    model.setBaseUrl(null);
  }

  private static Optional<Withheld> withheldOf(ClientModel model) {
    String stored = model.getAttribute(ClientAttributes.WITHHELD_SIGN_IN_TARGETS);
    if (stored == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readValue(stored, Withheld.class));
    } catch (IOException e) {
      throw new IllegalStateException("withheld sign-in targets are corrupt", e);
    }
  }

  private static void write(ClientModel model, Withheld withheld) {
    try {
      model.setAttribute(
          ClientAttributes.WITHHELD_SIGN_IN_TARGETS, MAPPER.writeValueAsString(withheld));
    } catch (IOException e) {
      throw new IllegalStateException("a list of strings always serializes", e);
    }
  }

  private static void setOrRemove(ClientModel model, String postLogout) {
    if (postLogout == null) {
      model.removeAttribute(OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS);
    } else {
      model.setAttribute(OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS, postLogout);
    }
  }
}
