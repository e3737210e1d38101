package dev.oauth2clients.representation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of revoke-secrets: the ids of the realm's self-service clients among those named. */
public record RevokedSecrets(@JsonProperty("revoked") List<String> revoked) {}
