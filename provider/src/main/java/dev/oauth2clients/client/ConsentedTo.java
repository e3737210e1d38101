package dev.oauth2clients.client;

import java.util.Set;

/**
 * What a user agreed to on the consent page: the client's name and links as the page shows them,
 * and where its codes may go. When any of it changes, a consent given before no longer covers it.
 */
record ConsentedTo(
    String name, Set<String> redirectUris, String logoUri, String policyUri, String tosUri) {

  static ConsentedTo of(SelfServiceClient client) {
    return new ConsentedTo(
        ClientFields.CLIENT_NAME.readFrom(client),
        Set.copyOf(ClientFields.REDIRECT_URIS.readFrom(client)),
        ClientFields.LOGO_URI.readFrom(client),
        ClientFields.POLICY_URI.readFrom(client),
        ClientFields.TOS_URI.readFrom(client));
  }
}
