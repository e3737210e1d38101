import { Alert, Button, ClipboardCopy, Modal, Stack, StackItem, Title } from "@patternfly/react-core";
import { Timestamp, fromEpochSeconds } from "./Timestamp";

function CopyField({ label, value, testId }) {
  return (
    <StackItem>
      <Title headingLevel="h3" size="md">
        {label}
      </Title>
      <div data-testid={testId}>
        <ClipboardCopy isReadOnly hoverTip="Copy" clickTip="Copied">
          {value}
        </ClipboardCopy>
      </div>
    </StackItem>
  );
}

/** Shows a client's new secret, once; the page forgets it when this closes. */
export function SecretModal({ client, onClose }) {
  return (
    <Modal
      variant="medium"
      title="Copy your client secret now"
      isOpen
      onClose={onClose}
      actions={[
        <Button key="done" onClick={onClose} data-testid="close-secret">
          I have stored the secret
        </Button>,
      ]}
    >
      <Stack hasGutter>
        <StackItem>
          <Alert isInline variant="warning" title="This secret is shown only once.">
            Store it somewhere safe, such as a password manager or your deployment's secret store. It cannot be shown
            again; if you lose it, rotate the secret to get a new one.
          </Alert>
        </StackItem>
        <CopyField label="Client ID" value={client.client_id} testId="new-client-id" />
        <CopyField label="Client secret" value={client.client_secret} testId="new-client-secret" />
        <StackItem data-testid="new-secret-expiry">
          <SecretDeadlines client={client} />
        </StackItem>
        <StackItem>
          Use them with <code>client_secret_post</code> at the token endpoint, for example with{" "}
          <code>grant_type=client_credentials</code>.
        </StackItem>
      </Stack>
    </Modal>
  );
}

/** The deadlines the owner has to plan for: when this secret expires and when the one it replaced stops. */
function SecretDeadlines({ client }) {
  const expiresAt = fromEpochSeconds(client.client_secret_expires_at);
  const previousExpiresAt = fromEpochSeconds(client.previous_secret_expires_at);
  return (
    <>
      {expiresAt ? (
        <>
          This secret expires <Timestamp date={expiresAt} />.
        </>
      ) : (
        "This secret does not expire."
      )}
      {previousExpiresAt && (
        <>
          {" "}
          The previous secret keeps working until <Timestamp date={previousExpiresAt} />.
        </>
      )}
    </>
  );
}
