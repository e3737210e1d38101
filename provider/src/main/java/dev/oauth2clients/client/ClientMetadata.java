package dev.oauth2clients.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The fields an owner may set, already validated ({@link ClientFields} says where each lives).
 * Lists are never null; absent strings and metadata are null. {@code enabled} is the owner's
 * switch; null leaves it as it is.
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
    Boolean enabled) {}
