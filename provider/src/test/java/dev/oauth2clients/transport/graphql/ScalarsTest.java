package dev.oauth2clients.transport.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalarsTest {

  private static final GraphQLContext CONTEXT = GraphQLContext.newContext().build();
  private static final CoercedVariables NO_VARIABLES = CoercedVariables.emptyVariables();

  @SuppressWarnings("unchecked")
  private static final Coercing<Long, Long> LONG =
      (Coercing<Long, Long>) Scalars.LONG.getCoercing();

  @SuppressWarnings("unchecked")
  private static final Coercing<Object, Object> JSON =
      (Coercing<Object, Object>) Scalars.JSON.getCoercing();

  @Test
  void longTakesWholeNumbersBeyondInt() {
    assertEquals(4_102_444_800L, LONG.parseValue(4_102_444_800L, CONTEXT, Locale.ROOT));
    assertEquals(7L, LONG.parseValue(7, CONTEXT, Locale.ROOT));
    assertEquals(
        Long.MAX_VALUE,
        LONG.parseLiteral(
            new IntValue(BigInteger.valueOf(Long.MAX_VALUE)), NO_VARIABLES, CONTEXT, Locale.ROOT));
    assertEquals(4_102_444_800L, LONG.serialize(4_102_444_800L, CONTEXT, Locale.ROOT));
  }

  @Test
  void longRefusesFractionsTextAndNumbersPast64Bits() {
    BigInteger past = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
    assertThrows(
        CoercingParseValueException.class, () -> LONG.parseValue(1.5, CONTEXT, Locale.ROOT));
    assertThrows(
        CoercingParseValueException.class, () -> LONG.parseValue("60", CONTEXT, Locale.ROOT));
    assertThrows(
        CoercingParseValueException.class, () -> LONG.parseValue(past, CONTEXT, Locale.ROOT));
    assertThrows(
        CoercingParseLiteralException.class,
        () -> LONG.parseLiteral(new IntValue(past), NO_VARIABLES, CONTEXT, Locale.ROOT));
    assertThrows(
        CoercingParseLiteralException.class,
        () -> LONG.parseLiteral(new StringValue("60"), NO_VARIABLES, CONTEXT, Locale.ROOT));
  }

  @Test
  void jsonLiteralsBecomeTheValuesAParserMakes() {
    ObjectValue literal =
        ObjectValue.newObjectValue()
            .objectField(new ObjectField("team", new StringValue("Gé 😀 \"q\"")))
            .objectField(new ObjectField("public", new BooleanValue(true)))
            .objectField(
                new ObjectField(
                    "ports",
                    ArrayValue.newArrayValue().value(new IntValue(BigInteger.TWO)).build()))
            .objectField(new ObjectField("owner", new VariableReference("who")))
            .objectField(new ObjectField("none", NullValue.of()))
            .build();
    Object parsed =
        JSON.parseLiteral(
            literal, CoercedVariables.of(Map.of("who", "alice")), CONTEXT, Locale.ROOT);
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("team", "Gé 😀 \"q\"");
    expected.put("public", true);
    expected.put("ports", List.of(BigInteger.TWO));
    expected.put("owner", "alice");
    expected.put("none", null);
    assertEquals(expected, parsed);
    assertNull(JSON.parseLiteral(NullValue.of(), NO_VARIABLES, CONTEXT, Locale.ROOT));
  }
}
