import { Alert, Button, ClipboardCopy, Modal, Stack, StackItem, Title } from "@patternfly/react-core";

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
        <StackItem>
          <Title headingLevel="h3" size="md">
            Client ID
          </Title>
          <div data-testid="new-client-id">
            <ClipboardCopy isReadOnly hoverTip="Copy" clickTip="Copied">
              {client.client_id}
            </ClipboardCopy>
          </div>
        </StackItem>
        <StackItem>
          <Title headingLevel="h3" size="md">
            Client secret
          </Title>
          <div data-testid="new-client-secret">
            <ClipboardCopy isReadOnly hoverTip="Copy" clickTip="Copied">
              {client.client_secret}
            </ClipboardCopy>
          </div>
        </StackItem>
        <StackItem>
          Use them with <code>client_secret_post</code> at the token endpoint, for example with{" "}
          <code>grant_type=client_credentials</code>.
        </StackItem>
      </Stack>
    </Modal>
  );
}
