package dev.oauth2clients.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UriRulesTest {

  @Nested
  class RedirectUris {

    @Test
    void refusesUserInformationInAPrivateUseUri() {
      assertEquals(
          Optional.of("must not contain user information"),
          UriRules.redirectUriProblem("com.example.app://user:pw@host/cb"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://app.example.com/callback",
          "https://app.example.com",
          "https://app.example.com:8443/cb",
          "https://app.example.com/cb?tenant=1",
          "HTTPS://APP.EXAMPLE.COM/cb",
        })
    void acceptsHttpsUris(String uri) {
      assertEquals(Optional.empty(), UriRules.redirectUriProblem(uri));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "http://localhost/cb",
          "http://localhost:8080/cb",
          "http://LOCALHOST:8080/cb",
          "http://127.0.0.1/cb",
          "http://127.0.0.1:5000/cb",
          "http://[::1]/cb",
          "http://[::1]:3000/cb",
        })
    void acceptsHttpOnLoopback(String uri) {
      assertEquals(Optional.empty(), UriRules.redirectUriProblem(uri));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "http://app.example.com/cb",
          "http://192.168.1.10/cb",
          "http://10.0.0.1:8080/cb",
          "http://127.0.0.2/cb",
          "http://localhost.example.com/cb",
          "http://example.com/localhost",
        })
    void refusesHttpOnNonLoopbackHosts(String uri) {
      assertEquals(
          Optional.of("may use http only on localhost, 127.0.0.1 or [::1]"),
          UriRules.redirectUriProblem(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.app:/cb", "com.example.app:/oauth2redirect?x=1"})
    void acceptsPrivateUseSchemesInReverseDomainForm(String uri) {
      assertEquals(Optional.empty(), UriRules.redirectUriProblem(uri));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "myapp:/cb",
          "javascript:alert(1)",
          "data:text/html,hello",
          "file:///etc/passwd",
          "ftp://files.example.com/cb",
        })
    void refusesSchemesThatAreNotHttpsLoopbackHttpOrReverseDomain(String uri) {
      assertEquals(
          Optional.of(
              "must use https, http on loopback, or a private-use scheme such as com.example.app"),
          UriRules.redirectUriProblem(uri));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://*.example.com/cb",
          "https://app.example.com/*",
          "*",
          "com.example.app:/*",
        })
    void refusesWildcards(String uri) {
      assertEquals(Optional.of("must not contain a wildcard"), UriRules.redirectUriProblem(uri));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://app.example.com/cb#section",
          "https://app.example.com/cb#",
          "http://localhost/cb#x",
          "com.example.app:/cb#x",
        })
    void refusesFragments(String uri) {
      assertEquals(Optional.of("must not contain a fragment"), UriRules.redirectUriProblem(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cb", "cb", "//app.example.com/cb", "?x=1"})
    void refusesRelativeUris(String uri) {
      assertEquals(Optional.of("must be an absolute URI"), UriRules.redirectUriProblem(uri));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"https://user@app.example.com/cb", "https://user:pass@app.example.com/cb"})
    void refusesUserInfo(String uri) {
      assertEquals(
          Optional.of("must not contain user information"), UriRules.redirectUriProblem(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https:/cb", "https:///cb", "https:cb", "http:cb"})
    void refusesWebUrisWithoutHost(String uri) {
      assertEquals(Optional.of("must name a host"), UriRules.redirectUriProblem(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://app.example.com/a|b", "https://app.example.com/<cb>"})
    void refusesTextThatIsNotAUri(String uri) {
      assertEquals(Optional.of("is not a valid URI"), UriRules.redirectUriProblem(uri));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://app.example.com/a b",
          " https://app.example.com/cb",
          "https://app.example.com/caf\u00e9",
          "https://app.example.com/\uD83D\uDE80",
          "https://b\u00fccher.example/cb",
          "https://app.example.com/cb\u007F",
        })
    void refusesAnythingButPrintableAsciiAndSaysHowToEncodeIt(String uri) {
      assertEquals(
          Optional.of(
              "must be ASCII without spaces (percent-encode other characters, e.g. %C3%A9 for"
                  + " \u00e9)"),
          UriRules.redirectUriProblem(uri));
    }

    @Test
    void acceptsPercentEncodedCharactersAndLongUris() {
      String uri = "https://app.example.com/caf%C3%A9/%F0%9F%9A%80/it's" + "/a".repeat(1000);
      assertEquals(Optional.empty(), UriRules.redirectUriProblem(uri));
    }
  }

  @Nested
  class WebUrls {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://example.com",
          "https://example.com/privacy",
          "https://example.com/tos?lang=en",
          "http://localhost:8080/about",
          "http://127.0.0.1/logo.png",
          "http://[::1]/",
        })
    void acceptsHttpsAndLoopbackHttp(String url) {
      assertEquals(Optional.empty(), UriRules.webUrlProblem(url));
    }

    @Test
    void refusesHttpOnNonLoopbackHost() {
      assertEquals(
          Optional.of("may use http only on localhost, 127.0.0.1 or [::1]"),
          UriRules.webUrlProblem("http://example.com/privacy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.app:/about", "ftp://example.com/", "javascript:alert(1)"})
    void refusesOtherSchemesIncludingPrivateUseOnes(String url) {
      assertEquals(
          Optional.of("must use https (or http on loopback)"), UriRules.webUrlProblem(url));
    }

    @Test
    void refusesRelativeUrl() {
      assertEquals(Optional.of("must be an absolute URL"), UriRules.webUrlProblem("/about"));
    }

    @Test
    void refusesUserInfo() {
      assertEquals(
          Optional.of("must not contain user information"),
          UriRules.webUrlProblem("https://admin:secret@example.com/"));
    }

    @Test
    void refusesNonAscii() {
      assertTrue(
          UriRules.webUrlProblem("https://example.com/caf\u00e9").orElseThrow().contains("ASCII"));
    }
  }

  @Nested
  class Origins {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://app.example.com",
          "https://app.example.com:8443",
          "http://localhost:3000",
          "http://127.0.0.1:8080",
          "http://[::1]:3000",
        })
    void acceptsSchemeHostAndPort(String origin) {
      assertEquals(Optional.empty(), UriRules.originProblem(origin));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://app.example.com/",
          "https://app.example.com/path",
          "https://app.example.com?q=1",
          "https://app.example.com?",
          "https://app.example.com#top",
          "https://app.example.com#",
        })
    void refusesPathQueryOrFragment(String origin) {
      assertEquals(
          Optional.of("must be an origin (scheme://host[:port]) without path, query or fragment"),
          UriRules.originProblem(origin));
    }

    @Test
    void refusesHttpOriginOnNonLoopbackHost() {
      assertEquals(
          Optional.of("may use http only on localhost, 127.0.0.1 or [::1]"),
          UriRules.originProblem("http://app.example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://*.example.com", "null", "app.example.com"})
    void refusesWildcardsAndNonOrigins(String origin) {
      assertTrue(UriRules.originProblem(origin).isPresent(), origin);
    }

    @Test
    void refusesUserInfo() {
      assertEquals(
          Optional.of("must not contain user information"),
          UriRules.originProblem("https://user@app.example.com"));
    }

    @Test
    void refusesAnInternationalisedHostThatIsNotPunycode() {
      assertTrue(
          UriRules.originProblem("https://b\u00fccher.example").orElseThrow().contains("ASCII"));
      assertEquals(Optional.empty(), UriRules.originProblem("https://xn--bcher-kva.example"));
    }
  }
}
