package dev.oauth2clients.transport.graphql;

import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.ApiException;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.InputMapDefinesTooManyFieldsException;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Every GraphQL error carries the contract's error code in {@code extensions.code}: a refused
 * operation the code and sentence REST answers with, a wrong value type or unknown input field
 * {@code invalid_client_metadata} (REST's answer to wrong JSON types), and any other document the
 * server cannot run {@code invalid_request}.
 */
final class GraphqlErrors {

  static final String CODE = "code";
  static final String SERVER_ERROR = "server_error";

  private static final Logger LOG = Logger.getLogger(GraphqlErrors.class);

  private GraphqlErrors() {}

  /** Turns a refusal in a root field into its error; anything else is logged, never shown. */
  static final DataFetcherExceptionHandler REFUSALS =
      (DataFetcherExceptionHandlerParameters parameters) -> {
        Throwable thrown = parameters.getException();
        GraphqlErrorBuilder<?> error =
            GraphqlErrorBuilder.newError()
                .path(parameters.getPath())
                .location(parameters.getSourceLocation())
                .errorType(ErrorType.DataFetchingException);
        if (thrown instanceof ApiException refusal) {
          error.message(refusal.description()).extensions(Map.of(CODE, refusal.error().code()));
        } else {
          LOG.errorf(
              "GraphQL field %s failed: %s", parameters.getPath(), thrown.getClass().getName());
          LOG.debug("GraphQL field failure", thrown);
          error
              .message("The server could not complete this operation.")
              .extensions(Map.of(CODE, SERVER_ERROR));
        }
        return CompletableFuture.completedFuture(
            DataFetcherExceptionHandlerResult.newResult(error.build()).build());
      };

  /** The errors of a result as the response shows them, each with its code. */
  static List<Map<String, Object>> shown(List<GraphQLError> errors) {
    return errors.stream().map(GraphqlErrors::shown).toList();
  }

  private static Map<String, Object> shown(GraphQLError error) {
    Map<String, Object> shown = new LinkedHashMap<>(error.toSpecification());
    @SuppressWarnings("unchecked")
    Map<String, Object> given = (Map<String, Object>) shown.get("extensions");
    Map<String, Object> extensions =
        given == null ? new LinkedHashMap<>() : new LinkedHashMap<>(given);
    // graphql-java's classification names its own Java types ("DataFetchingException"); the
    // code is what clients read.
    extensions.remove("classification");
    extensions.putIfAbsent(CODE, code(error));
    shown.put("extensions", extensions);
    return shown;
  }

  private static String code(GraphQLError error) {
    boolean wrongValue =
        error instanceof CoercingParseValueException
            || error instanceof NonNullableValueCoercedAsNullException
            || error instanceof InputMapDefinesTooManyFieldsException
            || (error instanceof ValidationError invalid
                && invalid.getValidationErrorType() == ValidationErrorType.WrongType);
    if (wrongValue) {
      return ApiError.INVALID_CLIENT_METADATA.code();
    }
    if (error.getErrorType() == ErrorType.NullValueInNonNullableField) {
      return SERVER_ERROR;
    }
    return ApiError.INVALID_REQUEST.code();
  }
}
