package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The account page is Keycloak's own account console from npm, built into the provider's theme: its
 * packages must be the Keycloak release the build pins, or the page would talk to a server of
 * another version. Kept by hand in package.json and the lock file, so held here.
 */
class AccountPageVersionTest {

  private static final Path ACCOUNT_UI =
      Path.of(System.getProperty("repository.root")).normalize().resolve("themes/account-ui");
  private static final List<String> KEYCLOAK_PACKAGES =
      List.of("@keycloak/keycloak-account-ui", "@keycloak/keycloak-ui-shared");

  @Test
  void theAccountPagesKeycloakPackagesAreThePinnedRelease() throws IOException {
    String pinned = System.getProperty("keycloak.version");
    JsonNode manifest = new ObjectMapper().readTree(ACCOUNT_UI.resolve("package.json").toFile());
    JsonNode lock = new ObjectMapper().readTree(ACCOUNT_UI.resolve("package-lock.json").toFile());
    for (String name : KEYCLOAK_PACKAGES) {
      assertEquals(pinned, manifest.path("dependencies").path(name).asText(), name);
      assertEquals(
          pinned,
          lock.path("packages").path("node_modules/" + name).path("version").asText(),
          name + " in package-lock.json");
    }
  }
}
