package dev.oauth2clients.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.ApiException;
import dev.oauth2clients.representation.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AdminRequestsTest {

  private static ObjectNode body(String json) {
    return (ObjectNode) Json.readOrNull(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void refused(Executable parse) {
    assertEquals(ApiError.INVALID_REQUEST, assertThrows(ApiException.class, parse).error());
  }

  @Test
  void clientIdsOnceEachInTheOrderSentWithoutImpossibleOnes() {
    assertEquals(
        List.of("b", "a"),
        List.copyOf(AdminRequests.clientIds(body("{\"client_ids\":[\"b\",\"a\",\"b\",\"\"]}"))));
  }

  @Test
  void clientIdsOneToAThousandStrings() {
    ObjectNode thousand = Json.MAPPER.createObjectNode();
    ArrayNode ids = thousand.putArray("client_ids");
    for (int i = 0; i < 1000; i++) {
      ids.add("c" + i);
    }
    assertEquals(1000, AdminRequests.clientIds(thousand).size());
    ids.add("one-too-many");
    refused(() -> AdminRequests.clientIds(thousand));
    refused(() -> AdminRequests.clientIds(body("{\"client_ids\":[]}")));
    refused(() -> AdminRequests.clientIds(body("{\"client_ids\":\"a\"}")));
    refused(() -> AdminRequests.clientIds(body("{\"client_ids\":[1]}")));
    refused(() -> AdminRequests.clientIds(body("{}")));
    refused(() -> AdminRequests.clientIds(body("{\"client_ids\":[\"a\"],\"all\":true}")));
  }

  @Test
  void secretIsOneString() {
    assertEquals("kcoa_x", AdminRequests.secret(body("{\"secret\":\"kcoa_x\"}")));
    refused(() -> AdminRequests.secret(body("{}")));
    refused(() -> AdminRequests.secret(body("{\"secret\":[\"kcoa_x\"]}")));
    refused(() -> AdminRequests.secret(body("{\"secret\":\"a\",\"secrets\":[]}")));
  }
}
