package dev.oauth2clients.transport.graphql;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.Json;
import dev.oauth2clients.representation.OAuth2ClientView;
import dev.oauth2clients.service.OwnClients;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;

/**
 * The schema's root fields, each one call of {@link OwnClients} with the REST body it stands for,
 * so that GraphQL and REST share every rule. The answers are the REST client objects as maps, whose
 * members the {@code Oauth2Client} fields read by name.
 */
final class ClientOperations {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private ClientOperations() {}

  static final DataFetcher<List<Map<String, Object>>> LIST =
      env -> {
        List<String> ids = env.getArgument("ids");
        // No ids: all of the caller's clients. An empty list selects none, whereas REST reads
        // an empty filter as no filter.
        if (ids != null && ids.isEmpty()) {
          return List.of();
        }
        return own(env).list(ids == null ? List.of() : ids, 0, Integer.MAX_VALUE).stream()
            .map(ClientOperations::shown)
            .toList();
      };

  static final DataFetcher<Map<String, Object>> GRANTABLE_ROLES =
      env -> Json.MAPPER.convertValue(own(env).grantableRoles(), MAP);

  static final DataFetcher<Map<String, Object>> CREATE =
      env -> shown(own(env).create(() -> input(env)));

  static final DataFetcher<Map<String, Object>> UPDATE =
      env -> shown(own(env).replace(env.getArgument("id"), () -> input(env)));

  static final DataFetcher<Boolean> DELETE =
      env -> {
        own(env).delete(env.getArgument("id"));
        return true;
      };

  static final DataFetcher<Map<String, Object>> ROTATE_SECRET =
      env -> shown(own(env).rotateSecret(env.getArgument("id"), () -> rotationTerms(env)));

  private static OwnClients own(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(OwnClients.class);
  }

  /** The {@code input} argument as the JSON body REST would have been sent. */
  private static ObjectNode input(DataFetchingEnvironment env) {
    return Json.MAPPER.valueToTree(env.getArgument("input"));
  }

  /** The rotation's optional arguments as REST's rotation body; left-out ones are absent. */
  private static ObjectNode rotationTerms(DataFetchingEnvironment env) {
    ObjectNode terms = Json.MAPPER.createObjectNode();
    env.getArguments().entrySet().stream()
        .filter(argument -> !argument.getKey().equals("id") && argument.getValue() != null)
        .forEach(
            argument -> terms.set(argument.getKey(), Json.MAPPER.valueToTree(argument.getValue())));
    return terms;
  }

  private static Map<String, Object> shown(OAuth2ClientView view) {
    return Json.MAPPER.convertValue(view, MAP);
  }
}
