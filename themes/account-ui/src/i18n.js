import { createInstance } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";
import { environment } from "./environment";

// The account theme's messages (Keycloak's plus ours from messages_*.properties) come from the
// server as a list of key/value pairs, in the user's locale.
export const i18n = createInstance({
  fallbackLng: "en",
  lng: environment.locale,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  backend: {
    loadPath: `${environment.serverBaseUrl.replace(/\/$/, "")}/resources/${environment.realm}/account/{{lng}}`,
    parse: (data) => Object.fromEntries(JSON.parse(data).map(({ key, value }) => [key, value])),
  },
});

i18n.use(FetchBackend);
i18n.use(initReactI18next);
