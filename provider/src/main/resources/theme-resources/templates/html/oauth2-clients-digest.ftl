<#import "template.ftl" as layout>
<#-- Several notices sent together; the clients' names are their owner's own text, escaped by the
     HTML output format. -->
<@layout.emailLayout>
<p>${msg("oauth2ClientsDigestBody", realmName)}</p>
<#list notices as notice>
<p><strong>${msg(notice.heading)}</strong><br>
${msg("oauth2ClientsClientName")}: <strong>${notice.clientName}</strong><br>
${msg("oauth2ClientsClientId")}: <code>${notice.clientId}</code><#if notice.secretExpiresAt??><br>
${msg("oauth2ClientsSecretExpiresAt")}: ${notice.secretExpiresAt}</#if></p>
</#list>
<p>${msg("oauth2ClientsNotYou")}</p>
</@layout.emailLayout>
