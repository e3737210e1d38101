package dev.oauth2clients.transport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.ApiException;
import dev.oauth2clients.representation.InventoryEntry;
import dev.oauth2clients.representation.Json;
import dev.oauth2clients.representation.RevokedSecrets;
import dev.oauth2clients.service.AdminInventory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/oauth2-clients}: the realm admin's inventory of the self-service
 * clients, inside Keycloak's admin API, so that Keycloak has authenticated the admin and {@link
 * AdminPermissionEvaluator} answers for their roles. Viewing takes what {@code
 * auth.clients().requireView()} checks (view-clients or manage-clients of the realm, or the master
 * realm's admin), revoking what {@code requireManage()} checks; with fine-grained admin permissions
 * each client is also checked on its own ({@code canView}, {@code canManage}). A refusal is the
 * contract's error body rather than Keycloak's.
 */
// @Provider and a @Path on every method: without them RESTEasy Reactive answers 405 (KC 25882).
@Provider
public class AdminInventoryResource {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;

  /**
   * For Quarkus only, which makes a bean of every {@code @Provider} class at build time and needs a
   * constructor it can call; Keycloak serves the instance that the factory makes with the other.
   */
  protected AdminInventoryResource() {
    this(null, null, null, null);
  }

  public AdminInventoryResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent;
  }

  /**
   * The realm's self-service clients, oldest first, filtered. When the database's page was full, a
   * {@code Link: <…first=first+max…>; rel="next"} header points to the next page (see README: with
   * fine-grained permissions a page may hold fewer entries than {@code max}).
   */
  @GET
  @Path("")
  public Response list() {
    return respond(
        () -> {
          requireView();
          AdminInventory.Page page =
              inventory()
                  .list(
                      session.getContext().getUri().getQueryParameters(), auth.clients()::canView);
          Response.ResponseBuilder answer = json(Response.ok(), page.entries());
          if (page.full()) {
            answer.link(
                session
                    .getContext()
                    .getUri()
                    .getRequestUriBuilder()
                    .replaceQueryParam("first", (long) page.first() + page.max())
                    .build(),
                "next");
          }
          return answer.build();
        });
  }

  /** Every secret of the named self-service clients stops working; one admin event names them. */
  @POST
  @Path("revoke-secrets")
  public Response revokeSecrets(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    return respond(
        () -> {
          if (!auth.clients().canManage()) {
            throw ApiError.ACCESS_DENIED.because(
                "Revoking secrets takes the realm's manage-clients role.");
          }
          RevokedSecrets revoked =
              inventory().revokeSecrets(jsonObject(contentType, body), auth.clients()::canManage);
          event(revoked);
          return json(Response.ok(), revoked).build();
        });
  }

  /**
   * Whether a found string is a secret of the realm's self-service clients. Recorded as an admin
   * event naming the client found, never the string; a miss is recorded too.
   */
  @POST
  @Path("lookup")
  public Response lookup(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    return respond(
        () -> {
          requireView();
          Optional<InventoryEntry> found =
              inventory().lookup(jsonObject(contentType, body), auth.clients()::canView);
          Map<String, Object> recorded = new LinkedHashMap<>();
          recorded.put("found", found.isPresent());
          found.ifPresent(
              entry -> {
                recorded.put("client_id", entry.client().clientId());
                recorded.put("matched", entry.matched());
              });
          event(recorded);
          return found
              .map(entry -> json(Response.ok(), entry).build())
              .orElseGet(
                  () ->
                      ErrorResponses.toResponse(
                          ApiError.NOT_FOUND.because(
                              "The string is no secret of this realm's self-service clients."),
                          realm.getName()));
        });
  }

  private static ObjectNode jsonObject(String contentType, InputStream body) {
    return RequestBodies.readObject(contentType, body, RequestBodies.JSON);
  }

  private AdminInventory inventory() {
    return new AdminInventory(session, realm);
  }

  private void requireView() {
    if (!auth.clients().canView()) {
      throw ApiError.ACCESS_DENIED.because(
          "The inventory takes the realm's view-clients or manage-clients role.");
    }
  }

  /** An admin event of the action at this path; {@code representation} must hold no secret. */
  private void event(Object representation) {
    adminEvent
        .operation(OperationType.ACTION)
        .resource(ResourceType.CLIENT)
        .resourcePath(session.getContext().getUri())
        .representation(representation)
        .success();
  }

  /**
   * Runs one call: a refusal rolls back whatever it had changed and becomes the contract's error
   * body. The inventory is the realm's client list: no answer may be cached.
   */
  private Response respond(Supplier<Response> action) {
    Response answer;
    try {
      answer = action.get();
    } catch (ApiException refusal) {
      session.getTransactionManager().setRollbackOnly();
      answer = ErrorResponses.toResponse(refusal, realm.getName());
    }
    return Response.fromResponse(answer).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }

  private static Response.ResponseBuilder json(Response.ResponseBuilder response, Object body) {
    return response.type(Json.MEDIA_TYPE).entity(Json.write(body));
  }
}
