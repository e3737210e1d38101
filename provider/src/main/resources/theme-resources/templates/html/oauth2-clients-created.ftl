<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("oauth2ClientsCreatedBody", realmName)}</p>
<#include "oauth2-clients-client.ftl">
<p>${msg("oauth2ClientsNotYou")}</p>
</@layout.emailLayout>
