package dev.oauth2clients.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.List;
import java.util.Map;

/**
 * The roles of a realm whose users may let their clients carry some of them: realm roles (some
 * grantable, some not, composites among them), a group, and an API client {@value #API} with roles
 * of its own. {@link #holdAll} gives a user the owner's usual set, each role in one of the ways a
 * user can hold one.
 */
public final class BillingRoles {

  public static final String API = "billing-api";

  /** Grantable; held directly; has a description. */
  public static final String READER = "reader";

  public static final String READER_DESCRIPTION = "Reads invoices";

  /** Grantable; held directly and never chosen: must never show in a token. */
  public static final String WRITER = "writer";

  /** Grantable; held through the group {@value #AUDITORS}. */
  public static final String AUDITOR = "auditor";

  public static final String AUDITORS = "auditors";

  /** Grantable; held through the composites {@value #STAFF} and {@value #CREW}. */
  public static final String ARCHIVIST = "archivist";

  /** Not grantable; contains {@value #ARCHIVIST}; the owner's. */
  public static final String STAFF = "staff";

  /** Not grantable; contains {@value #ARCHIVIST}; for owners whose composite a test changes. */
  public static final String CREW = "crew";

  /** Grantable composite containing {@value #VIEWER}; held directly. */
  public static final String BUNDLE = "bundle";

  /** Not grantable; held only through {@value #BUNDLE}. */
  public static final String VIEWER = "viewer";

  /** Held directly, not grantable. */
  public static final String SECRET_KEEPER = "secret-keeper";

  /** Grantable, held by nobody. */
  public static final String ADMIN_ONLY = "admin-only";

  /** Not grantable until a test marks it. */
  public static final String INTERIM = "interim";

  /** Roles of {@value #API}: grantable and held. */
  public static final String INVOICES_READ = "invoices:read";

  public static final String INVOICES_READ_DESCRIPTION = "Read invoices";

  /** Grantable, held by nobody. */
  public static final String INVOICES_WRITE = "invoices:write";

  /** Held, not grantable. */
  public static final String INVOICES_DELETE = "invoices:delete";

  /** Not grantable until a test marks it. */
  public static final String INVOICES_EXPORT = "invoices:export";

  private BillingRoles() {}

  /** Adds the roles, the group and the API client to a realm representation. */
  public static void addTo(ObjectNode realm) {
    Roles.realmRole(realm, READER, true).put("description", READER_DESCRIPTION);
    Roles.realmRole(realm, WRITER, true);
    Roles.realmRole(realm, AUDITOR, true);
    Roles.realmRole(realm, ARCHIVIST, true);
    Roles.compositeRole(realm, STAFF, false, ARCHIVIST);
    Roles.compositeRole(realm, CREW, false, ARCHIVIST);
    Roles.realmRole(realm, VIEWER, false);
    Roles.compositeRole(realm, BUNDLE, true, VIEWER);
    Roles.realmRole(realm, SECRET_KEEPER, false);
    Roles.realmRole(realm, ADMIN_ONLY, true);
    Roles.realmRole(realm, INTERIM, false);
    Roles.group(realm, AUDITORS, AUDITOR);
    Roles.apiClient(realm, API);
    Roles.clientRole(realm, API, INVOICES_READ, true).put("description", INVOICES_READ_DESCRIPTION);
    Roles.clientRole(realm, API, INVOICES_WRITE, true);
    Roles.clientRole(realm, API, INVOICES_DELETE, false);
    Roles.clientRole(realm, API, INVOICES_EXPORT, false);
  }

  /**
   * The owner's usual roles: {@value #READER}, {@value #WRITER}, {@value #BUNDLE}, {@value
   * #SECRET_KEEPER} and {@value #STAFF} directly, {@value #AUDITOR} through {@value #AUDITORS}, and
   * {@value #INVOICES_READ} and {@value #INVOICES_DELETE} of {@value #API}.
   */
  public static void holdAll(TestRealm realm, String userId) {
    Roles roles = Roles.of(realm);
    roles.grant(
        userId,
        List.of(READER, WRITER, BUNDLE, SECRET_KEEPER, STAFF),
        Map.of(API, List.of(INVOICES_READ, INVOICES_DELETE)));
    roles.joinGroup(userId, AUDITORS);
  }
}
