package dev.oauth2clients.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.Json;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * The documents that describe the API, for people and tools: the OpenAPI document of the REST API,
 * read once from the provider's JAR. They are documentation, so they answer without a token and
 * whether or not the realm has the API enabled.
 */
final class ApiDocuments {

  private static final String OPENAPI_RESOURCE = "/dev/oauth2clients/openapi.json";
  private static final ObjectNode OPENAPI = read(OPENAPI_RESOURCE);

  private ApiDocuments() {}

  /**
   * The OpenAPI document with {@code servers} naming this realm's API as Keycloak names the realm
   * for this request (its issuer), so that a tool pointed at the document calls the right URL. Only
   * {@code servers} differs between realms and hosts; it goes after {@code info}, where people look
   * for it.
   */
  static Response openApi(KeycloakSession session, RealmModel realm) {
    String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    ObjectNode document = Json.MAPPER.createObjectNode();
    OPENAPI
        .properties()
        .forEach(
            member -> {
              document.set(member.getKey(), member.getValue());
              if (member.getKey().equals("info")) {
                document
                    .putArray("servers")
                    .addObject()
                    .put("url", issuer + "/" + OAuth2ClientsResourceProviderFactory.ID);
              }
            });
    try {
      return Response.ok(
              Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document),
              Json.MEDIA_TYPE)
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static ObjectNode read(String resource) {
    try (InputStream in = ApiDocuments.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the provider JAR");
      }
      return (ObjectNode) Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
