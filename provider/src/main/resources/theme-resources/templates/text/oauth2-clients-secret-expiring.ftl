<#ftl output_format="plainText">
${msg("oauth2ClientsSecretExpiringBody", realmName, secretExpiresAt)}

<#include "oauth2-clients-client.ftl">
