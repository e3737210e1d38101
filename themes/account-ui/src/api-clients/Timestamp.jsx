import { useEnvironment } from "@keycloak/keycloak-account-ui";

// The same style as Keycloak's own "Device activity" page, so the console reads as one.
const STYLE = { dateStyle: "long", timeStyle: "short" };
const formats = new Map();

function formatFor(locale) {
  if (!formats.has(locale)) {
    let format;
    try {
      format = new Intl.DateTimeFormat(locale, STYLE);
    } catch {
      // a locale tag the browser does not know (a realm may define any): the browser's own then
      format = new Intl.DateTimeFormat(undefined, STYLE);
    }
    formats.set(locale, format);
  }
  return formats.get(locale);
}

/** The API gives expiry moments in seconds since the epoch, with 0 for "never". */
export const fromEpochSeconds = (seconds) => (seconds ? new Date(seconds * 1000) : undefined);

/** The API gives other moments as RFC 3339 strings, with null for "not yet". */
export const fromRfc3339 = (text) => (text ? new Date(text) : undefined);

/**
 * A moment in the signed-in user's locale (the one Keycloak chose for the console), or `fallback`
 * when there is none. The machine-readable moment stays in `dateTime`.
 */
export function Timestamp({ date, fallback }) {
  const { environment } = useEnvironment();
  if (!date) {
    return fallback;
  }
  return <time dateTime={date.toISOString()}>{formatFor(environment.locale).format(date)}</time>;
}
