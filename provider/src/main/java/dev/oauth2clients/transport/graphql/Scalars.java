package dev.oauth2clients.transport.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The schema's two scalars beyond GraphQL's own: {@code Long}, because times in seconds since 1970
 * outgrow a 32-bit {@code Int} in 2038, and {@code JSON}, for the client's free-form metadata.
 */
final class Scalars {

  static final GraphQLScalarType LONG =
      GraphQLScalarType.newScalar().name("Long").coercing(new LongCoercing()).build();

  static final GraphQLScalarType JSON =
      GraphQLScalarType.newScalar().name("JSON").coercing(new JsonCoercing()).build();

  private Scalars() {}

  private static final class LongCoercing implements Coercing<Long, Long> {

    @Override
    public Long serialize(Object value, GraphQLContext context, Locale locale) {
      if (value instanceof Number number) {
        return number.longValue();
      }
      throw new CoercingSerializeException("A Long field holds a whole number.");
    }

    @Override
    public Long parseValue(Object input, GraphQLContext context, Locale locale) {
      BigInteger whole = null;
      if (input instanceof Integer || input instanceof Long) {
        whole = BigInteger.valueOf(((Number) input).longValue());
      } else if (input instanceof BigInteger big) {
        whole = big;
      }
      if (whole == null || whole.bitLength() > 63) {
        throw new CoercingParseValueException("Expected a whole number of up to 64 bits.");
      }
      return whole.longValue();
    }

    @Override
    public Long parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      if (input instanceof IntValue whole && whole.getValue().bitLength() <= 63) {
        return whole.getValue().longValue();
      }
      throw new CoercingParseLiteralException("Expected a whole number of up to 64 bits.");
    }
  }

  /** Any JSON value, in and out, as the Java values a JSON parser makes of it. */
  private static final class JsonCoercing implements Coercing<Object, Object> {

    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) {
      return value;
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
      return input;
    }

    @Override
    public Object parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      if (input instanceof NullValue) {
        return null;
      } else if (input instanceof StringValue text) {
        return text.getValue();
      } else if (input instanceof BooleanValue bool) {
        return bool.isValue();
      } else if (input instanceof IntValue whole) {
        return whole.getValue();
      } else if (input instanceof FloatValue decimal) {
        return decimal.getValue();
      } else if (input instanceof VariableReference variable) {
        return variables.get(variable.getName());
      } else if (input instanceof ArrayValue array) {
        List<Object> values = new ArrayList<>();
        array.getValues().forEach(v -> values.add(parseLiteral(v, variables, context, locale)));
        return values;
      } else if (input instanceof ObjectValue object) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ObjectField field : object.getObjectFields()) {
          fields.put(field.getName(), parseLiteral(field.getValue(), variables, context, locale));
        }
        return fields;
      }
      throw new CoercingParseLiteralException("Expected a JSON value.");
    }
  }
}
