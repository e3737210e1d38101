package dev.oauth2clients.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.ApiException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodiesTest {

  private static final String JSON = "application/json";
  private static final String VALID = "{\"client_name\":\"My app\"}";

  private static InputStream body(String text) {
    return body(text, StandardCharsets.UTF_8);
  }

  private static InputStream body(String text, Charset charset) {
    return new ByteArrayInputStream(text.getBytes(charset));
  }

  private static ObjectNode read(String contentType, InputStream body) {
    return RequestBodies.readObject(contentType, body, RequestBodies.JSON);
  }

  private static ApiException refusal(String contentType, InputStream body, MediaType expected) {
    return assertThrows(
        ApiException.class, () -> RequestBodies.readObject(contentType, body, expected));
  }

  private static void assertInvalidRequest(String contentType, String text) {
    assertInvalidRequest(contentType, body(text));
  }

  private static void assertInvalidRequest(String contentType, InputStream body) {
    assertEquals(ApiError.INVALID_REQUEST, refusal(contentType, body, RequestBodies.JSON).error());
  }

  /** A JSON object whose UTF-8 form is exactly {@code bytes} long. */
  private static String objectOfUtf8Length(int bytes) {
    String empty = "{\"pad\":\"\"}";
    return "{\"pad\":\"" + "x".repeat(bytes - empty.length()) + "\"}";
  }

  @Test
  void readsAValidObject() {
    ObjectNode node = read(JSON, body(VALID));
    assertEquals(1, node.size());
    assertEquals("My app", node.get("client_name").textValue());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "application/json;charset=UTF-8",
        "Application/JSON",
        "application/json; charset=\"utf-8\"",
      })
  void acceptsJsonWithOrWithoutUtf8Charset(String contentType) {
    assertEquals("My app", read(contentType, body(VALID)).get("client_name").textValue());
  }

  @Test
  void readsNonAsciiTextAsUtf8() {
    ObjectNode node = read(JSON, body("{\"client_name\":\"Café ☕ 𝄞\"}"));
    assertEquals("Café ☕ 𝄞", node.get("client_name").textValue());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "application/merge-patch+json",
        "application/jsonx",
        "*/*",
        "json",
      })
  void refusesMissingOrWrongContentType(String contentType) {
    assertInvalidRequest(contentType, VALID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json; charset=iso-8859-1",
        "application/json; charset=utf-16",
        "application/json; charset=us-ascii",
      })
  void refusesCharsetsOtherThanUtf8(String contentType) {
    ApiException e = refusal(contentType, body(VALID), RequestBodies.JSON);
    assertEquals(ApiError.INVALID_REQUEST, e.error());
    assertEquals("The only accepted charset is utf-8.", e.description());
  }

  @Test
  void mergePatchRequiresTheMergePatchMediaType() {
    ApiException e = refusal(JSON, body(VALID), RequestBodies.MERGE_PATCH);
    assertEquals(ApiError.INVALID_REQUEST, e.error());
    assertEquals("Content-Type must be application/merge-patch+json.", e.description());
  }

  @Test
  void mergePatchAcceptsTheMergePatchMediaType() {
    ObjectNode node =
        RequestBodies.readObject(
            "application/merge-patch+json; charset=utf-8",
            body("{\"description\":null}"),
            RequestBodies.MERGE_PATCH);
    assertEquals(true, node.get("description").isNull());
  }

  @Test
  void refusesEmptyBody() {
    ApiException e = refusal(JSON, body(""), RequestBodies.JSON);
    assertEquals(ApiError.INVALID_REQUEST, e.error());
    assertEquals("The request body is empty; send a JSON object.", e.description());
  }

  @Test
  void refusesMissingBodyStream() {
    assertInvalidRequest(JSON, (InputStream) null);
  }

  @Test
  void refusesBodyOfOnlyWhitespace() {
    assertInvalidRequest(JSON, "  \n ");
  }

  @Test
  void acceptsBodyOfExactly64KiB() {
    String text = objectOfUtf8Length(RequestBodies.MAX_BYTES);
    assertEquals(65536, text.getBytes(StandardCharsets.UTF_8).length);
    assertEquals(1, read(JSON, body(text)).size());
  }

  @Test
  void refusesBodyOneByteOver64KiB() {
    ApiException e =
        refusal(JSON, body(objectOfUtf8Length(RequestBodies.MAX_BYTES + 1)), RequestBodies.JSON);
    assertEquals(ApiError.INVALID_REQUEST, e.error());
    assertEquals("The request body is larger than 64 KiB.", e.description());
  }

  @Test
  void refusesHugeBodyWithoutReadingItAll() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return ' ';
          }
        };
    assertInvalidRequest(JSON, endless);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{",
        "{\"client_name\":}",
        "{client_name:\"x\"}",
        "{'client_name':'x'}",
        "{\"a\":1,}",
      })
  void refusesTextThatIsNotJson(String text) {
    ApiException e = refusal(JSON, body(text), RequestBodies.JSON);
    assertEquals(ApiError.INVALID_REQUEST, e.error());
    assertEquals("The request body is not valid UTF-8 JSON.", e.description());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"client_name\":\"x\"}]", "\"text\"", "42", "true", "null"})
  void refusesJsonThatIsNotAnObject(String text) {
    ApiException e = refusal(JSON, body(text), RequestBodies.JSON);
    assertEquals(ApiError.INVALID_REQUEST, e.error());
    assertEquals("The request body must be a JSON object.", e.description());
  }

  @Test
  void refusesDuplicateKeys() {
    assertInvalidRequest(JSON, "{\"client_name\":\"a\",\"client_name\":\"b\"}");
  }

  @Test
  void refusesDuplicateKeysInNestedObjects() {
    assertInvalidRequest(JSON, "{\"metadata\":{\"k\":1,\"k\":2}}");
  }

  @ParameterizedTest
  @ValueSource(strings = {VALID + "x", VALID + "{}", VALID + " " + VALID, VALID + "]"})
  void refusesTrailingContent(String text) {
    assertInvalidRequest(JSON, text);
  }

  @Test
  void acceptsTrailingWhitespace() {
    assertEquals(1, read(JSON, body(VALID + " \r\n")).size());
  }

  @Test
  void refusesInvalidUtf8Bytes() {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
    assertInvalidRequest(JSON, new ByteArrayInputStream(bytes));
  }

  @Test
  void refusesLatin1EncodedText() {
    assertInvalidRequest(JSON, body("{\"client_name\":\"Café\"}", StandardCharsets.ISO_8859_1));
  }

  @Test
  void refusesUtf16EncodedBody() {
    assertInvalidRequest(JSON, body(VALID, StandardCharsets.UTF_16BE));
  }
}
