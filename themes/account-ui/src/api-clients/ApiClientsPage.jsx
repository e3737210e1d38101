import { Page, useEnvironment } from "@keycloak/keycloak-account-ui";
import { Alert, Button, Label, Spinner, Toolbar, ToolbarContent, ToolbarItem } from "@patternfly/react-core";
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ClientFormModal } from "./ClientFormModal";
import { ConfirmModal } from "./ConfirmModal";
import { SecretModal } from "./SecretModal";
import { clientsApi } from "./clientsApi";

/**
 * "API clients" in the account console: the signed-in user's own OAuth2 clients. At most one
 * dialog is open at a time; `dialog` says which one and for which client.
 */
export function ApiClientsPage() {
  const context = useEnvironment();
  const api = useMemo(() => clientsApi(context), [context]);
  const [clients, setClients] = useState();
  const [loadError, setLoadError] = useState();
  const [dialog, setDialog] = useState();
  const close = () => setDialog(undefined);

  const reload = useCallback(
    () =>
      api.list().then(
        (list) => {
          setClients(list);
          setLoadError(undefined);
        },
        (error) => setLoadError(error),
      ),
    [api],
  );
  useEffect(() => {
    reload();
  }, [reload]);

  async function afterChange(nextDialog) {
    setDialog(nextDialog);
    await reload();
  }

  return (
    <Page
      title="API clients"
      description="OAuth2 clients you own, for your scripts and applications. Each gets a client ID and a secret for Keycloak's token endpoint; the secret is shown only once."
    >
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Button data-testid="create-client" onClick={() => setDialog({ kind: "create" })}>
              Create client
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {loadError && (
        <Alert isInline variant="danger" title={loadError.headline ?? String(loadError)} data-testid="load-error">
          {loadError.detail}
        </Alert>
      )}
      {!clients && !loadError && <Spinner />}
      {clients && <ClientsTable clients={clients} onAction={setDialog} />}

      {dialog?.kind === "create" && (
        <ClientFormModal
          title="Create API client"
          submitLabel="Create"
          onClose={close}
          onSubmit={async (fields) => afterChange({ kind: "secret", client: await api.create(fields) })}
        />
      )}
      {dialog?.kind === "edit" && (
        <ClientFormModal
          title={`Edit ${dialog.client.client_name}`}
          submitLabel="Save"
          initial={dialog.client}
          onClose={close}
          onSubmit={async (fields) => {
            await api.update(dialog.client.client_id, fields);
            await afterChange(undefined);
          }}
        />
      )}
      {dialog?.kind === "rotate" && (
        <ConfirmModal
          title="Rotate the secret?"
          confirmLabel="Rotate secret"
          onClose={close}
          onConfirm={async () => afterChange({ kind: "secret", client: await api.rotateSecret(dialog.client.client_id) })}
        >
          A new secret replaces the current one of <strong>{dialog.client.client_name}</strong>. The current secret stops
          working at once, so update every program that uses it.
        </ConfirmModal>
      )}
      {dialog?.kind === "delete" && (
        <ConfirmModal
          title="Delete this client?"
          confirmLabel="Delete"
          danger
          onClose={close}
          onConfirm={async () => {
            await api.remove(dialog.client.client_id);
            await afterChange(undefined);
          }}
        >
          <strong>{dialog.client.client_name}</strong> and its secret stop working at once, and its tokens are revoked.
          This cannot be undone.
        </ConfirmModal>
      )}
      {dialog?.kind === "secret" && <SecretModal client={dialog.client} onClose={close} />}
    </Page>
  );
}

function ClientsTable({ clients, onAction }) {
  if (clients.length === 0) {
    return <p data-testid="no-clients">You have no API clients yet.</p>;
  }
  return (
    <Table aria-label="API clients" variant="compact" data-testid="clients-table">
      <Thead>
        <Tr>
          <Th>Name</Th>
          <Th>Client ID</Th>
          <Th>Description</Th>
          <Th>Status</Th>
          <Th>Created</Th>
          <Th screenReaderText="Actions" />
        </Tr>
      </Thead>
      <Tbody>
        {clients.map((client) => (
          <Tr key={client.client_id} data-testid={`client-row-${client.client_id}`}>
            <Td dataLabel="Name">{client.client_name}</Td>
            <Td dataLabel="Client ID">
              <code>{client.client_id}</code>
            </Td>
            <Td dataLabel="Description">{client.description}</Td>
            <Td dataLabel="Status">
              <ClientStatus client={client} />
            </Td>
            <Td dataLabel="Created">{new Date(client.created_at).toLocaleString()}</Td>
            <Td isActionCell>
              <ActionsColumn
                data-testid={`actions-${client.client_id}`}
                items={[
                  { title: "Edit", onClick: () => onAction({ kind: "edit", client }) },
                  { title: "Rotate secret", onClick: () => onAction({ kind: "rotate", client }) },
                  { isSeparator: true },
                  { title: "Delete", onClick: () => onAction({ kind: "delete", client }) },
                ]}
              />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** An admin's switch outranks the owner's, so the page names whose decision holds the client. */
function ClientStatus({ client }) {
  if (client.disabled_by_admin) {
    return <Label color="red">Disabled by an administrator</Label>;
  }
  return client.enabled ? <Label color="green">Active</Label> : <Label color="grey">Paused</Label>;
}
