<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("oauth2ClientsSecretExpiringBody", realmName, secretExpiresAt)}</p>
<#include "oauth2-clients-client.ftl">
</@layout.emailLayout>
