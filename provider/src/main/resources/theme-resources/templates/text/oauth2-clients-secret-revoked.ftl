<#ftl output_format="plainText">
${msg("oauth2ClientsSecretRevokedBody", realmName)}

<#include "oauth2-clients-client.ftl">

${msg("oauth2ClientsSecretRevokedWhatNow")}
