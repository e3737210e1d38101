package dev.oauth2clients.it.graphql;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.Json;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The npm library graphql-request, run by Node ({@code graphql-client/request.mjs}), as a front end
 * or a script would use it against the endpoint: the tests then see what a real GraphQL client
 * makes of the answers, not only what hand-built HTTP does. The build installs the library from the
 * committed lock file ({@code graphql-client/install.sh}); where there is no Node.js the tests that
 * use this client are skipped, and say why.
 */
final class GraphqlRequestClient {

  /**
   * Node starts in well under a second; a minute covers a busy 2-core machine and a slow server.
   */
  private static final long TIMEOUT_SECONDS = 60;

  private static final Path DIRECTORY =
      Path.of(System.getProperty("graphql.client.dir", "graphql-client")).toAbsolutePath();

  private final String url;
  private final String token;

  private GraphqlRequestClient(String url, String token) {
    this.url = url;
    this.token = token;
  }

  /**
   * A client of the endpoint at {@code url} that sends {@code token} as bearer, or none if null.
   */
  static GraphqlRequestClient of(String url, String token) {
    assumeTrue(
        nodeOnPath(),
        "GraphQL client library tests skipped: install Node.js 20+ with npm, then run "
            + DIRECTORY.resolve("install.sh"));
    if (!Files.isDirectory(DIRECTORY.resolve("node_modules/graphql-request"))) {
      // Node is there, so a missing library is a broken build, not a reason to skip.
      throw new IllegalStateException(
          "graphql-request is not installed; run " + DIRECTORY.resolve("install.sh"));
    }
    return new GraphqlRequestClient(url, token);
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

  private Answer run(ObjectNode input) {
    input.put("url", url);
    if (token != null) {
      input.put("token", token);
    }
    Process node;
    try {
      node =
          new ProcessBuilder("node", DIRECTORY.resolve("request.mjs").toString())
              .directory(DIRECTORY.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node", e);
    }
    // Both streams are read while Node runs: an introspection answer is larger than a pipe holds.
    CompletableFuture<String> stdout = readAll(node.getInputStream());
    CompletableFuture<String> stderr = readAll(node.getErrorStream());
    try (OutputStream stdin = node.getOutputStream()) {
      // The token goes through stdin, never argv, so no process list or log shows it.
      stdin.write(Json.write(input).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      node.destroyForcibly();
      throw new UncheckedIOException("cannot write to node", e);
    }
    try {
      if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        throw new AssertionError(
            "graphql-request gave no answer within " + TIMEOUT_SECONDS + " s from " + url);
      }
      if (node.exitValue() != 0) {
        throw new AssertionError(
            "graphql-request failed (exit " + node.exitValue() + "): " + stderr.join());
      }
      return new Answer(Json.parse(stdout.join()));
    } catch (InterruptedException e) {
      node.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<String> readAll(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static boolean nodeOnPath() {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(directory -> Files.isExecutable(Path.of(directory, "node")));
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
