package dev.oauth2clients.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.representation.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a scanner author reads, the README's "Secret format" and the gitleaks rule in docs/, and the
 * OpenAPI document's pattern, held to the secrets the provider makes: a scanner written from them
 * finds every real secret and, with the checksum, nothing else.
 */
class SecretFormatDocumentsTest {

  private static final String README = text(Path.of("..", "README.md"));
  private static final String RULE = text(Path.of("..", "docs", "gitleaks.toml"));

  /** The rule's regex, as gitleaks reads it (RE2; this one means the same in Java). */
  private static final Pattern RULE_REGEX = Pattern.compile(setting("regex = '''(.+)'''"));

  private static final double RULE_ENTROPY = Double.parseDouble(setting("entropy = ([0-9.]+)"));

  @Test
  void theReadmeShowsTheWorkedExampleAndTheRulesRegex() {
    assertTrue(README.contains("\n### Secret format\n"), "the README has its section");
    assertTrue(README.contains(SecretFormatTest.EXAMPLE), "the README's example is the test's");
    assertTrue(README.contains("3466553171"), "the example's CRC32 in decimal");
    assertTrue(README.contains("3mbIpv"), "and in base62");
    assertTrue(README.contains(RULE_REGEX.pattern()), "the README gives the rule's regex");
  }

  @Test
  void theRuleFindsEveryNewSecretWholeInTheTextAroundIt() {
    for (int i = 0; i < 200; i++) {
      String secret = ClientSecrets.newSecret(SecretFormat.DEFAULT_PREFIX);
      for (String text :
          new String[] {
            "CLIENT_SECRET=" + secret + "\n",
            "{\"client_secret\":\"" + secret + "\"}",
            "curl -d client_secret=" + secret + "&grant_type=client_credentials"
          }) {
        Matcher found = RULE_REGEX.matcher(text);
        assertTrue(found.find(), text);
        assertEquals(secret, found.group(), text);
        assertTrue(entropy(found.group()) >= RULE_ENTROPY, secret);
        assertTrue(SecretFormat.isWellFormed(found.group(), SecretFormat.DEFAULT_PREFIX), secret);
      }
    }
  }

  @Test
  void aLookAlikeWithAWrongChecksumIsFoundByTheRuleAndRefusedByTheChecksum() {
    String secret = ClientSecrets.newSecret(SecretFormat.DEFAULT_PREFIX);
    int last = secret.length() - 1;
    String wrong = secret.substring(0, last) + (secret.charAt(last) == 'A' ? 'B' : 'A');
    Matcher found = RULE_REGEX.matcher("token: " + wrong);
    assertTrue(found.find());
    assertFalse(SecretFormat.isWellFormed(found.group(), SecretFormat.DEFAULT_PREFIX), wrong);
  }

  @Test
  void theRuleLeavesOutTooShortRunsAndPlaceholders() {
    String secret = ClientSecrets.newSecret(SecretFormat.DEFAULT_PREFIX);
    assertFalse(RULE_REGEX.matcher(secret.substring(0, secret.length() - 1)).find());
    assertTrue(entropy("kcoa_" + "x".repeat(49)) < RULE_ENTROPY);
    assertTrue(entropy("kcoa_" + "0123456789".repeat(5)) < RULE_ENTROPY);
  }

  @Test
  void theOpenApiPatternAcceptsSecretsOfEveryAllowedPrefix() throws IOException {
    JsonNode document;
    try (InputStream in = getClass().getResourceAsStream("/dev/oauth2clients/openapi.json")) {
      document = Json.MAPPER.readTree(in);
    }
    Pattern pattern =
        Pattern.compile(
            document.at("/components/schemas/Client/properties/client_secret/pattern").asText());
    for (String prefix : new String[] {"kcoa_", "ab", "0123456789abcdef"}) {
      String secret = ClientSecrets.newSecret(prefix);
      assertTrue(pattern.matcher(secret).find(), secret);
    }
    assertFalse(pattern.matcher(SecretFormatTest.EXAMPLE.substring(0, 53)).find());
  }

  /** Shannon entropy in bits per character, as gitleaks computes it for its entropy setting. */
  private static double entropy(String text) {
    Map<Integer, Long> counts =
        text.chars()
            .boxed()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    double bits = 0;
    for (long count : counts.values()) {
      double p = (double) count / text.length();
      bits -= p * Math.log(p) / Math.log(2);
    }
    return bits;
  }

  private static String setting(String regex) {
    Matcher matcher = Pattern.compile("(?m)^" + regex + "$").matcher(RULE);
    assertTrue(matcher.find(), regex);
    return matcher.group(1);
  }

  private static String text(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
