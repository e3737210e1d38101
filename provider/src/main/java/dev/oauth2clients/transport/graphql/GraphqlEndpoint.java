package dev.oauth2clients.transport.graphql;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.Json;
import dev.oauth2clients.service.OwnClients;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.validation.QueryComplexityLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /oauth2-clients/graphql}: runs one GraphQL request of an authenticated caller against
 * the schema in {@code schema.graphql}, whose root fields are calls of {@link OwnClients}.
 */
public final class GraphqlEndpoint {

  /** The schema as the server serves it at {@code graphql/schema.graphql}. */
  public static final String SCHEMA = readSchema();

  /**
   * Introspection, the deepest document a GraphQL tool sends, is 15 levels deep as graphql-java
   * counts; the schema's own fields need 3. Fields are counted after fragments are expanded.
   */
  private static final QueryComplexityLimits LIMITS =
      QueryComplexityLimits.newLimits().maxDepth(15).maxFieldsCount(500).build();

  /** Root fields one query may name: enough for a client that batches a few reads. */
  static final int MAX_QUERY_ROOT_FIELDS = 10;

  private static final int MAX_FRAGMENT_NESTING = 15;

  private static final ParserOptions PARSING =
      ParserOptions.getDefaultOperationParserOptions()
          .transform(options -> options.maxTokens(5000));

  private static final GraphQL GRAPHQL =
      GraphQL.newGraphQL(executableSchema())
          .defaultDataFetcherExceptionHandler(GraphqlErrors.REFUSALS)
          .instrumentation(new RootFields())
          .build();

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /**
   * GraphQL answers every field asked for, null or not, so its answers are written without the REST
   * mapper's rule of leaving null members out.
   */
  private static final ObjectWriter ANSWER_WRITER =
      Json.MAPPER.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS).writer();

  /** A GraphQL response body as JSON, and whether anything in it was refused. */
  public record Answer(String json, boolean refused) {}

  private GraphqlEndpoint() {}

  /**
   * Runs the request in {@code body} (GraphQL over HTTP: {@code query}, {@code variables}, {@code
   * operationName}). A request that is no GraphQL request at all is refused as REST refuses a bad
   * body; everything from the document on is answered in GraphQL's own form.
   */
  public static Answer execute(ObjectNode body, OwnClients own) {
    ExecutionInput input =
        ExecutionInput.newExecutionInput()
            .query(member(body, "query", true))
            .operationName(member(body, "operationName", false))
            .variables(variables(body))
            .graphQLContext(
                Map.of(
                    OwnClients.class, own,
                    ParserOptions.class, PARSING,
                    QueryComplexityLimits.KEY, LIMITS))
            .build();
    ExecutionResult result = GRAPHQL.execute(input);
    Map<String, Object> answer = new LinkedHashMap<>(result.toSpecification());
    if (!result.getErrors().isEmpty()) {
      answer.put("errors", GraphqlErrors.shown(result.getErrors()));
    }
    return new Answer(write(answer), !result.getErrors().isEmpty());
  }

  private static String write(Map<String, Object> answer) {
    try {
      return ANSWER_WRITER.writeValueAsString(answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a GraphQL answer always serializes", e);
    }
  }

  private static String member(ObjectNode body, String name, boolean required) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw ApiError.INVALID_REQUEST.because("A GraphQL request needs a query.");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw ApiError.INVALID_REQUEST.because(name + " must be a string.");
    }
    return value.textValue();
  }

  private static Map<String, Object> variables(ObjectNode body) {
    JsonNode variables = body.get("variables");
    if (variables == null || variables.isNull()) {
      return Map.of();
    }
    if (!variables.isObject()) {
      throw ApiError.INVALID_REQUEST.because("variables must be a JSON object.");
    }
    return Json.MAPPER.convertValue(variables, MAP);
  }

  private static GraphQLSchema executableSchema() {
    RuntimeWiring wiring =
        RuntimeWiring.newRuntimeWiring()
            .scalar(Scalars.LONG)
            .scalar(Scalars.JSON)
            .type(
                "Query",
                type ->
                    type.dataFetcher("listOauth2Clients", ClientOperations.LIST)
                        .dataFetcher("grantableRoles", ClientOperations.GRANTABLE_ROLES))
            .type(
                "Mutation",
                type ->
                    type.dataFetcher("createOauth2Client", ClientOperations.CREATE)
                        .dataFetcher("updateOauth2Client", ClientOperations.UPDATE)
                        .dataFetcher("deleteOauth2Client", ClientOperations.DELETE)
                        .dataFetcher("rotateOauth2ClientSecret", ClientOperations.ROTATE_SECRET))
            .build();
    return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
  }

  private static String readSchema() {
    try (InputStream sdl = GraphqlEndpoint.class.getResourceAsStream("schema.graphql")) {
      return new String(sdl.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A mutation names exactly one root field. A request is one transaction, so with two a failure of
   * the second would undo the first after its answer had been written; refused before anything
   * runs, nothing changes. A query names at most {@link #MAX_QUERY_ROOT_FIELDS}, counted after
   * fragments are expanded: each root field is a database query (a list of up to 1 000 clients),
   * and 250 aliases of one would make one request cost 250.
   */
  private static final class RootFields extends SimplePerformantInstrumentation {
    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
        InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
      ExecutionContext execution = parameters.getExecutionContext();
      OperationDefinition operation = execution.getOperationDefinition();
      List<?> selections = operation.getSelectionSet().getSelections();
      if (operation.getOperation() == OperationDefinition.Operation.MUTATION
          && (selections.size() != 1 || !(selections.get(0) instanceof Field))) {
        throw new AbortExecutionException(
            "A mutation request names exactly one field; send one request per change.");
      }
      if (rootFields(operation.getSelectionSet(), execution.getFragmentsByName(), 0)
          > MAX_QUERY_ROOT_FIELDS) {
        throw new AbortExecutionException(
            "A query names at most "
                + MAX_QUERY_ROOT_FIELDS
                + " root fields, fragments and aliases included; send more requests.");
      }
      return super.beginExecuteOperation(parameters, state);
    }

    /** Fields of a selection set with its fragments expanded; validation has refused cycles. */
    private static int rootFields(
        SelectionSet set, Map<String, FragmentDefinition> fragments, int depth) {
      int fields = 0;
      for (Selection<?> selection : set.getSelections()) {
        if (selection instanceof Field) {
          fields++;
        } else if (selection instanceof InlineFragment inline) {
          fields += rootFields(inline.getSelectionSet(), fragments, depth + 1);
        } else if (selection instanceof FragmentSpread spread
            && fragments.containsKey(spread.getName())
            && depth < MAX_FRAGMENT_NESTING) {
          fields +=
              rootFields(fragments.get(spread.getName()).getSelectionSet(), fragments, depth + 1);
        }
        if (fields > MAX_QUERY_ROOT_FIELDS) {
          return fields;
        }
      }
      return fields;
    }
  }
}
