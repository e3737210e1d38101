import { Form, Stack, StackItem } from "@patternfly/react-core";
import { useState } from "react";
import { ConfirmModal } from "./ConfirmModal";
import { fromEpochSeconds } from "./Timestamp";
import {
  OverlapField,
  REALM_DEFAULT_LIFETIME,
  SecretLifetimeField,
  lifetimeSeconds,
  overlapSeconds,
} from "./SecretLifetimeFields";

/**
 * Asks before a rotation, and how long the new secret lives and the current one keeps working.
 * `onRotate` gets the two choices in the API's words, undefined where the owner left the default.
 */
export function RotateSecretModal({ client, onRotate, onClose }) {
  const [lifetime, setLifetime] = useState(REALM_DEFAULT_LIFETIME);
  const [overlap, setOverlap] = useState("");
  const secretExpiresIn = lifetimeSeconds(lifetime);

  return (
    <ConfirmModal
      title="Rotate the secret?"
      confirmLabel="Rotate secret"
      canConfirm={!Number.isNaN(secretExpiresIn)}
      onClose={onClose}
      onConfirm={() =>
        onRotate({ secret_expires_in: secretExpiresIn, previous_secret_expires_in: overlapSeconds(overlap) })
      }
    >
      <Stack hasGutter>
        <StackItem>
          A new secret replaces the current one of <strong>{client.client_name}</strong>.{" "}
          {overlap
            ? "The current secret keeps working for the time chosen below: update every program that uses it before then."
            : "The current secret stops working at once, so update every program that uses it."}
          {fromEpochSeconds(client.previous_secret_expires_at) &&
            " The secret before the current one, still working now, stops at once."}
        </StackItem>
        <StackItem>
          {/* No submit: the dialog's button confirms, and Enter in a field must not rotate by surprise. */}
          <Form onSubmit={(event) => event.preventDefault()}>
            <SecretLifetimeField id="rotate-secret-lifetime" value={lifetime} onChange={setLifetime} />
            <OverlapField id="rotate-overlap" value={overlap} onChange={setOverlap} />
          </Form>
        </StackItem>
      </Stack>
    </ConfirmModal>
  );
}
