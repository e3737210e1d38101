package dev.oauth2clients.representation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonMergePatchTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** RFC 7396, Appendix A: every example, row by row. */
  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {"a":"b"}                         | {"a":"c"}                    | {"a":"c"}
          {"a":"b"}                         | {"b":"c"}                    | {"a":"b","b":"c"}
          {"a":"b"}                         | {"a":null}                   | {}
          {"a":"b","b":"c"}                 | {"a":null}                   | {"b":"c"}
          {"a":["b"]}                       | {"a":"c"}                    | {"a":"c"}
          {"a":"c"}                         | {"a":["b"]}                  | {"a":["b"]}
          {"a":{"b":"c"}}                   | {"a":{"b":"d","c":null}}     | {"a":{"b":"d"}}
          {"a":[{"b":"c"}]}                 | {"a":[1]}                    | {"a":[1]}
          ["a","b"]                         | ["c","d"]                    | ["c","d"]
          {"a":"b"}                         | ["c"]                        | ["c"]
          {"a":"foo"}                       | null                         | null
          {"a":"foo"}                       | "bar"                        | "bar"
          {"e":null}                        | {"a":1}                      | {"e":null,"a":1}
          [1,2]                             | {"a":"b","c":null}           | {"a":"b"}
          {}                                | {"a":{"bb":{"ccc":null}}}    | {"a":{"bb":{}}}
          """)
  void appliesTheExamplesOfRfc7396AppendixA(String target, String patch, String expected) {
    assertEquals(json(expected), JsonMergePatch.apply(json(target), json(patch)));
  }

  /** RFC 7396, section 3: the worked example. */
  @Test
  void appliesTheWorkedExampleOfRfc7396Section3() {
    JsonNode target =
        json(
            """
            {"title": "Goodbye!",
             "author": {"givenName": "John", "familyName": "Doe"},
             "tags": ["example", "sample"],
             "content": "This will be unchanged"}
            """);
    JsonNode patch =
        json(
            """
            {"title": "Hello!",
             "phoneNumber": "+01-123-456-7890",
             "author": {"familyName": null},
             "tags": ["example"]}
            """);
    JsonNode expected =
        json(
            """
            {"title": "Hello!",
             "author": {"givenName": "John"},
             "tags": ["example"],
             "content": "This will be unchanged",
             "phoneNumber": "+01-123-456-7890"}
            """);
    assertEquals(expected, JsonMergePatch.apply(target, patch));
  }

  @Test
  void leavesTheTargetUnchanged() {
    JsonNode target = json("{\"a\":{\"b\":\"c\",\"d\":\"e\"},\"f\":1}");
    JsonNode before = target.deepCopy();
    JsonMergePatch.apply(target, json("{\"a\":{\"b\":null,\"x\":2},\"f\":null}"));
    assertEquals(before, target);
  }

  @Test
  void emptyPatchLeavesAnEqualObject() {
    JsonNode target = json("{\"a\":\"b\",\"c\":[1,2]}");
    assertEquals(target, JsonMergePatch.apply(target, json("{}")));
  }

  @Test
  void missingTargetIsTreatedAsAnEmptyObject() {
    assertEquals(
        json("{\"a\":{\"b\":1}}"),
        JsonMergePatch.apply(null, json("{\"a\":{\"b\":1,\"c\":null}}")));
  }
}
