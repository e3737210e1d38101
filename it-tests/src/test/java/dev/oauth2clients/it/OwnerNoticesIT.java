package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.oauth2clients.it.Mailbox.Mail;
import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.Pause;
import dev.oauth2clients.testsupport.TestRealm;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The owner's e-mails, sent by the real server through the realm's SMTP settings to a GreenMail
 * server in this JVM: on create, on rotation and before a secret expires; once each, to the owner
 * alone, naming the client and never holding a secret; at most one mail per owner and notice
 * window, what comes within it later as one digest.
 */
class OwnerNoticesIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  /** How often the test server runs the expiry notice task. */
  private static final Duration INTERVAL = KeycloakServer.EXPIRY_NOTICE_INTERVAL;

  /** The test server's notice window: a second notice to an owner within it waits for its end. */
  private static final Duration WINDOW = KeycloakServer.NOTICE_WINDOW;

  private static final Duration WAIT = INTERVAL.multipliedBy(4).plusSeconds(10);
  private static final long THREE_DAYS = 259_200L;
  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @RegisterExtension
  static final TestRealm realm =
      TestRealm.perClass(
          Policy.enabled().attributes(),
          withMail(
              representation -> {
                representation.put("internationalizationEnabled", true);
                representation.putArray("supportedLocales").add("en").add("de");
                representation.put("defaultLocale", "en");
              }),
          "alice",
          "rotator",
          "reminded",
          "later",
          "never",
          "burst",
          "fading",
          "noaddress",
          "unverified",
          "lena");

  @Test
  void creationMailGoesToTheOwnerOnceNamingTheClientAndNoSecret() {
    HttpResult created = realm.api("alice").create(Map.of("client_name", "Nightly <export> & co"));
    assertEquals(201, created.status(), created::toString);
    String clientId = created.json().get("client_id").asText();
    String secret = created.json().get("client_secret").asText();

    Mail mail = onlyMail("alice", about(clientId));
    assertEquals("New API client in your account", mail.subject(), "no owner's text in a subject");
    assertTrue(mail.text().contains("Name: Nightly <export> & co"), mail::text);
    assertTrue(mail.text().contains("Client ID: " + clientId), mail::text);
    assertTrue(mail.html().contains("Nightly &lt;export&gt; &amp; co"), mail::html);
    assertFalse(mail.html().contains("<export>"), "the owner's text is escaped in HTML");
    assertFalse(mail.contains(secret), "a secret reached a mail");
    assertEquals(
        List.of("CLIENT_INFO/notice_client_created/alice@example.com"), noticeEvents(clientId));
  }

  @Test
  @LineIndependent
  void rotationMailGoesToTheOwnerOnceAndHoldsNeitherSecret() {
    ClientsApi rotator = realm.api("rotator");
    JsonNode created = rotator.createNamed("Rotated");
    String clientId = created.get("client_id").asText();
    HttpResult rotated = rotator.rotate(clientId);
    assertEquals(200, rotated.status(), rotated::toString);

    // No pause of its own: settled() below counts again after one.
    Mail mail = arrived("rotator", about(clientId).and(subject("New secret for")), 1).get(0);
    assertEquals("New secret for one of your API clients", mail.subject());
    assertTrue(mail.text().contains("Client ID: " + clientId), mail::text);
    List<Mail> all = settled("rotator", about(clientId), 2);
    assertEquals(2, all.size(), "one mail on create, one on rotation");
    for (Mail each : all) {
      assertFalse(each.contains(created.get("client_secret").asText()));
      assertFalse(each.contains(rotated.json().get("client_secret").asText()));
    }
  }

  @Test
  void theMailIsInTheOwnersLanguage() {
    String userId = realm.userId("lena");
    ObjectNode user = user(realm, userId);
    user.putObject("attributes").putArray("locale").add("de");
    Admin.expect(204, realm.admin().call("PUT", "/" + realm.name() + "/users/" + userId, user));

    String clientId = realm.api("lena").createNamed("Rechnungen").get("client_id").asText();

    Mail mail = onlyMail("lena", about(clientId));
    assertEquals("Neuer API-Client in Ihrem Konto", mail.subject());
    assertTrue(mail.text().contains("Client-ID: " + clientId), mail::text);
  }

  /**
   * No address, or one no one verified: a user who typed in someone else's address must not make
   * the realm's mail server write to that person.
   */
  @ParameterizedTest
  @ValueSource(strings = {"noaddress", "unverified"})
  @LineIndependent
  void anOwnerWithoutAVerifiedAddressGetsNothingAndTheRequestSucceeds(String username) {
    ClientsApi owner = realm.api(username);
    String userId = realm.userId(username);
    ObjectNode user = user(realm, userId);
    if (username.equals("noaddress")) {
      user.put("email", "");
    } else {
      user.put("emailVerified", false);
    }
    Admin.expect(204, realm.admin().call("PUT", "/" + realm.name() + "/users/" + userId, user));

    HttpResult created = owner.create(Map.of("client_name", "Nobody to tell"));
    assertEquals(201, created.status(), created::toString);
    String clientId = created.json().get("client_id").asText();
    assertEquals(200, owner.rotate(clientId).status());
    assertEquals(List.of(), Mailbox.all(MAIL).stream().filter(about(clientId)).toList());

    // Instead of a pause: with a verified address again, the next notice takes along whatever
    // still waits for the owner. A mail about the new client alone means that the two notices
    // were dropped, not kept for later; any mail of theirs, sooner or with it, fails below.
    user.put("email", username + "@example.com");
    user.put("emailVerified", true);
    Admin.expect(204, realm.admin().call("PUT", "/" + realm.name() + "/users/" + userId, user));
    markerMail(owner, username);
    assertEquals(List.of(), Mailbox.all(MAIL).stream().filter(about(clientId)).toList());
    assertEquals(List.of(), noticeEvents(clientId));
  }

  @Test
  @LineIndependent
  void aChangeThatIsRolledBackSendsNothing() {
    Consumer<ObjectNode> smtp = withMail(representation -> {});
    try (TestRealm refusing = TestRealm.create(Policy.enabled().attributes(), smtp, "eve")) {
      refuseEveryClientBySecret(refusing);
      HttpResult created = refusing.api("eve").create(Map.of("client_name", "Refused by policy"));
      assertEquals(400, created.status(), created::toString);
      assertEquals(List.of(), Mailbox.to(MAIL, "eve@example.com"), "the refused create mailed");

      // Instead of a pause: the next notice takes along whatever waits for eve, so a mail about
      // the new client alone means the refused create left nothing to send, now or later.
      allowEveryClient(refusing);
      Mail marker = markerMail(refusing.api("eve"), "eve");
      assertEquals(
          List.of(marker), Mailbox.to(MAIL, "eve@example.com"), "the refused create mailed");
    }
  }

  @Test
  @LineIndependent
  void aRealmWithoutSmtpSendsNothingAndSaysSoOnce() throws IOException {
    try (TestRealm silent = TestRealm.create("sam")) {
      ClientsApi sam = silent.api("sam");
      for (int i = 0; i < 2; i++) {
        HttpResult created = sam.create(Map.of("client_name", "Unannounced " + i));
        assertEquals(201, created.status(), created::toString);
      }

      Pause.sleep(Duration.ofSeconds(2));
      assertEquals(List.of(), Mailbox.to(MAIL, "sam@example.com"));
      String log = serverLog();
      assertEquals(
          1,
          Pattern.compile("Realm " + silent.name() + " has no SMTP server")
              .matcher(log)
              .results()
              .count(),
          "one log line per realm");
    }
  }

  @Test
  void aMailThatFailsDoesNotFailTheRequestAndIsAnErrorEvent() throws IOException {
    int closedPort = freePort();
    Consumer<ObjectNode> unreachable =
        representation -> {
          Mailbox.sendTo(closedPort, representation);
          recordNoticeEvents(representation);
        };
    try (TestRealm broken = TestRealm.create(Policy.enabled().attributes(), unreachable, "bob")) {
      ClientsApi bob = broken.api("bob");
      HttpResult created = bob.create(Map.of("client_name", "Mail server down"));
      assertEquals(201, created.status(), created::toString);
      String clientId = created.json().get("client_id").asText();
      HttpResult rotated = bob.rotate(clientId);
      assertEquals(200, rotated.status(), rotated::toString);

      // A failed mail still takes the owner's window: the rotation's waits for its end.
      assertEquals(
          List.of(
              "CLIENT_INFO_ERROR/notice_client_created/bob@example.com",
              "CLIENT_INFO_ERROR/notice_secret_rotated/bob@example.com"),
          awaitNoticeEvents(broken, clientId, 2));
      String log = serverLog();
      assertFalse(log.contains(created.json().get("client_secret").asText()));
      assertFalse(log.contains(rotated.json().get("client_secret").asText()));
    }
  }

  /**
   * A secret that ends within the realm's notice days (7 by default) gets one reminder, however
   * often the task runs; a new secret gets its own. Secrets that end later, or never, get none; nor
   * does a realm that turned the notice off.
   */
  @Test
  void aSecretThatExpiresSoonGetsOneReminderAndANewSecretItsOwn() {
    Consumer<ObjectNode> noNotice = withMail(representation -> {});
    try (TestRealm off =
        TestRealm.create(
            Policy.enabled().with(PolicySetting.EXPIRY_NOTICE_DAYS, "0").attributes(),
            noNotice,
            "offuser")) {
      String unnoticed =
          createExpiring(off.api("offuser"), "Off", THREE_DAYS).get("client_id").asText();
      ClientsApi reminded = realm.api("reminded");
      JsonNode soon = createExpiring(reminded, "Soon", THREE_DAYS);
      String clientId = soon.get("client_id").asText();
      // Owners of their own, so that a wrong reminder would be a mail of its own, not in a digest.
      String later =
          createExpiring(realm.api("later"), "Later", 30 * 86_400L).get("client_id").asText();
      String never = realm.api("never").createNamed("Never").get("client_id").asText();

      // No pause of its own: the count after the window below covers it.
      Mail reminder = arrived("reminded", about(clientId).and(subject("expires soon")), 1).get(0);
      assertEquals("The secret of one of your API clients expires soon", reminder.subject());
      String expiresAt =
          EXPIRY.format(Instant.ofEpochSecond(soon.get("client_secret_expires_at").asLong()));
      assertTrue(reminder.text().contains(expiresAt), reminder::text);
      assertFalse(reminder.contains(soon.get("client_secret").asText()));

      // Past the window of the reminder (which began before it came), so that the rotation's mail
      // goes out at once and the new secret's reminder comes as a mail of its own after the next
      // window. The task claimed the reminder at least an interval before it came and runs again
      // in this pause; a second reminder it queued would go out when the window is over, before
      // this count
      // or with the rotation's mail at the latest, and the events at the end list it.
      Pause.sleep(WINDOW.plusSeconds(1));
      assertEquals(1, expiryMails("reminded", clientId).size(), "the task ran again: still one");

      HttpResult rotated =
          reminded.raw(
              "POST",
              "/" + clientId + "/secret",
              ClientsApi.JSON,
              Map.of("secret_expires_in", THREE_DAYS));
      assertEquals(200, rotated.status(), rotated::toString);
      List<Mail> reminders = settled("reminded", about(clientId).and(subject("expires soon")), 2);
      assertEquals(2, reminders.size(), "the new secret gets a reminder of its own");
      String newExpiry =
          EXPIRY.format(
              Instant.ofEpochSecond(rotated.json().get("client_secret_expires_at").asLong()));
      assertTrue(reminders.get(1).text().contains(newExpiry), reminders.get(1)::text);
      assertFalse(reminders.get(1).contains(rotated.json().get("client_secret").asText()));

      assertEquals(List.of(), expiryMails("later", later), "30 days away: too early");
      assertEquals(List.of(), expiryMails("never", never), "a secret without end");
      assertEquals(List.of(), expiryMails("offuser", unnoticed), "expiry-notice-days 0");
      assertEquals(
          List.of(
              "CLIENT_INFO/notice_client_created/reminded@example.com",
              "CLIENT_INFO/notice_secret_expiring/reminded@example.com",
              "CLIENT_INFO/notice_secret_rotated/reminded@example.com",
              "CLIENT_INFO/notice_secret_expiring/reminded@example.com"),
          noticeEvents(clientId));
    }
  }

  /**
   * A user who creates clients in a loop gets one mail at once and one digest when the window is
   * over, whatever the number: the realm's mail server writes twice, not ten times.
   */
  @Test
  @LineIndependent
  void tenCreatesInARowAreOneMailAndOneDigest() {
    ClientsApi burst = realm.api("burst");
    List<JsonNode> created = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      created.add(burst.createNamed("Burst " + i));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(WINDOW) < 0, "the creates must fit into one window, took " + took);
    List<Mail> atOnce = Mailbox.to(MAIL, "burst@example.com");
    assertEquals(1, atOnce.size(), () -> "only the first create mails at once: " + atOnce);
    assertTrue(atOnce.get(0).text().contains(created.get(0).get("client_id").asText()));

    // No pause after it: the marker below shows that nothing more came, nor waited.
    List<Mail> mails = arrived("burst", mail -> true, 2);
    Mail digest = mails.get(1);
    assertEquals("News about your API clients", digest.subject(), "no owner's text in a subject");
    assertFalse(digest.text().contains(created.get(0).get("client_id").asText()), "sent already");
    for (JsonNode client : created.subList(1, 10)) {
      String clientId = client.get("client_id").asText();
      assertTrue(digest.text().contains("Client ID: " + clientId), digest::text);
      assertTrue(digest.html().contains(clientId), digest::html);
    }
    assertEquals(9, count(digest.text(), "New API client in your account"), digest::text);
    assertTrue(digest.text().contains("Name: Burst 9"), digest::text);
    for (JsonNode client : created) {
      assertFalse(digest.contains(client.get("client_secret").asText()), "a secret reached a mail");
      assertEquals(
          List.of("CLIENT_INFO/notice_client_created/burst@example.com"),
          noticeEvents(client.get("client_id").asText()),
          "one event per notice, in a digest too");
    }

    // A digest sent again would go out ahead of the marker (within the window), or with it (from
    // the outbox once the window is over), where a pause only shows that nothing came yet.
    markerMail(burst, "burst");
    assertEquals(3, Mailbox.to(MAIL, "burst@example.com").size(), "nothing is sent twice");
  }

  /** A create that fails leaves nothing in the outbox: the digest names only what happened. */
  @Test
  @LineIndependent
  void aChangeThatIsRolledBackAddsNothingToTheDigest() {
    Consumer<ObjectNode> smtp = withMail(representation -> {});
    try (TestRealm refusing = TestRealm.create(Policy.enabled().attributes(), smtp, "ron")) {
      ClientsApi ron = refusing.api("ron");
      String first = ron.createNamed("Sent at once").get("client_id").asText();
      String second = ron.createNamed("Waiting one").get("client_id").asText();
      String third = ron.createNamed("Waiting two").get("client_id").asText();
      refuseEveryClientBySecret(refusing);
      HttpResult refused = ron.create(Map.of("client_name", "Refused by policy"));
      assertEquals(400, refused.status(), refused::toString);

      List<Mail> mails = Mailbox.await(MAIL, "ron@example.com", mail -> true, 2, WAIT);
      assertEquals(2, mails.size(), () -> "mails to ron: " + mails);
      assertTrue(mails.get(0).text().contains(first), mails.get(0)::text);
      Mail digest = mails.get(1);
      assertEquals("News about your API clients", digest.subject());
      assertTrue(digest.text().contains(second) && digest.text().contains(third), digest::text);
      assertEquals(2, count(digest.text(), "Client ID: "), digest::text);
      // Instead of a pause: the next notice goes out when the digest's window is over and takes
      // along whatever still waits for ron; alone, it shows that nothing more was left to send.
      allowEveryClient(refusing);
      markerMail(ron, "ron");
      List<Mail> all = Mailbox.to(MAIL, "ron@example.com");
      assertEquals(3, all.size(), () -> "mails to ron: " + all);
      assertTrue(all.stream().noneMatch(mail -> mail.contains("Refused by policy")));
    }
  }

  /**
   * A waiting notice is sent to the address the owner has then, and only if it is still verified;
   * one dropped so is not sent later either.
   */
  @Test
  @LineIndependent
  void aWaitingNoticeIsDroppedWhenTheOwnersAddressIsNoLongerVerified() {
    ClientsApi fading = realm.api("fading");
    String first = fading.createNamed("Told at once").get("client_id").asText();
    String second = fading.createNamed("Never told").get("client_id").asText();
    setEmailVerified("fading", false);
    // No pause of its own: the count at the end covers it.
    Mail told = arrived("fading", about(first), 1).get(0);
    assertFalse(told.text().contains(second));

    // The drain that finds the window over (every quarter window) drops the waiting notice.
    Pause.sleep(WINDOW.plus(INTERVAL.multipliedBy(2)));
    setEmailVerified("fading", true);
    // Instead of a second pause: the next notice takes along whatever still waits for the owner,
    // so a mail about the new client alone means nothing is left to send later.
    Mail marker = markerMail(fading, "fading");
    assertFalse(marker.text().contains(second), marker::text);
    List<Mail> all = Mailbox.to(MAIL, "fading@example.com");
    assertEquals(2, all.size(), () -> "mails to fading: " + all);
    assertEquals(List.of(), noticeEvents(second));
  }

  private static void setEmailVerified(String username, boolean verified) {
    String userId = realm.userId(username);
    ObjectNode user = user(realm, userId);
    user.put("emailVerified", verified);
    Admin.expect(204, realm.admin().call("PUT", "/" + realm.name() + "/users/" + userId, user));
  }

  private static long count(String text, String fragment) {
    return Pattern.compile(Pattern.quote(fragment)).matcher(text).results().count();
  }

  private static JsonNode createExpiring(ClientsApi api, String name, long seconds) {
    HttpResult created = api.create(Map.of("client_name", name, "secret_expires_in", seconds));
    assertEquals(201, created.status(), created::toString);
    return created.json();
  }

  private static List<Mail> expiryMails(String user, String clientId) {
    return Mailbox.to(MAIL, user + "@example.com").stream()
        .filter(about(clientId).and(subject("expires soon")))
        .toList();
  }

  /** The one mail to the user that {@code which} selects; fails on none or on more than one. */
  private static Mail onlyMail(String user, Predicate<Mail> which) {
    List<Mail> mails = settled(user, which, 1);
    assertEquals(1, mails.size(), () -> "mails to " + user + ": " + mails);
    return mails.get(0);
  }

  /**
   * The selected mails once {@code count} have come, after a little longer in which a duplicate
   * would have come too.
   */
  private static List<Mail> settled(String user, Predicate<Mail> which, int count) {
    arrived(user, which, count);
    Pause.sleep(Duration.ofSeconds(2));
    return Mailbox.to(MAIL, user + "@example.com").stream().filter(which).toList();
  }

  /**
   * The selected mails as soon as {@code count} have come, without waiting for a duplicate: for a
   * check that a later one covers.
   */
  private static List<Mail> arrived(String user, Predicate<Mail> which, int count) {
    String address = user + "@example.com";
    List<Mail> mails = Mailbox.await(MAIL, address, which, count, WAIT);
    assertEquals(count, mails.size(), () -> "mails to " + address + ": " + mails);
    return mails;
  }

  /**
   * Creates a client for the user and returns the mail about it, which must be about it alone. The
   * send of a notice, at once or when the owner's window is over, takes every notice that waits for
   * the owner: so this proves that nothing else waited, which no pause can, and it comes as soon as
   * the pipeline has run past the point.
   */
  private static Mail markerMail(ClientsApi api, String user) {
    String clientId = api.createNamed("Marker").get("client_id").asText();
    Mail marker = arrived(user, about(clientId), 1).get(0);
    assertEquals("New API client in your account", marker.subject(), marker::text);
    assertEquals(1, count(marker.text(), "Client ID: "), marker::text);
    return marker;
  }

  private static Predicate<Mail> about(String clientId) {
    return mail -> mail.text().contains(clientId);
  }

  private static Predicate<Mail> subject(String fragment) {
    return mail -> mail.subject().contains(fragment);
  }

  /** SMTP to this class's GreenMail, events saved, and whatever else the realm needs. */
  private static Consumer<ObjectNode> withMail(Consumer<ObjectNode> more) {
    return representation -> {
      Mailbox.sendTo(MAIL, representation);
      recordNoticeEvents(representation);
      more.accept(representation);
    };
  }

  /** Keycloak saves CLIENT_INFO events only where the realm lists them. */
  private static void recordNoticeEvents(ObjectNode representation) {
    representation.put("eventsEnabled", true);
    representation.putArray("enabledEventTypes").add("CLIENT_INFO").add("CLIENT_INFO_ERROR");
  }

  private static List<String> noticeEvents(String clientId) {
    return noticeEvents(realm, clientId);
  }

  /** The client's notice events once there are {@code count}, or all after {@link #WAIT}. */
  private static List<String> awaitNoticeEvents(TestRealm in, String clientId, int count) {
    Instant deadline = Instant.now().plus(WAIT);
    List<String> events = noticeEvents(in, clientId);
    while (events.size() < count && Instant.now().isBefore(deadline)) {
      Pause.sleep(Duration.ofMillis(500));
      events = noticeEvents(in, clientId);
    }
    return events;
  }

  /** type/operation/email of the client's notice events, oldest first. */
  private static List<String> noticeEvents(TestRealm in, String clientId) {
    JsonNode events =
        Admin.expect(
                200,
                in.admin()
                    .call(
                        "GET",
                        "/"
                            + in.name()
                            + "/events?client="
                            + clientId
                            + "&type=CLIENT_INFO&type=CLIENT_INFO_ERROR&max=100",
                        null))
            .json();
    List<String> seen = new ArrayList<>();
    for (JsonNode event : events) {
      seen.add(
          0,
          event.get("type").asText()
              + "/"
              + event.at("/details/oauth2_clients_operation").asText()
              + "/"
              + event.at("/details/email").asText());
    }
    return seen;
  }

  private static ObjectNode user(TestRealm in, String userId) {
    return (ObjectNode)
        Admin.expect(200, in.admin().call("GET", "/" + in.name() + "/users/" + userId, null))
            .json();
  }

  /**
   * A client policy that allows only JWT client authentication: every create fails after it ran.
   */
  private static void refuseEveryClientBySecret(TestRealm in) {
    ObjectNode profiles = Json.object();
    ObjectNode profile = profiles.putArray("profiles").addObject();
    profile.put("name", "jwt-only");
    ObjectNode executor = profile.putArray("executors").addObject();
    executor.put("executor", "secure-client-authenticator");
    executor.putObject("configuration").putArray("allowed-client-authenticators").add("client-jwt");
    Admin.expect(
        204, in.admin().call("PUT", "/" + in.name() + "/client-policies/profiles", profiles));
    ObjectNode policies = Json.object();
    ObjectNode policy = policies.putArray("policies").addObject();
    policy.put("name", "every client");
    policy.put("enabled", true);
    ArrayNode conditions = policy.putArray("conditions");
    conditions.addObject().put("condition", "any-client").putObject("configuration");
    policy.putArray("profiles").add("jwt-only");
    Admin.expect(
        204, in.admin().call("PUT", "/" + in.name() + "/client-policies/policies", policies));
  }

  /** Undoes {@link #refuseEveryClientBySecret}. */
  private static void allowEveryClient(TestRealm in) {
    ObjectNode policies = Json.object();
    policies.putArray("policies");
    Admin.expect(
        204, in.admin().call("PUT", "/" + in.name() + "/client-policies/policies", policies));
  }

  private static String serverLog() throws IOException {
    String log = System.getProperty("keycloak.log");
    assumeTrue(log != null && KeycloakServer.get().database() != null, "log of an external server");
    return Files.readString(Path.of(log), StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
