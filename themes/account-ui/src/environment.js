import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";

/** What Keycloak's index.ftl injects into the page: server URL, realm, base URL, features. */
export const environment = getInjectedEnvironment();
