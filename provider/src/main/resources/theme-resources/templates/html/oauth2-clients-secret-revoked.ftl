<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("oauth2ClientsSecretRevokedBody", realmName)}</p>
<#include "oauth2-clients-client.ftl">
<p>${msg("oauth2ClientsSecretRevokedWhatNow")}</p>
</@layout.emailLayout>
