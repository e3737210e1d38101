// PatternFly's full stylesheet: the account-ui package ships its component styles only in a CSS
// file that its exports map hides.
import "@patternfly/patternfly/patternfly.css";
import "@patternfly/patternfly/patternfly-addons.css";

// The provider must come from the package whose pages read it: it carries its own copy of
// keycloak-ui-shared, and a context from one copy is invisible to the other.
import { KeycloakProvider } from "@keycloak/keycloak-account-ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { environment } from "./environment";
import { i18n } from "./i18n";
import { Root } from "./Root";

await i18n.init();

createRoot(document.getElementById("app")).render(
  <StrictMode>
    <KeycloakProvider environment={environment}>
      <Root />
    </KeycloakProvider>
  </StrictMode>,
);
