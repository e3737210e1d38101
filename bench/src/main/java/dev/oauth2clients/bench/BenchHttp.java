package dev.oauth2clients.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP client of the measured requests: HTTP/1.1 with keep-alive, as most API callers and token
 * clients speak it, and every answer checked, so that an error never counts as a fast response.
 */
final class BenchHttp {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  static HttpRequest get(String url, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    headers.forEach(request::header);
    return request.build();
  }

  static HttpRequest post(
      String url, Map<String, String> headers, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return request.build();
  }

  /** Sends the request and fails unless the server answers with {@code expectedStatus}. */
  HttpResponse<String> send(HttpRequest request, int expectedStatus)
      throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response;
  }

  /** Milliseconds from sending the request to having read the whole answer. */
  double millis(HttpRequest request, int expectedStatus) throws IOException, InterruptedException {
    long started = System.nanoTime();
    send(request, expectedStatus);
    return (System.nanoTime() - started) / 1e6;
  }
}
