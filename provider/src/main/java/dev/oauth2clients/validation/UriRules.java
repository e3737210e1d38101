package dev.oauth2clients.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The contract's URI rules. Each check returns why a value is refused, or empty when it is fine, so
 * that the caller decides which error code the refusal gets. Lengths are the field's business
 * ({@code client.ClientFields}); the caller checks them first.
 */
final class UriRules {

  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  private UriRules() {}

  /**
   * A redirect URI: absolute, no fragment, no wildcard, no user info; https, http on loopback, or a
   * private-use scheme in reverse-domain form (RFC 8252 §7.1) such as {@code com.example.app:/cb}.
   */
  static Optional<String> redirectUriProblem(String value) {
    if (value.contains("*")) {
      return Optional.of("must not contain a wildcard");
    }
    Optional<URI> uri = parse(value);
    if (uri.isEmpty()) {
      return Optional.of(syntaxProblem(value));
    }
    if (!uri.get().isAbsolute()) {
      return Optional.of("must be an absolute URI");
    }
    if (uri.get().getRawFragment() != null) {
      return Optional.of("must not contain a fragment");
    }
    if (uri.get().getRawUserInfo() != null) {
      return Optional.of("must not contain user information");
    }
    String scheme = uri.get().getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") || scheme.equals("http")) {
      return webProblem(uri.get());
    }
    if (!scheme.contains(".")) {
      return Optional.of(
          "must use https, http on loopback, or a private-use scheme such as com.example.app");
    }
    return Optional.empty();
  }

  /** A web URL such as client_uri: https, or http on loopback. */
  static Optional<String> webUrlProblem(String value) {
    Optional<URI> uri = parse(value);
    if (uri.isEmpty()) {
      return Optional.of(syntaxProblem(value));
    }
    if (!uri.get().isAbsolute()) {
      return Optional.of("must be an absolute URL");
    }
    return webProblem(uri.get());
  }

  /**
   * A logout URI: a web URL without a fragment, which the OpenID Connect logout specifications
   * forbid there.
   */
  static Optional<String> logoutUrlProblem(String value) {
    Optional<String> web = webUrlProblem(value);
    if (web.isPresent() || parse(value).orElseThrow().getRawFragment() == null) {
      return web;
    }
    return Optional.of("must not contain a fragment (#…)");
  }

  /**
   * A URL the server fetches keys from: https only, loopback included, since a key fetched over
   * plain http could be swapped on the way.
   */
  static Optional<String> httpsUrlProblem(String value) {
    Optional<String> web = webUrlProblem(value);
    if (web.isPresent()) {
      return web;
    }
    URI uri = parse(value).orElseThrow();
    if (!uri.getScheme().equalsIgnoreCase("https")) {
      return Optional.of("must use https");
    }
    return uri.getRawFragment() == null
        ? Optional.empty()
        : Optional.of("must not contain a fragment (#…)");
  }

  /** A CORS origin: scheme, host and optional port only. */
  static Optional<String> originProblem(String value) {
    Optional<String> web = webUrlProblem(value);
    if (web.isPresent()) {
      return web;
    }
    URI uri = parse(value).orElseThrow();
    boolean originOnly =
        uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null;
    return originOnly
        ? Optional.empty()
        : Optional.of("must be an origin (scheme://host[:port]) without path, query or fragment");
  }

  private static Optional<String> webProblem(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("must use https (or http on loopback)");
    }
    if (uri.getHost() == null || uri.isOpaque()) {
      return Optional.of("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not contain user information");
    }
    if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      return Optional.of("may use http only on localhost, 127.0.0.1 or [::1]");
    }
    return Optional.empty();
  }

  /**
   * URIs are ASCII (RFC 3986): other characters are percent-encoded, so that a URI's length is the
   * same in every database's count.
   */
  private static String syntaxProblem(String value) {
    return isPrintableAscii(value)
        ? "is not a valid URI"
        : "must be ASCII without spaces (percent-encode other characters, e.g. %C3%A9 for é)";
  }

  private static Optional<URI> parse(String value) {
    if (value.isEmpty() || !isPrintableAscii(value)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new URI(value));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static boolean isPrintableAscii(String value) {
    return value.chars().allMatch(c -> c > ' ' && c < 0x7F);
  }
}
