import {
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  TextArea,
  TextInput,
} from "@patternfly/react-core";
import { useEffect, useState } from "react";
import {
  RolePicker,
  TokenLifespanField,
  chosenRolesOf,
  hasRoles,
  lifespanSeconds,
  rolesToSend,
  sameRoles,
} from "./AccessFields";
import { KeyFields, KindField, LogoutFields, parseJwks } from "./KindFields";
import { REALM_DEFAULT_LIFETIME, SecretLifetimeField, lifetimeSeconds } from "./SecretLifetimeFields";

const linesOf = (text) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

function TextAreaField({ id, label, value, onChange, help }) {
  return (
    <FormGroup label={label} fieldId={id}>
      <TextArea id={id} data-testid={id} value={value} onChange={(_, text) => onChange(text)} resizeOrientation="vertical" />
      {help && (
        <FormHelperText>
          <HelperText>
            <HelperTextItem>{help}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );
}

/** The roles the owner may grant, read when the form opens: {loading}, {roles} or {error}. */
function useGrantableRoles(loadGrantableRoles) {
  const [grantable, setGrantable] = useState({ loading: true });
  useEffect(() => {
    let current = true;
    loadGrantableRoles().then(
      (roles) => current && setGrantable({ roles }),
      (error) => current && setGrantable({ error }),
    );
    return () => {
      current = false;
    };
  }, [loadGrantableRoles]);
  return grantable;
}

const lifespanTextOf = (client) => (client?.access_token_lifespan == null ? "" : String(client.access_token_lifespan));

/**
 * The access fields to send. A new client sends only what the owner chose. An edit sends the roles
 * and the lifespan only when the owner changed them: a merge patch that leaves them out keeps them
 * as stored, so an untouched form never drops a role that is no longer grantable and never turns
 * the realm's default lifespan into a fixed choice. An emptied lifespan goes back to the default.
 */
function accessFields(initial, roles, lifespanText) {
  const seconds = lifespanSeconds(lifespanText);
  if (!initial) {
    return {
      ...(hasRoles(roles) ? rolesToSend(roles) : {}),
      ...(seconds === undefined ? {} : { access_token_lifespan: seconds }),
    };
  }
  const before = chosenRolesOf(initial);
  return {
    ...(sameRoles(roles, before) ? {} : rolesToSend(roles, before)),
    ...(lifespanText.trim() === lifespanTextOf(initial) ? {} : { access_token_lifespan: seconds ?? null }),
  };
}

/**
 * A text field as the owner left it: on create only when filled in, on edit only when changed
 * (emptied: null, which clears it in a merge patch).
 */
function changed(name, text, before, isNew) {
  const value = text.trim();
  if (isNew) {
    return value ? { [name]: value } : {};
  }
  return value === (before ?? "") ? {} : { [name]: value || null };
}

/** The keys to send: the pasted set or the URL, whichever is filled in; on edit only a change. */
function keyFields(initial, jwksText, jwksUri, jwksBefore) {
  const { jwks } = parseJwks(jwksText);
  if (!initial) {
    return { ...(jwks ? { jwks } : {}), ...changed("jwks_uri", jwksUri, "", true) };
  }
  return {
    ...(jwksText === jwksBefore ? {} : { jwks: jwks ?? null }),
    ...changed("jwks_uri", jwksUri, initial.jwks_uri, false),
  };
}

const jwksTextOf = (client) => (client?.jwks ? JSON.stringify(client.jwks, null, 2) : "");

/**
 * Name, description, redirect URIs, logout URLs, roles and access token lifespan of a new client
 * or of one being edited; a new client's form also asks for its kind and, for a secret, its
 * lifetime (`withSecretLifetime`), which an edit cannot change. A key-pair client has its public
 * keys here. `loadGrantableRoles` reads the roles the owner may grant.
 */
export function ClientFormModal({
  title,
  submitLabel,
  initial,
  withSecretLifetime,
  loadGrantableRoles,
  onSubmit,
  onClose,
}) {
  const [name, setName] = useState(initial?.client_name ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [redirectUris, setRedirectUris] = useState((initial?.redirect_uris ?? []).join("\n"));
  const [kind, setKind] = useState(initial?.token_endpoint_auth_method ?? "client_secret_post");
  const [jwksText, setJwksText] = useState(jwksTextOf(initial));
  const [jwksUri, setJwksUri] = useState(initial?.jwks_uri ?? "");
  const [front, setFront] = useState(initial?.frontchannel_logout_uri ?? "");
  const [back, setBack] = useState(initial?.backchannel_logout_uri ?? "");
  const [lifetime, setLifetime] = useState(REALM_DEFAULT_LIFETIME);
  const isSecret = kind === "client_secret_post";
  const secretExpiresIn = withSecretLifetime && isSecret ? lifetimeSeconds(lifetime) : undefined;
  const keyProblem = kind === "private_key_jwt" && parseJwks(jwksText).problem;
  const [roles, setRoles] = useState(() => chosenRolesOf(initial));
  const [lifespan, setLifespan] = useState(lifespanTextOf(initial));
  const grantable = useGrantableRoles(loadGrantableRoles);
  const [error, setError] = useState();
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit({
        client_name: name,
        description,
        redirect_uris: linesOf(redirectUris),
        ...(initial ? {} : { token_endpoint_auth_method: kind }),
        ...(kind === "private_key_jwt" ? keyFields(initial, jwksText, jwksUri, jwksTextOf(initial)) : {}),
        ...changed("frontchannel_logout_uri", front, initial?.frontchannel_logout_uri, !initial),
        ...changed("backchannel_logout_uri", back, initial?.backchannel_logout_uri, !initial),
        ...(secretExpiresIn === undefined ? {} : { secret_expires_in: secretExpiresIn }),
        ...accessFields(initial, roles, lifespan),
      });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Modal
      variant="medium"
      title={title}
      isOpen
      onClose={onClose}
      actions={[
        <Button
          key="save"
          type="submit"
          form="client-form"
          isLoading={busy}
          isDisabled={
            busy || !name.trim() || Boolean(keyProblem) || Number.isNaN(secretExpiresIn) || Number.isNaN(lifespanSeconds(lifespan))
          }
          data-testid="save-client"
        >
          {submitLabel}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose}>
          Cancel
        </Button>,
      ]}
    >
      {error && (
        <Alert isInline variant="danger" title={error.headline ?? String(error)} data-testid="form-error">
          {error.detail}
        </Alert>
      )}
      <Form id="client-form" onSubmit={submit}>
        <FormGroup label="Name" isRequired fieldId="client-name">
          <TextInput id="client-name" data-testid="client-name" value={name} onChange={(_, value) => setName(value)} isRequired />
        </FormGroup>
        <TextAreaField id="client-description" label="Description" value={description} onChange={setDescription} />
        {!initial && <KindField id="client-kind" value={kind} onChange={setKind} />}
        <TextAreaField
          id="client-redirect-uris"
          label="Redirect URIs"
          value={redirectUris}
          onChange={setRedirectUris}
          help={
            kind === "none"
              ? "One per line, at least one: where your app receives the code. It must redeem it with PKCE (S256)."
              : "One per line, for the authorization code flow: https, http on localhost, or an app scheme such as com.example.app:/callback. Leave empty for machine-to-machine use."
          }
        />
        {kind === "private_key_jwt" && (
          <KeyFields jwksText={jwksText} onJwksText={setJwksText} jwksUri={jwksUri} onJwksUri={setJwksUri} />
        )}
        {withSecretLifetime && isSecret && <SecretLifetimeField id="secret-lifetime" value={lifetime} onChange={setLifetime} />}
        <LogoutFields front={front} onFront={setFront} back={back} onBack={setBack} />
        <RolePicker id="client-roles" grantable={grantable} value={roles} onChange={setRoles} />
        <TokenLifespanField id="access-token-lifespan" value={lifespan} onChange={setLifespan} />
      </Form>
    </Modal>
  );
}
