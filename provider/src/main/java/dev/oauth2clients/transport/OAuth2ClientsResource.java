package dev.oauth2clients.transport;

import dev.oauth2clients.admission.Admission;
import dev.oauth2clients.admission.Admission.Admitted;
import dev.oauth2clients.policy.WholeNumberRange;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.ApiException;
import dev.oauth2clients.representation.Json;
import dev.oauth2clients.representation.OAuth2ClientView;
import dev.oauth2clients.service.LeakReports;
import dev.oauth2clients.service.OwnClients;
import dev.oauth2clients.transport.graphql.GraphqlEndpoint;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.cors.Cors;

/**
 * {@code /realms/{realm}/oauth2-clients}: a signed-in user's own OAuth2 clients. Each method
 * validates, then calls the model, then maps to the contract's client object.
 */
// @Provider and a @Path on every method: without them RESTEasy Reactive answers 405 (KC 25882).
@Provider
public class OAuth2ClientsResource {

  private static final String SDL = "text/plain;charset=utf-8";
  private static final int DEFAULT_MAX = 100;
  private static final WholeNumberRange FIRST = new WholeNumberRange(0, Integer.MAX_VALUE);
  private static final WholeNumberRange MAX = new WholeNumberRange(1, 1000);
  private static final Routes ROUTES = Routes.of(OAuth2ClientsResource.class);

  private final KeycloakSession session;
  private final RealmModel realm;

  public OAuth2ClientsResource(KeycloakSession session) {
    this.session = session;
    this.realm = session.getContext().getRealm();
  }

  @POST
  @Path("")
  public Response create(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    return respond(
        own -> {
          OAuth2ClientView created =
              own.create(() -> RequestBodies.readObject(contentType, body, RequestBodies.JSON));
          URI location =
              session
                  .getContext()
                  .getUri()
                  .getAbsolutePathBuilder()
                  .path(created.clientId())
                  .build();
          return json(Response.created(location), created);
        });
  }

  @GET
  @Path("")
  public Response list(
      @QueryParam("client_id") List<String> clientIds,
      @QueryParam("first") List<String> first,
      @QueryParam("max") List<String> max) {
    return respond(
        own -> {
          int from = intParameter("first", first, 0, FIRST);
          int count = intParameter("max", max, DEFAULT_MAX, MAX);
          return json(Response.ok(), own.list(clientIds, from, count));
        });
  }

  /**
   * The roles the caller may choose for a client; its literal path wins over {@code {clientId}}.
   */
  @GET
  @Path("grantable-roles")
  public Response grantableRoles() {
    return respond(own -> json(Response.ok(), own.grantableRoles()));
  }

  @GET
  @Path("{clientId}")
  public Response read(@PathParam("clientId") String clientId) {
    return respond(own -> json(Response.ok(), own.read(clientId)));
  }

  @PUT
  @Path("{clientId}")
  public Response replace(
      @PathParam("clientId") String clientId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    return respond(
        own ->
            json(
                Response.ok(),
                own.replace(
                    clientId,
                    () -> RequestBodies.readObject(contentType, body, RequestBodies.JSON))));
  }

  @PATCH
  @Path("{clientId}")
  public Response patch(
      @PathParam("clientId") String clientId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    return respond(
        own ->
            json(
                Response.ok(),
                own.patch(
                    clientId,
                    () -> RequestBodies.readObject(contentType, body, RequestBodies.MERGE_PATCH))));
  }

  @DELETE
  @Path("{clientId}")
  public Response delete(@PathParam("clientId") String clientId) {
    return respond(
        own -> {
          own.delete(clientId);
          return Response.noContent().build();
        });
  }

  @POST
  @Path("{clientId}/secret")
  public Response rotateSecret(
      @PathParam("clientId") String clientId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    return respond(
        own ->
            json(
                Response.ok(),
                own.rotateSecret(
                    clientId,
                    () ->
                        RequestBodies.readOptionalObject(contentType, body, RequestBodies.JSON))));
  }

  /** Ends a rotation's overlap: the replaced secret fails from now on. Idempotent. */
  @DELETE
  @Path("{clientId}/secret/previous")
  public Response endSecretOverlap(@PathParam("clientId") String clientId) {
    return respond(
        own -> {
          own.endSecretOverlap(clientId);
          return Response.noContent().build();
        });
  }

  /**
   * GraphQL over HTTP: the same operations for the same callers. A GraphQL answer with an error is
   * still {@code 200}, so the rollback that REST's refusals get is made here.
   */
  @POST
  @Path("graphql")
  public Response graphql(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    return respond(
        own -> {
          GraphqlEndpoint.Answer answer =
              GraphqlEndpoint.execute(
                  RequestBodies.readObject(contentType, body, RequestBodies.JSON), own);
          if (answer.refused()) {
            session.getTransactionManager().setRollbackOnly();
          }
          return Response.ok(answer.json(), Json.MEDIA_TYPE).build();
        });
  }

  /**
   * The GraphQL schema for tools and code generators; public, as the API's shape is no secret. The
   * path is a template because the JAR's relocation of graphql-java rewrites every string that
   * starts with {@code graphql/}, which a literal path would.
   */
  @GET
  @Path("{graphql:graphql}/schema.graphql")
  @Produces(SDL)
  public String graphqlSchema() {
    return GraphqlEndpoint.SCHEMA;
  }

  /**
   * A report of secrets found outside their owners' hands (Leak response): no token, as whoever
   * found a secret may report it. The answer is the same whatever the report held.
   */
  @POST
  @Path("revocations")
  public Response reportFoundSecrets(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    try {
      requireJsonAccepted();
      LeakReports.report(
          session, realm, RequestBodies.readObject(contentType, body, RequestBodies.JSON));
      return uncached(Response.accepted().type(Json.MEDIA_TYPE).entity("{}").build());
    } catch (ApiException refusal) {
      return uncached(ErrorResponses.toResponse(refusal, realm.getName()));
    }
  }

  /**
   * The OpenAPI document of this API: no token, no feature switch, as it is documentation. Its
   * literal path wins over {@code GET {clientId}}.
   */
  @GET
  @Path("openapi.json")
  public Response openApiDocument() {
    return ApiDocuments.openApi(session, realm);
  }

  @OPTIONS
  @Path("")
  public Response preflightCollection() {
    return preflight();
  }

  @OPTIONS
  @Path("{any:.*}")
  public Response preflight() {
    return Cors.builder().auth().allowedMethods(Admission.methods()).preflight().add(Response.ok());
  }

  // What no method above takes gets the contract's body, not Keycloak's: 404 where the API has no
  // such path, 405 where the path answers other methods. RESTEasy routes by method first, so each
  // method has fallbacks exactly for the paths its real routes leave open (a template that also
  // matched a real route's paths would win over it).

  @GET
  @Path("{clientId}/{rest:.+}")
  @Routes.Fallback
  public Response unmatchedGet(
      @PathParam("clientId") String clientId, @PathParam("rest") String rest) {
    return unmatched(clientId + "/" + rest);
  }

  @POST
  @Path("{clientId}")
  @Routes.Fallback
  public Response unmatchedPost(@PathParam("clientId") String clientId) {
    return unmatched(clientId);
  }

  @POST
  @Path("{clientId}/{rest:.+}")
  @Routes.Fallback
  public Response unmatchedPost(
      @PathParam("clientId") String clientId, @PathParam("rest") String rest) {
    return unmatched(clientId + "/" + rest);
  }

  @PUT
  @Path("")
  @Routes.Fallback
  public Response unmatchedPut() {
    return unmatched("");
  }

  @PUT
  @Path("{clientId}/{rest:.+}")
  @Routes.Fallback
  public Response unmatchedPut(
      @PathParam("clientId") String clientId, @PathParam("rest") String rest) {
    return unmatched(clientId + "/" + rest);
  }

  @PATCH
  @Path("")
  @Routes.Fallback
  public Response unmatchedPatch() {
    return unmatched("");
  }

  @PATCH
  @Path("{clientId}/{rest:.+}")
  @Routes.Fallback
  public Response unmatchedPatch(
      @PathParam("clientId") String clientId, @PathParam("rest") String rest) {
    return unmatched(clientId + "/" + rest);
  }

  @DELETE
  @Path("")
  @Routes.Fallback
  public Response unmatchedDelete() {
    return unmatched("");
  }

  @DELETE
  @Path("{clientId}/{rest:.+}")
  @Routes.Fallback
  public Response unmatchedDelete(
      @PathParam("clientId") String clientId, @PathParam("rest") String rest) {
    return unmatched(clientId + "/" + rest);
  }

  private Response unmatched(String path) {
    Set<String> allowed = ROUTES.allowedMethods(path);
    if (allowed.isEmpty()) {
      return ErrorResponses.toResponse(
          ApiError.NOT_FOUND.because("The oauth2-clients API has nothing at this path."),
          realm.getName());
    }
    String method = session.getContext().getHttpRequest().getHttpMethod();
    ApiException refusal =
        ApiError.METHOD_NOT_ALLOWED.because(
            method + " is not allowed here; this path answers " + String.join(", ", allowed) + ".");
    return Response.fromResponse(ErrorResponses.toResponse(refusal, realm.getName()))
        .allow(allowed)
        .build();
  }

  /**
   * Runs one API call: the Accept header, the admission (realm policy, caller, CORS, role), then
   * the action. A refusal rolls back whatever the action had changed and becomes the contract's
   * error body. No answer may be cached.
   */
  private Response respond(Function<OwnClients, Response> action) {
    try {
      requireJsonAccepted();
      Admitted admitted = Admission.admit(session, realm);
      return uncached(
          action.apply(
              new OwnClients(
                  session, realm, admitted.user(), admitted.token(), admitted.policy())));
    } catch (ApiException refusal) {
      session.getTransactionManager().setRollbackOnly();
      return uncached(ErrorResponses.toResponse(refusal, realm.getName()));
    }
  }

  /**
   * Every answer of a call is one user's own data, and create, rotate and their GraphQL mutations
   * carry a secret: no browser, proxy or CDN may keep a copy.
   */
  private static Response uncached(Response answer) {
    return Response.fromResponse(answer).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }

  private void requireJsonAccepted() {
    if (!AcceptHeader.acceptsJson(
        session.getContext().getRequestHeaders().getRequestHeader(HttpHeaders.ACCEPT))) {
      throw ApiError.NOT_ACCEPTABLE.because(
          "This API answers in application/json only; accept it (or */*).");
    }
  }

  /** A query parameter given at most once, as a whole number in {@code range}. */
  private static int intParameter(
      String name, List<String> values, int fallback, WholeNumberRange range) {
    if (values == null || values.isEmpty()) {
      return fallback;
    }
    OptionalInt value = values.size() == 1 ? range.parse(values.get(0)) : OptionalInt.empty();
    return value.orElseThrow(
        () -> ApiError.INVALID_REQUEST.because(name + " must be one " + range.describe() + "."));
  }

  private static Response json(Response.ResponseBuilder response, Object body) {
    return response.type(Json.MEDIA_TYPE).entity(Json.write(body)).build();
  }
}
