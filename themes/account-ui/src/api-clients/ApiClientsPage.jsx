import { Page, useEnvironment } from "@keycloak/keycloak-account-ui";
import { Alert, Button, Label, Spinner, Toolbar, ToolbarContent, ToolbarItem } from "@patternfly/react-core";
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useCallback, useEffect, useMemo, useState } from "react";
import { RoleLabels, durationText } from "./AccessFields";
import { ClientFormModal } from "./ClientFormModal";
import { ConfirmModal } from "./ConfirmModal";
import { hasSecret, kindLabel } from "./KindFields";
import { RotateSecretModal } from "./RotateSecretModal";
import { SecretModal } from "./SecretModal";
import { Timestamp, fromEpochSeconds, fromRfc3339 } from "./Timestamp";
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
  // The roles the owner may grant now, to mark chosen ones that are not; undefined claims nothing.
  const [grantable, setGrantable] = useState();
  const [dialog, setDialog] = useState();
  const close = () => setDialog(undefined);

  const reload = useCallback(
    () =>
      Promise.all([
        api.list().then(
          (list) => {
            setClients(list);
            setLoadError(undefined);
          },
          (error) => setLoadError(error),
        ),
        api.grantableRoles().then(setGrantable, () => setGrantable(undefined)),
      ]),
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
      {clients && <ClientsTable clients={clients} grantable={grantable} onAction={setDialog} />}

      {dialog?.kind === "create" && (
        <ClientFormModal
          title="Create API client"
          submitLabel="Create"
          withSecretLifetime
          loadGrantableRoles={api.grantableRoles}
          onClose={close}
          onSubmit={async (fields) => afterChange({ kind: "secret", client: await api.create(fields) })}
        />
      )}
      {dialog?.kind === "edit" && (
        <ClientFormModal
          title={`Edit ${dialog.client.client_name}`}
          submitLabel="Save"
          initial={dialog.client}
          loadGrantableRoles={api.grantableRoles}
          onClose={close}
          onSubmit={async (fields) => {
            await api.update(dialog.client.client_id, fields);
            await afterChange(undefined);
          }}
        />
      )}
      {dialog?.kind === "rotate" && (
        <RotateSecretModal
          client={dialog.client}
          onClose={close}
          onRotate={async (lifetimes) =>
            afterChange({ kind: "secret", client: await api.rotateSecret(dialog.client.client_id, lifetimes) })
          }
        />
      )}
      {dialog?.kind === "end-overlap" && (
        <ConfirmModal
          title="End the overlap?"
          confirmLabel="End overlap"
          danger
          onClose={close}
          onConfirm={async () => {
            await api.endOverlap(dialog.client.client_id);
            await afterChange(undefined);
          }}
        >
          The previous secret of <strong>{dialog.client.client_name}</strong> stops working at once; only the current
          one is accepted from then on. The previous secret was last used:{" "}
          <Timestamp date={fromRfc3339(dialog.client.previous_secret_last_used_at)} fallback="not used yet" />.
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
      {dialog?.kind === "secret" && dialog.client.client_secret && <SecretModal client={dialog.client} onClose={close} />}
    </Page>
  );
}

function ClientsTable({ clients, grantable, onAction }) {
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
          <Th>Roles</Th>
          <Th modifier="wrap">Token lifespan</Th>
          <Th>Secret</Th>
          <Th>Last used</Th>
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
            <Td dataLabel="Roles">
              <RoleLabels client={client} grantable={grantable} testId={`roles-${client.client_id}`} />
            </Td>
            <Td dataLabel="Token lifespan" data-testid={`token-lifespan-${client.client_id}`}>
              {client.access_token_lifespan == null ? "Realm default" : durationText(client.access_token_lifespan)}
            </Td>
            <Td dataLabel="Secret">
              {hasSecret(client) ? (
                <SecretLifecycle client={client} onEndOverlap={() => onAction({ kind: "end-overlap", client })} />
              ) : (
                <span data-testid={`kind-${client.client_id}`}>{kindLabel(client.token_endpoint_auth_method)}: no secret</span>
              )}
            </Td>
            <Td dataLabel="Last used">
              <LastUsed client={client} />
            </Td>
            <Td dataLabel="Created">
              <Timestamp date={fromRfc3339(client.created_at)} />
            </Td>
            <Td isActionCell>
              <ActionsColumn
                data-testid={`actions-${client.client_id}`}
                items={[
                  { title: "Edit", onClick: () => onAction({ kind: "edit", client }) },
                  ...(hasSecret(client)
                    ? [{ title: "Rotate secret", onClick: () => onAction({ kind: "rotate", client }) }]
                    : []),
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

/**
 * When the secret stops working and, during a rotation's overlap, when the previous one does; the
 * owner may end the overlap early once every program has switched. A revoked secret (reported as
 * found, or revoked by an admin) outranks its expiry: only a rotation brings the client back.
 */
function SecretLifecycle({ client, onEndOverlap }) {
  const id = client.client_id;
  const expiresAt = fromEpochSeconds(client.client_secret_expires_at);
  const previousExpiresAt = fromEpochSeconds(client.previous_secret_expires_at);
  const revokedAt = fromRfc3339(client.secret_revoked_at);
  return (
    <>
      <div data-testid={`secret-expiry-${id}`}>
        {revokedAt ? (
          <span className="pf-v5-u-danger-color-100" data-testid={`secret-revoked-${id}`}>
            Revoked <Timestamp date={revokedAt} />; rotate the secret to get a new one
          </span>
        ) : (
          <SecretExpiry expiresAt={expiresAt} />
        )}
      </div>
      {previousExpiresAt && (
        <div data-testid={`previous-secret-expiry-${id}`} className="pf-v5-u-font-size-sm">
          Previous secret works until <Timestamp date={previousExpiresAt} />{" "}
          <Button variant="link" isInline onClick={onEndOverlap} data-testid={`end-overlap-${id}`}>
            End overlap
          </Button>
        </div>
      )}
    </>
  );
}

function SecretExpiry({ expiresAt }) {
  if (!expiresAt) {
    return "Never expires";
  }
  if (expiresAt <= new Date()) {
    return (
      <span className="pf-v5-u-danger-color-100">
        Expired <Timestamp date={expiresAt} />
      </span>
    );
  }
  return (
    <>
      Expires <Timestamp date={expiresAt} />
    </>
  );
}

/**
 * When the client last got a token; during an overlap also per secret, which tells the owner
 * whether anything still uses the previous one. The server may lag a grant by up to a minute.
 */
function LastUsed({ client }) {
  const id = client.client_id;
  const overlapEnds = fromEpochSeconds(client.previous_secret_expires_at);
  return (
    <>
      <div data-testid={`last-used-${id}`}>
        <Timestamp date={fromRfc3339(client.last_used_at)} fallback="Not used yet" />
      </div>
      {overlapEnds && (
        <div className="pf-v5-u-font-size-sm">
          <div data-testid={`secret-last-used-${id}`}>
            Current secret: <Timestamp date={fromRfc3339(client.secret_last_used_at)} fallback="not used yet" />
          </div>
          <div data-testid={`previous-secret-last-used-${id}`}>
            Previous secret:{" "}
            <Timestamp date={fromRfc3339(client.previous_secret_last_used_at)} fallback="not used yet" />
          </div>
        </div>
      )}
    </>
  );
}
