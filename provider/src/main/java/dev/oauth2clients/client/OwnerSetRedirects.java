package dev.oauth2clients.client;

import dev.oauth2clients.secret.ClientSecrets;
import dev.oauth2clients.store.ClientAttributes;
import java.util.List;

/**
 * The redirect and post-logout URIs as the owner last set them, remembered as a hash: a realm admin
 * may edit them in the admin console, and an owner's later change that replaces the admin's URIs
 * must say so in its event rather than undo the admin's edit silently.
 */
record OwnerSetRedirects(List<String> redirectUris, List<String> postLogoutRedirectUris) {

  static OwnerSetRedirects of(SelfServiceClient client) {
    return new OwnerSetRedirects(
        ClientFields.REDIRECT_URIS.readFrom(client),
        ClientFields.POST_LOGOUT_REDIRECT_URIS.readFrom(client));
  }

  /**
   * Whether these, the URIs before an owner's change, were set by someone other than the owner
   * since the owner last set them, and the change replaces them with others.
   */
  boolean replacedAdminEditWith(OwnerSetRedirects after, SelfServiceClient client) {
    String remembered = client.model().getAttribute(ClientAttributes.OWNER_SET_REDIRECTS);
    return remembered != null && !remembered.equals(fingerprint()) && !equals(after);
  }

  void rememberAsOwnersOn(SelfServiceClient client) {
    client.model().setAttribute(ClientAttributes.OWNER_SET_REDIRECTS, fingerprint());
  }

  // Redirect URIs hold no '\n' (the validator refuses control characters), so the join is exact.
  private String fingerprint() {
    return ClientSecrets.hash(
        String.join("\n", redirectUris) + "\n\n" + String.join("\n", postLogoutRedirectUris));
  }
}
