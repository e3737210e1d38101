package dev.oauth2clients.it.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.it.NodeScript;
import dev.oauth2clients.testsupport.Json;

/**
 * The npm library graphql-request, run by Node ({@code graphql-client/request.mjs}), as a front end
 * or a script would use it against the endpoint: the tests then see what a real GraphQL client
 * makes of the answers, not only what hand-built HTTP does.
 */
final class GraphqlRequestClient {

  private final NodeScript script;
  private final String url;
  private final String token;

  private GraphqlRequestClient(NodeScript script, String url, String token) {
    this.script = script;
    this.url = url;
    this.token = token;
  }

  /**
   * A client of the endpoint at {@code url} that sends {@code token} as bearer, or none if null.
   */
  static GraphqlRequestClient of(String url, String token) {
    return new GraphqlRequestClient(
        NodeScript.of("graphql.client.dir", "graphql-client", "request.mjs", "graphql-request"),
        url,
        token);
  }

  /** Sends one document with its variables (null for none), as {@code GraphQLClient.request}. */
  Answer request(String document, Object variables) {
    ObjectNode input = Json.object();
    input.put("document", document);
    if (variables != null) {
      input.set("variables", Json.MAPPER.valueToTree(variables));
    }
    return run(input);
  }

  /** Sends graphql-js's own {@code getIntrospectionQuery()}, as GraphiQL and codegen tools do. */
  Answer introspection() {
    ObjectNode input = Json.object();
    input.put("introspection", true);
    return run(input);
  }

  /** The token goes through stdin, never argv, so no process list or log shows it. */
  private Answer run(ObjectNode input) {
    input.put("url", url);
    if (token != null) {
      input.put("token", token);
    }
    return new Answer(script.run(input));
  }

  /**
   * What graphql-request made of one answer: its data when it returned normally, or what its {@code
   * ClientError} carried (GraphQL errors, an HTTP status other than 2xx, the body as sent).
   */
  record Answer(JsonNode json) {

    /** The HTTP status; graphql-request returns data only for a 2xx answer. */
    int status() {
      return json.path("status").asInt(200);
    }

    /** The data, or a null node where the library saw none. */
    JsonNode data() {
      return json.path("data").isMissingNode() ? Json.MAPPER.nullNode() : json.get("data");
    }

    /** The GraphQL errors, an empty array when there were none. */
    JsonNode errors() {
      JsonNode errors = json.path("errors");
      return errors.isArray() ? errors : Json.MAPPER.createArrayNode();
    }

    /** The body as the server sent it, for a ClientError; null when the library returned data. */
    String body() {
      return json.path("body").isTextual() ? json.get("body").asText() : null;
    }

    @Override
    public String toString() {
      return json.toString();
    }
  }
}
