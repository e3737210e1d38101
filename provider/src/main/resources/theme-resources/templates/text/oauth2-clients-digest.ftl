<#ftl output_format="plainText">
${msg("oauth2ClientsDigestBody", realmName)}
<#list notices as notice>

${msg(notice.heading)}
${msg("oauth2ClientsClientName")}: ${notice.clientName}
${msg("oauth2ClientsClientId")}: ${notice.clientId}
<#if notice.secretExpiresAt??>
${msg("oauth2ClientsSecretExpiresAt")}: ${notice.secretExpiresAt}
</#if>
</#list>

${msg("oauth2ClientsNotYou")}
