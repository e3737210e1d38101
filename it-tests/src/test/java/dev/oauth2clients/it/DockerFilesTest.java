package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What can be checked of docker/ without a Docker engine (these machines have none): the image is
 * the Keycloak that the build pins and tests, and everything the Dockerfile and compose.yaml take
 * from the repository exists once the provider is built. A unit test, so it runs in the reactor
 * after the provider module has been packaged.
 */
class DockerFilesTest {

  private static final Path ROOT = Path.of(System.getProperty("repository.root")).normalize();
  private static final Path DOCKER = ROOT.resolve("docker");
  private static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:";

  private final List<Instruction> dockerfile = Instruction.parse(DOCKER.resolve("Dockerfile"));

  @Test
  void everyKeycloakImageIsTheVersionThePomPins() {
    List<String> tags =
        dockerfile.stream()
            .filter(i -> i.is("FROM") && i.args().get(0).startsWith(KEYCLOAK_IMAGE))
            .map(i -> i.args().get(0).substring(KEYCLOAK_IMAGE.length()))
            .toList();
    assertFalse(tags.isEmpty(), "the Dockerfile builds on " + KEYCLOAK_IMAGE);
    String pinned = System.getProperty("keycloak.version");
    tags.forEach(tag -> assertEquals(pinned, tag, "Dockerfile tag vs keycloak.version in pom.xml"));
  }

  @Test
  void everythingCopiedFromTheBuildContextExists() {
    for (Instruction copy : dockerfile) {
      if ((copy.is("COPY") || copy.is("ADD")) && copy.option("--from") == null) {
        copy.sources().forEach(source -> assertExists(ROOT.resolve(source)));
      }
    }
  }

  /**
   * The provider stage copies the whole context into its WORKDIR and runs the same Maven build as
   * this reactor, so the JAR it produces is the one this build has just made in the same place.
   */
  @Test
  void theInstalledJarIsTheOneTheProviderModuleBuilds() throws Exception {
    Instruction install =
        dockerfile.stream()
            .filter(i -> i.is("COPY") && i.destination().startsWith("/opt/keycloak/providers"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no COPY into /opt/keycloak/providers/"));
    List<Instruction> provider = stage(install.option("--from"));
    assertTrue(
        provider.contains(new Instruction("COPY", List.of(".", "."))),
        "the provider stage copies the build context into its WORKDIR");
    String workdir =
        provider.stream()
            .filter(i -> i.is("WORKDIR"))
            .map(i -> i.args().get(0))
            .reduce((first, last) -> last)
            .orElseThrow(() -> new AssertionError("the provider stage sets a WORKDIR"));
    String jar = install.sources().get(0);
    assertTrue(jar.startsWith(workdir + "/"), jar + " lies in the provider stage's " + workdir);

    String finalName = providerFinalName();
    assertEquals(
        "provider/target/" + finalName + ".jar",
        jar.substring(workdir.length() + 1),
        "the JAR named by the provider's finalName");
    Path built = ROOT.resolve("provider/target/" + finalName + ".jar");
    assertTrue(Files.isRegularFile(built), built + " is built by the reactor before this test");
  }

  @Test
  void composeBuildsTheDockerfileAndMountsFilesThatExist() throws IOException {
    JsonNode services =
        new ObjectMapper(new YAMLFactory())
            .readTree(DOCKER.resolve("compose.yaml").toFile())
            .get("services");
    JsonNode build = services.get("keycloak").get("build");
    Path context = DOCKER.resolve(build.get("context").asText()).normalize();
    assertEquals(ROOT, context, "the build context is the repository root");
    assertEquals(DOCKER.resolve("Dockerfile"), context.resolve(build.get("dockerfile").asText()));

    services.forEach(
        service -> {
          for (JsonNode volume : service.path("volumes")) {
            String source = volume.asText().split(":")[0];
            if (source.startsWith(".") || source.startsWith("/")) {
              assertExists(DOCKER.resolve(source));
            }
          }
          if (!service.has("build")) {
            String image = service.get("image").asText();
            assertTrue(
                image.contains(":") && !image.endsWith(":latest"), image + " has a pinned tag");
          }
        });
  }

  /** The instructions of the stage {@code FROM image AS name}, up to the next FROM. */
  private List<Instruction> stage(String name) {
    List<Instruction> stage = new ArrayList<>();
    boolean inside = false;
    for (Instruction instruction : dockerfile) {
      if (instruction.is("FROM")) {
        List<String> args = instruction.args();
        inside = args.size() == 3 && args.get(1).equalsIgnoreCase("AS") && args.get(2).equals(name);
      } else if (inside) {
        stage.add(instruction);
      }
    }
    assertFalse(stage.isEmpty(), "the Dockerfile has a stage named " + name);
    return stage;
  }

  private static String providerFinalName() throws Exception {
    Element pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(ROOT.resolve("provider/pom.xml").toFile())
            .getDocumentElement();
    var finalName = pom.getElementsByTagName("finalName");
    assertEquals(1, finalName.getLength(), "provider/pom.xml sets build/finalName");
    return finalName.item(0).getTextContent().trim();
  }

  private static void assertExists(Path path) {
    assertTrue(Files.exists(path), path.normalize() + " exists");
  }

  /** One Dockerfile instruction in shell form; its options ({@code --from=x}) are kept apart. */
  private record Instruction(String keyword, List<String> args) {

    static List<Instruction> parse(Path file) {
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      List<Instruction> instructions = new ArrayList<>();
      for (String line : text.replace("\\\n", " ").split("\n")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          List<String> words = Arrays.asList(trimmed.split("\\s+"));
          instructions.add(
              new Instruction(words.get(0).toUpperCase(), words.subList(1, words.size())));
        }
      }
      return instructions;
    }

    boolean is(String name) {
      return keyword.equals(name);
    }

    String option(String name) {
      return args.stream()
          .filter(a -> a.startsWith(name + "="))
          .map(a -> a.substring(name.length() + 1))
          .findFirst()
          .orElse(null);
    }

    private List<String> paths() {
      return args.stream().filter(a -> !a.startsWith("--")).toList();
    }

    List<String> sources() {
      return paths().subList(0, paths().size() - 1);
    }

    String destination() {
      return paths().get(paths().size() - 1);
    }
  }
}
