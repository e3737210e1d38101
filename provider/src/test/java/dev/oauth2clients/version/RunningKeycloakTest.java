package dev.oauth2clients.version;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The switch is global to the JVM, as it is in a server: one test walks it from on to off. The
 * Keycloak on this class path is the one the provider is compiled against, a supported line.
 */
class RunningKeycloakTest {

  @Test
  void aStartUpStepThatMeetsAnotherKeycloakApiSwitchesTheProviderOffInsteadOfFailing() {
    assertTrue(RunningKeycloak.on(), "the compile-time Keycloak is a supported line");
    assertTrue(RunningKeycloak.sharesSessions());
    AtomicBoolean ran = new AtomicBoolean();
    RunningKeycloak.startUp("A step that works", () -> ran.set(true));
    assertTrue(ran.get());
    assertTrue(RunningKeycloak.on());

    RunningKeycloak.startUp(
        "A step that calls a missing method",
        () -> {
          throw new NoSuchMethodError("TimerProvider.schedule(TaskRunner, long, long)");
        });

    assertFalse(RunningKeycloak.on());
    assertFalse(RunningKeycloak.sharesSessions());
    AtomicBoolean later = new AtomicBoolean();
    RunningKeycloak.startUp("A later step", () -> later.set(true));
    assertFalse(later.get(), "nothing more starts once the provider is off");
  }
}
