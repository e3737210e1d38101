package dev.oauth2clients.transport;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The paths and methods a resource class answers, read from its own JAX-RS annotations, so that a
 * request no method takes can be told apart: a path that exists with other methods (405 and their
 * list) from one that does not (404).
 */
final class Routes {

  /** Marks the methods that take what no other method does; they are no routes of their own. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Fallback {}

  private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w+\\s*(?::\\s*([^}]*))?}");

  private record Route(String method, Pattern path) {}

  private final List<Route> routes;

  private Routes(List<Route> routes) {
    this.routes = routes;
  }

  /** The routes of {@code resource}; preflight (OPTIONS) answers every path and is left out. */
  static Routes of(Class<?> resource) {
    List<Route> routes = new ArrayList<>();
    for (Method method : resource.getMethods()) {
      Path path = method.getAnnotation(Path.class);
      if (path == null || method.isAnnotationPresent(Fallback.class)) {
        continue;
      }
      httpMethod(method)
          .filter(name -> !name.equals(HttpMethod.OPTIONS))
          .ifPresent(name -> routes.add(new Route(name, pattern(path.value()))));
    }
    return new Routes(List.copyOf(routes));
  }

  /**
   * The methods that {@code path} (relative to the resource, without surrounding slashes) answers,
   * with HEAD beside GET and OPTIONS beside any; empty when no route has that path.
   */
  Set<String> allowedMethods(String path) {
    Set<String> allowed = new TreeSet<>();
    routes.stream()
        .filter(route -> route.path().matcher(path).matches())
        .forEach(route -> allowed.add(route.method()));
    if (allowed.contains(HttpMethod.GET)) {
      allowed.add(HttpMethod.HEAD);
    }
    if (!allowed.isEmpty()) {
      allowed.add(HttpMethod.OPTIONS);
    }
    return allowed;
  }

  private static Optional<String> httpMethod(Method method) {
    return Stream.of(method.getAnnotations())
        .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
        .filter(httpMethod -> httpMethod != null)
        .map(HttpMethod::value)
        .findFirst();
  }

  /** A JAX-RS path template as a regular expression: {name} is one segment, {name:regex} regex. */
  static Pattern pattern(String template) {
    String trimmed = template.replaceAll("^/+|/+$", "");
    StringBuilder regex = new StringBuilder();
    Matcher parameter = PARAMETER.matcher(trimmed);
    int literalStart = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(trimmed.substring(literalStart, parameter.start())));
      String custom = parameter.group(1);
      regex.append(custom == null ? "[^/]+" : "(?:" + custom.trim() + ")");
      literalStart = parameter.end();
    }
    regex.append(Pattern.quote(trimmed.substring(literalStart)));
    return Pattern.compile(regex.toString());
  }
}
