<#ftl output_format="plainText">
${msg("oauth2ClientsClientName")}: ${clientName}
${msg("oauth2ClientsClientId")}: ${clientId}
