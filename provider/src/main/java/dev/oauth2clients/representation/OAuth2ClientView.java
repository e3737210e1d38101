package dev.oauth2clients.representation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The client object of the contract, as JSON sees it (RFC 7591 names). Null members are left out,
 * so {@code client_secret} appears only where a secret was just made, and the previous secret's
 * fields only during a rotation overlap; the last-use times are always there, null until used
 * ({@code previous_secret_last_used_at} is a JSON null then, not a missing member), and so is
 * {@code secret_revoked_at}, null while the current secret was not revoked.
 */
public record OAuth2ClientView(
    @JsonProperty("client_id") String clientId,
    @JsonProperty("client_secret") String clientSecret,
    @JsonProperty("client_secret_expires_at") long clientSecretExpiresAt,
    @JsonProperty("previous_secret_expires_at") Long previousSecretExpiresAt,
    @JsonProperty("client_id_issued_at") long clientIdIssuedAt,
    @JsonProperty("client_name") String clientName,
    @JsonProperty("description") String description,
    @JsonProperty("redirect_uris") List<String> redirectUris,
    @JsonProperty("post_logout_redirect_uris") List<String> postLogoutRedirectUris,
    @JsonProperty("allowed_cors_origins") List<String> allowedCorsOrigins,
    @JsonProperty("client_uri") String clientUri,
    @JsonProperty("logo_uri") String logoUri,
    @JsonProperty("policy_uri") String policyUri,
    @JsonProperty("tos_uri") String tosUri,
    @JsonProperty("frontchannel_logout_uri") String frontchannelLogoutUri,
    @JsonProperty("backchannel_logout_uri") String backchannelLogoutUri,
    @JsonProperty("jwks") JsonNode jwks,
    @JsonProperty("jwks_uri") String jwksUri,
    @JsonProperty("contacts") List<String> contacts,
    @JsonProperty("metadata") JsonNode metadata,
    @JsonProperty("realm_roles") List<String> realmRoles,
    @JsonProperty("client_roles") Map<String, List<String>> clientRoles,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("disabled_by_admin") boolean disabledByAdmin,
    @JsonProperty("grant_types") List<String> grantTypes,
    @JsonProperty("response_types") List<String> responseTypes,
    @JsonProperty("scope") String scope,
    @JsonProperty("audience") List<String> audience,
    @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
    @JsonProperty("owner") String owner,
    @JsonProperty("access_token_lifespan") int accessTokenLifespan,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt,
    @JsonProperty("last_used_at") @JsonInclude(JsonInclude.Include.ALWAYS) String lastUsedAt,
    @JsonProperty("secret_last_used_at") @JsonInclude(JsonInclude.Include.ALWAYS)
        String secretLastUsedAt,
    @JsonProperty("previous_secret_last_used_at") JsonNode previousSecretLastUsedAt,
    @JsonProperty("secret_revoked_at") @JsonInclude(JsonInclude.Include.ALWAYS)
        String secretRevokedAt) {}
