<#ftl output_format="plainText">
${msg("oauth2ClientsCreatedBody", realmName)}

<#include "oauth2-clients-client.ftl">

${msg("oauth2ClientsNotYou")}
