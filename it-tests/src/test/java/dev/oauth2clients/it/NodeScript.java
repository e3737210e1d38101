package dev.oauth2clients.it;

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
 * A script of an npm client library's directory, run by Node with its input as JSON on stdin and
 * its answer as JSON on stdout: the tests then see what a real client library makes of the server.
 * The build installs each library from its committed lock file; where there is no Node.js the tests
 * that need one are skipped, and say why.
 */
public record NodeScript(Path directory, String script, String library) {

  /**
   * Node starts in well under a second; a minute covers a busy 2-core machine and a slow server.
   */
  private static final long TIMEOUT_SECONDS = 60;

  /**
   * The script in the directory that the system property {@code directoryProperty} names (the build
   * sets it), or {@code fallback} under the working directory; skips the test without Node.
   */
  public static NodeScript of(
      String directoryProperty, String fallback, String script, String library) {
    Path directory = Path.of(System.getProperty(directoryProperty, fallback)).toAbsolutePath();
    assumeTrue(
        nodeOnPath(),
        library
            + " tests skipped: install Node.js 20+ with npm, then run "
            + installCommand(directory));
    if (!Files.isDirectory(directory.resolve("node_modules").resolve(library))) {
      // Node is there, so a missing library is a broken build, not a reason to skip.
      throw new IllegalStateException(
          library + " is not installed; run " + installCommand(directory));
    }
    return new NodeScript(directory, script, library);
  }

  private static String installCommand(Path directory) {
    return directory.resolveSibling("install-node-library.sh") + " " + directory.getFileName();
  }

  /** Runs the script once. Secrets in {@code input} go through stdin, never argv or a log. */
  public JsonNode run(ObjectNode input) {
    Process node;
    try {
      node =
          new ProcessBuilder("node", directory.resolve(script).toString())
              .directory(directory.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node", e);
    }
    // Both streams are read while Node runs: an answer can be larger than a pipe holds.
    CompletableFuture<String> stdout = readAll(node.getInputStream());
    CompletableFuture<String> stderr = readAll(node.getErrorStream());
    try (OutputStream stdin = node.getOutputStream()) {
      stdin.write(Json.write(input).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      node.destroyForcibly();
      throw new UncheckedIOException("cannot write to node", e);
    }
    try {
      if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        throw new AssertionError(library + " gave no answer within " + TIMEOUT_SECONDS + " s");
      }
      if (node.exitValue() != 0) {
        throw new AssertionError(
            library + " failed (exit " + node.exitValue() + "): " + stderr.join());
      }
      return Json.parse(stdout.join());
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
}
