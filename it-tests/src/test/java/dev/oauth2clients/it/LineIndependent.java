package dev.oauth2clients.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks tests whose outcome cannot depend on the Keycloak release: they exercise the provider's own
 * tables and timing, or the GraphQL surface, which calls no Keycloak API of its own but the service
 * the REST tests already run on every line. The passes against older releases leave them out
 * (it-tests/pom.xml, {@code line.independent}), which keeps the test command within its time.
 */
@Tag("line-independent")
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LineIndependent {}
