package dev.oauth2clients.client;

import dev.oauth2clients.store.ClientAttributes;
import dev.oauth2clients.store.SelfServiceClientEntity;
import dev.oauth2clients.store.SelfServiceClientStore;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Any user of a realm can make a client with the authorization-code flow, so every other user who
 * signs in through it must see Keycloak's consent page first, told who made it. Keycloak shows a
 * client on that page, with its own consent text, when the client asks for it; the text names the
 * owner's username as it was when the client was made.
 */
public final class ConsentScreen {

  /** Clients per transaction of the start-up upgrade. */
  private static final int PAGE = 200;

  private static final Logger LOG = Logger.getLogger(ConsentScreen.class);

  private static final String MADE_BY = "Made by ";

  private ConsentScreen() {}

  public static void require(ClientModel model, String ownerUsername) {
    model.setConsentRequired(true);
    model.setAttribute(ClientScopeModel.DISPLAY_ON_CONSENT_SCREEN, "true");
    model.setAttribute(ClientScopeModel.CONSENT_SCREEN_TEXT, text(ownerUsername));
  }

  /**
   * The owner was renamed: the page names them as they are now, unless an admin wrote a text of
   * their own there.
   */
  static void followRename(ClientModel model, String ownerUsername) {
    String text = model.getAttribute(ClientScopeModel.CONSENT_SCREEN_TEXT);
    if (text != null && text.startsWith(MADE_BY)) {
      model.setAttribute(ClientScopeModel.CONSENT_SCREEN_TEXT, text(ownerUsername));
    }
  }

  /**
   * The sentence on the consent page; the page escapes it as HTML. Keycloak's page replaces each
   * {@code ${key}} in it with the realm's message of that name, so an owner whose username (an
   * e-mail address, say) holds {@code ${} could put any message of the realm's there; the brace is
   * kept apart from the dollar.
   */
  public static String text(String ownerUsername) {
    return MADE_BY
        + ownerUsername.replace("${", "$ {")
        + ", a user of this realm, not by its administrators";
  }

  /**
   * Clients made before consent was required get it at start-up, once: a client whose consent
   * settings were written (even if an admin then switched consent off) is left alone. A failure
   * here (say, a lock held while the database recovers from a crash) must not stop Keycloak from
   * starting; the next start tries again.
   */
  public static void requireForEarlierClientsAtStartUp(KeycloakSessionFactory factory) {
    int upgraded = 0;
    try {
      String after = "";
      while (after != null) {
        String from = after;
        UpgradedPage page =
            KeycloakModelUtils.runJobInTransactionWithResult(
                factory, session -> requireForEarlierClients(session, from));
        upgraded += page.upgraded();
        after = page.lastId();
      }
    } catch (RuntimeException failed) {
      LOG.warnf(
          "Could not require consent for earlier self-service clients at this start (%s);"
              + " the next start tries again",
          failed.getMessage());
    }
    if (upgraded > 0) {
      LOG.infof("Consent is now required for %d earlier self-service clients", upgraded);
    }
  }

  /** One page of an upgrade; {@code lastId} is null after the last page. */
  private record UpgradedPage(int upgraded, String lastId) {}

  /**
   * A page at a time, each in a transaction of its own: a realm of 100,000 earlier clients in one
   * transaction would hold them all in memory.
   */
  private static UpgradedPage requireForEarlierClients(KeycloakSession session, String afterId) {
    List<SelfServiceClientEntity> rows =
        new SelfServiceClientStore(session)
            .withoutClientAttribute(ClientScopeModel.DISPLAY_ON_CONSENT_SCREEN, afterId, PAGE);
    int upgraded = 0;
    for (SelfServiceClientEntity row : rows) {
      RealmModel realm = session.realms().getRealm(row.getRealmId());
      ClientModel model = realm == null ? null : realm.getClientById(row.getId());
      if (model != null) {
        require(model, model.getAttribute(ClientAttributes.OWNER_USERNAME));
        upgraded++;
      }
    }
    return new UpgradedPage(
        upgraded, rows.size() < PAGE ? null : rows.get(rows.size() - 1).getId());
  }
}
