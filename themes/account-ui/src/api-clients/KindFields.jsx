import { FormGroup, FormSelect, FormSelectOption, TextArea, TextInput } from "@patternfly/react-core";
import { Help } from "./Help";

/** The kinds of client, by the `token_endpoint_auth_method` that names each; the realm decides which it allows. */
export const KINDS = [
  { method: "client_secret_post", label: "Secret: for servers and scripts that keep a secret" },
  { method: "none", label: "Public app: single-page or native, signs users in with PKCE" },
  { method: "private_key_jwt", label: "Key pair: signs its requests with a private key it keeps" },
];

export const hasSecret = (client) => (client?.token_endpoint_auth_method ?? "client_secret_post") === "client_secret_post";

export function kindLabel(method) {
  return { client_secret_post: "Secret", none: "Public app", private_key_jwt: "Key pair" }[method] ?? method;
}

export function KindField({ id, value, onChange }) {
  return (
    <FormGroup label="Kind of client" fieldId={id}>
      <FormSelect id={id} data-testid={id} value={value} onChange={(_, method) => onChange(method)}>
        {KINDS.map((kind) => (
          <FormSelectOption key={kind.method} value={kind.method} label={kind.label} />
        ))}
      </FormSelect>
      <Help>Chosen once; your administrator decides which kinds this realm allows.</Help>
    </FormGroup>
  );
}

/**
 * What a pasted JWK set is to the form: `{}` for empty, `{jwks}` when it is a JSON object, or
 * `{problem}` in words; the server checks the keys themselves and says what is wrong with them.
 */
export function parseJwks(text) {
  if (!text.trim()) {
    return {};
  }
  try {
    const jwks = JSON.parse(text);
    if (jwks === null || typeof jwks !== "object" || Array.isArray(jwks) || !Array.isArray(jwks.keys)) {
      return { problem: 'A JWK set is a JSON object with a "keys" array, e.g. {"keys": [{"kty": "RSA", …}]}.' };
    }
    return { jwks };
  } catch (error) {
    return { problem: `This is not JSON: ${error.message}` };
  }
}

/** The public keys of a key-pair client: a pasted JWK set, or the https URL that serves it. */
export function KeyFields({ jwksText, onJwksText, jwksUri, onJwksUri }) {
  const parsed = parseJwks(jwksText);
  return (
    <>
      <FormGroup label="Public keys (JWK set)" fieldId="client-jwks">
        <TextArea
          id="client-jwks"
          data-testid="client-jwks"
          value={jwksText}
          onChange={(_, text) => onJwksText(text)}
          resizeOrientation="vertical"
          validated={parsed.problem ? "error" : "default"}
          rows={6}
        />
        <Help error={parsed.problem}>
          Paste the public half only: RSA of 2048 to 8192 bits, or EC P-256 or P-384, each with a kid. Never paste a
          private key. Replace the set here to rotate keys.
        </Help>
      </FormGroup>
      <FormGroup label="Or: URL of the JWK set" fieldId="client-jwks-uri">
        <TextInput id="client-jwks-uri" data-testid="client-jwks-uri" value={jwksUri} onChange={(_, text) => onJwksUri(text)} />
        <Help>https only; Keycloak fetches the keys from there instead.</Help>
      </FormGroup>
    </>
  );
}

/** Where Keycloak tells the client that a user signed out. */
export function LogoutFields({ front, onFront, back, onBack }) {
  return (
    <>
      <FormGroup label="Front-channel logout URL" fieldId="client-frontchannel-logout">
        <TextInput id="client-frontchannel-logout" data-testid="client-frontchannel-logout" value={front} onChange={(_, text) => onFront(text)} />
        <Help>Loaded in the user's browser when they sign out.</Help>
      </FormGroup>
      <FormGroup label="Back-channel logout URL" fieldId="client-backchannel-logout">
        <TextInput id="client-backchannel-logout" data-testid="client-backchannel-logout" value={back} onChange={(_, text) => onBack(text)} />
        <Help>Keycloak posts a logout token to it when a user's session ends.</Help>
      </FormGroup>
    </>
  );
}
