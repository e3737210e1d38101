package dev.oauth2clients.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The fields an owner may set, already validated. Lists are never null; absent strings and metadata
 * are null.
 */
public record ClientMetadata(
    String clientName,
    String description,
    List<String> redirectUris,
    List<String> postLogoutRedirectUris,
    List<String> allowedCorsOrigins,
    String clientUri,
    String logoUri,
    String policyUri,
    String tosUri,
    List<String> contacts,
    ObjectNode metadata,
    boolean enabled) {}
