package dev.oauth2clients.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.ApiException;
import dev.oauth2clients.representation.Json;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportedSecretsTest {

  @Test
  void takesOneToAHundredStringsAsTheyAre() {
    assertEquals(List.of("é😀\"x"), ReportedSecrets.of(body(Map.of("secrets", List.of("é😀\"x")))));
    List<String> hundred = Collections.nCopies(100, "kcoa_x");
    assertEquals(hundred, ReportedSecrets.of(body(Map.of("secrets", hundred))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"secrets\": null}",
        "{\"secrets\": \"kcoa_x\"}",
        "{\"secrets\": []}",
        "{\"secrets\": [\"kcoa_x\", 1]}",
        "{\"secrets\": [\"kcoa_x\", null]}",
        "{\"secrets\": [[\"kcoa_x\"]]}",
        "{\"secrets\": [\"kcoa_x\"], \"note\": \"found on a wiki\"}"
      })
  void refusesEveryOtherShapeWithoutEchoingTheStrings(String json) {
    ApiException refused = assertThrows(ApiException.class, () -> ReportedSecrets.of(body(json)));
    assertEquals("invalid_request", refused.error().code());
    assertFalse(refused.description().contains("kcoa_x"), refused.description());
  }

  @Test
  void refusesAHundredAndOne() {
    ObjectNode tooMany = body(Map.of("secrets", Collections.nCopies(101, "kcoa_x")));
    ApiException refused = assertThrows(ApiException.class, () -> ReportedSecrets.of(tooMany));
    assertEquals("invalid_request", refused.error().code());
  }

  private static ObjectNode body(Map<String, ?> value) {
    return Json.MAPPER.valueToTree(value);
  }

  private static ObjectNode body(String json) {
    return (ObjectNode) Json.readOrNull(json.getBytes(StandardCharsets.UTF_8));
  }
}
