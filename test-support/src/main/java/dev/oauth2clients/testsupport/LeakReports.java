package dev.oauth2clients.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The leak report endpoint, {@code POST /oauth2-clients/revocations}, called with no token. */
public final class LeakReports {

  private LeakReports() {}

  /** Reports the strings as found secrets. */
  public static HttpResult report(String realmUrl, List<String> secrets) {
    return raw(realmUrl, "application/json", Json.write(Map.of("secrets", secrets)));
  }

  /** Any body, with any content type ({@code null}: none). */
  public static HttpResult raw(String realmUrl, String contentType, String body) {
    return Http.send(
        "POST",
        realmUrl + "/oauth2-clients/revocations",
        contentType == null ? Map.of() : Map.of("Content-Type", contentType),
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }
}
