<#-- The client's name is its owner's own text: the HTML output format escapes it here. -->
<p>${msg("oauth2ClientsClientName")}: <strong>${clientName}</strong><br>
${msg("oauth2ClientsClientId")}: <code>${clientId}</code></p>
