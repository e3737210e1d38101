package dev.oauth2clients.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutesTest {

  /** A resource as JAX-RS sees one: real routes, a fallback, and preflight for every path. */
  static class Sample {
    @GET
    @Path("")
    public void list() {}

    @GET
    @Path("{id}")
    public void read() {}

    @DELETE
    @Path("/{id}/")
    public void delete() {}

    @POST
    @Path("{id}/secret")
    public void rotate() {}

    @GET
    @Path("files/{name: [a-z]+\\.txt}")
    public void file() {}

    @POST
    @Path("{id}")
    @Routes.Fallback
    public void unmatched() {}

    @OPTIONS
    @Path("{any:.*}")
    public void preflight() {}
  }

  private static final Routes SAMPLE = Routes.of(Sample.class);

  @ParameterizedTest
  @CsvSource({
    "'', GET HEAD OPTIONS",
    "abc, DELETE GET HEAD OPTIONS",
    "abc/secret, OPTIONS POST",
    "files/notes.txt, GET HEAD OPTIONS",
  })
  void aPathAnswersTheMethodsOfItsRoutes(String path, String methods) {
    assertEquals(Set.of(methods.split(" ")), SAMPLE.allowedMethods(path));
  }

  @ParameterizedTest
  @CsvSource({"abc/def", "a/b/c", "files/NOTES.TXT", "abc/secret/x"})
  void aPathNoRouteHasAnswersNothing(String path) {
    assertEquals(Set.of(), SAMPLE.allowedMethods(path));
  }

  @Test
  void fallbacksArentRoutes() {
    assertFalse(SAMPLE.allowedMethods("abc").contains("POST"));
  }

  @Test
  void templatesBecomeExpressionsThatMatchWholePaths() {
    Pattern pattern = Routes.pattern("/{id}/secret/");
    assertTrue(pattern.matcher("ssc-1/secret").matches());
    assertFalse(pattern.matcher("ssc-1/secret/x").matches());
    assertFalse(pattern.matcher("a/b/secret").matches());
    assertTrue(Routes.pattern("a.b/{rest:.+}").matcher("a.b/c/d").matches());
    assertFalse(Routes.pattern("a.b/{rest:.+}").matcher("aXb/c").matches());
  }

  @Test
  void theApisRoutesAreTheContractsEndpoints() {
    Routes api = Routes.of(OAuth2ClientsResource.class);
    assertEquals(Set.of("GET", "HEAD", "OPTIONS", "POST"), api.allowedMethods(""));
    assertEquals(
        Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "PUT"),
        api.allowedMethods("ssc-AbCdEfGhIjKlMnOpQrStUv"));
    assertEquals(
        Set.of("OPTIONS", "POST"), api.allowedMethods("ssc-AbCdEfGhIjKlMnOpQrStUv/secret"));
    assertEquals(Set.of(), api.allowedMethods("ssc-AbCdEfGhIjKlMnOpQrStUv/other"));
  }
}
