package dev.oauth2clients.usage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oauth2clients.usage.LastUse.Written;
import org.junit.jupiter.api.Test;

class LastUseTest {

  @Test
  void aSecretIsWrittenOncePerInterval() {
    Written first = new Written("hash", 1_000);
    assertTrue(LastUse.due(null, first), "a first use is written at once");
    assertFalse(LastUse.due(first, new Written("hash", 1_000 + LastUse.INTERVAL_MILLIS - 1)));
    assertTrue(LastUse.due(first, new Written("hash", 1_000 + LastUse.INTERVAL_MILLIS)));
  }

  @Test
  void aNewSecretsFirstUseIsWrittenAtOnce() {
    assertTrue(LastUse.due(new Written("old", 1_000), new Written("new", 1_001)));
  }
}
