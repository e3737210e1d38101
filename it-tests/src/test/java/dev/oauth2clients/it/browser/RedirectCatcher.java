package dev.oauth2clients.it.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The redirect URI of an app under test: a loopback listener that records the query of every
 * request the browser is sent to, so a test can tell whether, and what, Keycloak sent the app.
 */
final class RedirectCatcher implements AutoCloseable {

  private static final String PATH = "/cb";

  private final HttpServer server;
  private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

  private RedirectCatcher(HttpServer server) {
    this.server = server;
  }

  static RedirectCatcher start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      RedirectCatcher catcher = new RedirectCatcher(server);
      server.createContext(PATH, catcher::record);
      server.start();
      return catcher;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** The query parameters of each request that arrived, oldest first. */
  List<Map<String, String>> received() {
    return List.copyOf(received);
  }

  private void record(HttpExchange exchange) throws IOException {
    received.add(parameters(exchange.getRequestURI().getRawQuery()));
    byte[] page = "The app received the redirect.".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, page.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(page);
    }
  }

  private static Map<String, String> parameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery != null) {
      Arrays.stream(rawQuery.split("&"))
          .map(pair -> pair.split("=", 2))
          .forEach(pair -> parameters.put(decode(pair[0]), pair.length > 1 ? decode(pair[1]) : ""));
    }
    return parameters;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
