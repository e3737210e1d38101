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
import { useState } from "react";
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

/**
 * Name, description and redirect URIs of a new client or of one being edited; a new client's
 * form also asks for its secret's lifetime (`withSecretLifetime`), which an edit cannot change.
 */
export function ClientFormModal({ title, submitLabel, initial, withSecretLifetime, onSubmit, onClose }) {
  const [name, setName] = useState(initial?.client_name ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [redirectUris, setRedirectUris] = useState((initial?.redirect_uris ?? []).join("\n"));
  const [lifetime, setLifetime] = useState(REALM_DEFAULT_LIFETIME);
  const secretExpiresIn = withSecretLifetime ? lifetimeSeconds(lifetime) : undefined;
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
        ...(secretExpiresIn === undefined ? {} : { secret_expires_in: secretExpiresIn }),
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
          isDisabled={busy || !name.trim() || Number.isNaN(secretExpiresIn)}
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
        <TextAreaField
          id="client-redirect-uris"
          label="Redirect URIs"
          value={redirectUris}
          onChange={setRedirectUris}
          help="One per line, for the authorization code flow: https, http on localhost, or an app scheme such as com.example.app:/callback. Leave empty for machine-to-machine use."
        />
        {withSecretLifetime && <SecretLifetimeField id="secret-lifetime" value={lifetime} onChange={setLifetime} />}
      </Form>
    </Modal>
  );
}
