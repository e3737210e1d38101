package dev.oauth2clients.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.oauth2clients.testsupport.Pause;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * An SMTP server in the test JVM (GreenMail) on a free loopback port, which test realms name as
 * their SMTP server, and the mails it received, decoded for reading.
 */
final class Mailbox {

  static final String FROM = "keycloak@example.com";

  private Mailbox() {}

  /** One server for the whole test class. */
  static GreenMailExtension server() {
    return new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
        .withPerMethodLifecycle(false);
  }

  /** Puts the realm's SMTP settings, pointing at {@code server}, into a realm representation. */
  static void sendTo(GreenMailExtension server, ObjectNode realmRepresentation) {
    sendTo(server.getSmtp().getPort(), realmRepresentation);
  }

  static void sendTo(int port, ObjectNode realmRepresentation) {
    realmRepresentation
        .putObject("smtpServer")
        .put("host", "127.0.0.1")
        .put("port", Integer.toString(port))
        .put("from", FROM);
  }

  /** A received mail: its subject, decoded text and HTML parts, and the raw message as sent. */
  record Mail(String to, String subject, String text, String html, String raw) {

    /** Whether {@code value} appears anywhere in it, decoded or not. */
    boolean contains(String value) {
      return subject.contains(value)
          || text.contains(value)
          || html.contains(value)
          || raw.contains(value);
    }
  }

  /** Every mail the server received, in the order it came. */
  static List<Mail> all(GreenMailExtension server) {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      mails.add(read(message));
    }
    return mails;
  }

  static List<Mail> to(GreenMailExtension server, String address) {
    return all(server).stream().filter(mail -> mail.to().equalsIgnoreCase(address)).toList();
  }

  /**
   * The mails to {@code address} that {@code which} selects, once there are at least {@code count}
   * of them or {@code timeout} has passed.
   */
  static List<Mail> await(
      GreenMailExtension server,
      String address,
      Predicate<Mail> which,
      int count,
      Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      List<Mail> mails = to(server, address).stream().filter(which).toList();
      if (mails.size() >= count || Instant.now().isAfter(deadline)) {
        return mails;
      }
      Pause.sleep(Duration.ofMillis(200));
    }
  }

  private static Mail read(MimeMessage message) {
    try {
      StringBuilder text = new StringBuilder();
      StringBuilder html = new StringBuilder();
      collect(message, text, html);
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      message.writeTo(raw);
      Address[] recipients = message.getAllRecipients();
      return new Mail(
          recipients == null
              ? ""
              : String.join(",", Arrays.stream(recipients).map(Address::toString).toList()),
          message.getSubject(),
          text.toString(),
          html.toString(),
          raw.toString(StandardCharsets.UTF_8));
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("cannot read a received mail", e);
    }
  }

  private static void collect(Part part, StringBuilder text, StringBuilder html)
      throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      text.append(part.getContent());
    } else if (part.isMimeType("text/html")) {
      html.append(part.getContent());
    } else if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, text, html);
      }
    }
  }
}
