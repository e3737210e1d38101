import {
  Alert,
  Checkbox,
  FormGroup,
  Label,
  LabelGroup,
  Spinner,
  TextInput,
  Title,
  Tooltip,
} from "@patternfly/react-core";
import { ExclamationTriangleIcon } from "@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon";
import { i18n } from "../i18n";
import { Help } from "./Help";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const NOT_GRANTED_HELP =
  "You no longer hold this role, or it may no longer be granted: it stays chosen, but this client's tokens leave it out until it is grantable again.";

/** The roles a client carries, in the API's shape; a client without them (or a new one) has none. */
export function chosenRolesOf(client) {
  return {
    realm_roles: [...(client?.realm_roles ?? [])],
    client_roles: Object.fromEntries(
      Object.entries(client?.client_roles ?? {}).map(([clientId, names]) => [clientId, [...names]]),
    ),
  };
}

const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Roles in a canonical form (sorted, no empty clients), to tell whether the owner changed them. */
function canonical(roles) {
  return JSON.stringify({
    realm_roles: [...new Set(roles.realm_roles)].sort(byName),
    client_roles: Object.keys(roles.client_roles)
      .filter((clientId) => roles.client_roles[clientId].length > 0)
      .sort(byName)
      .map((clientId) => [clientId, [...new Set(roles.client_roles[clientId])].sort(byName)]),
  });
}

export const hasRoles = (roles) =>
  roles.realm_roles.length > 0 || Object.values(roles.client_roles).some((names) => names.length > 0);

export const sameRoles = (a, b) => canonical(a) === canonical(b);

/**
 * The two role fields to send, whole. A client whose roles were all taken off is sent with an empty
 * list, which the server drops: that takes it out whether the server replaces `client_roles` or
 * merges it key by key as a JSON merge patch would.
 */
export function rolesToSend(chosen, before) {
  const clientRoles = {};
  for (const clientId of Object.keys(before?.client_roles ?? {})) {
    clientRoles[clientId] = [];
  }
  for (const [clientId, names] of Object.entries(chosen.client_roles)) {
    clientRoles[clientId] = [...names].sort(byName);
  }
  return { realm_roles: [...chosen.realm_roles].sort(byName), client_roles: clientRoles };
}

function withRole(roles, clientId, name, checked) {
  const toggled = (names) => [...names.filter((other) => other !== name), ...(checked ? [name] : [])];
  if (clientId === undefined) {
    return { ...roles, realm_roles: toggled(roles.realm_roles) };
  }
  const clientRoles = { ...roles.client_roles, [clientId]: toggled(roles.client_roles[clientId] ?? []) };
  if (clientRoles[clientId].length === 0) {
    delete clientRoles[clientId];
  }
  return { ...roles, client_roles: clientRoles };
}

/**
 * Whether the owner may grant the role now, by the server's list: true, false, or undefined when
 * the list could not be read (then the page claims nothing either way).
 */
export function isGrantable(grantable, clientId, name) {
  if (!grantable) {
    return undefined;
  }
  const offered = clientId === undefined ? grantable.realm_roles : grantable.client_roles?.[clientId];
  return (offered ?? []).some((role) => role.name === name);
}

/** Keycloak's built-in roles describe themselves with a message key such as ${role_offline-access}. */
function describe(description) {
  const key = /^\$\{(.+)\}$/.exec(description ?? "")?.[1];
  return key ? i18n.t(key, { defaultValue: key }) : (description ?? undefined);
}

/**
 * The picker's groups, realm roles first, then each client's: every role the owner may grant, and
 * every role already chosen, even one no longer grantable, so that a save never drops it unseen.
 */
function groupsOf(grantable, chosen) {
  const group = (clientId, offered, names) => {
    const roles = new Map((offered ?? []).map((role) => [role.name, { ...role, grantable: true }]));
    for (const name of names ?? []) {
      if (!roles.has(name)) {
        roles.set(name, { name, description: null, grantable: grantable ? false : undefined });
      }
    }
    return { clientId, roles: [...roles.values()].sort((a, b) => byName(a.name, b.name)) };
  };
  const clientIds = new Set([...Object.keys(grantable?.client_roles ?? {}), ...Object.keys(chosen.client_roles)]);
  return [
    group(undefined, grantable?.realm_roles, chosen.realm_roles),
    ...[...clientIds]
      .sort(byName)
      .map((clientId) => group(clientId, grantable?.client_roles?.[clientId], chosen.client_roles[clientId])),
  ].filter((g) => g.roles.length > 0);
}


/** Marks a chosen role that the owner may not grant now: it is kept, but left out of tokens. */
export function NotGrantedLabel() {
  return (
    <Tooltip content={NOT_GRANTED_HELP}>
      <Label isCompact color="orange" icon={<ExclamationTriangleIcon />} className="pf-v5-u-ml-sm">
        Not currently granted
      </Label>
    </Tooltip>
  );
}

function RoleCheckbox({ clientId, role, checked, onChange }) {
  const testId = clientId === undefined ? `realm-role-${role.name}` : `client-role-${clientId}-${role.name}`;
  const description = role.grantable === false ? NOT_GRANTED_HELP : describe(role.description);
  return (
    <Checkbox
      id={testId}
      data-testid={testId}
      isChecked={checked}
      onChange={(_, isChecked) => onChange(isChecked)}
      label={
        <>
          {role.name}
          {role.grantable === false && <NotGrantedLabel />}
        </>
      }
      description={description}
    />
  );
}

/**
 * The roles a client's tokens may carry. `grantable` is {loading}, {error} or {roles} (the server's
 * grantable-roles answer); `value` and `onChange` hold the chosen roles in the API's shape.
 */
export function RolePicker({ id, grantable, value, onChange }) {
  const groups = groupsOf(grantable.roles, value);
  const isChosen = (clientId, name) =>
    (clientId === undefined ? value.realm_roles : (value.client_roles[clientId] ?? [])).includes(name);
  return (
    <FormGroup label="Roles" fieldId={id} role="group" isStack>
      <div id={id} data-testid={id}>
        {grantable.loading && <Spinner size="md" aria-label="Loading the roles you may grant" />}
        {grantable.error && (
          <Alert
            isInline
            isPlain
            variant="warning"
            title="The roles you may grant could not be loaded."
            data-testid="roles-error"
          >
            {grantable.error.detail}
          </Alert>
        )}
        {grantable.roles && groups.length === 0 && (
          <p data-testid="no-grantable-roles">
            You have no roles that you may give to a client; an administrator decides which of your roles can be given.
          </p>
        )}
        {groups.map(({ clientId, roles }) => (
          <div
            key={clientId ?? ""}
            className="pf-v5-u-mb-sm"
            data-testid={clientId === undefined ? "realm-roles" : `client-roles-${clientId}`}
          >
            <Title headingLevel="h4" size="md" className="pf-v5-u-mb-xs">
              {clientId === undefined ? (
                "Realm roles"
              ) : (
                <>
                  Roles of <code>{clientId}</code>
                </>
              )}
            </Title>
            {roles.map((role) => (
              <RoleCheckbox
                key={role.name}
                clientId={clientId}
                role={role}
                checked={isChosen(clientId, role.name)}
                onChange={(checked) => onChange(withRole(value, clientId, role.name, checked))}
              />
            ))}
          </div>
        ))}
      </div>
      <Help>
        This client&apos;s tokens carry only the roles you choose here, and only while you still hold them. Only roles
        an administrator allowed to be given are offered.
      </Help>
    </FormGroup>
  );
}

/** Seconds, as people say them: "1 hour", "90 minutes", "75 seconds". */
export function durationText(seconds) {
  const [size, unit] =
    seconds % HOUR === 0 ? [HOUR, "hour"] : seconds % MINUTE === 0 ? [MINUTE, "minute"] : [1, "second"];
  const count = seconds / size;
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * The seconds the lifespan field holds: undefined when empty (the realm's default), NaN when not a
 * whole number of at least 60. The server refuses more than the realm's maximum, and says so.
 */
export function lifespanSeconds(text) {
  const trimmed = text.trim();
  if (trimmed === "") {
    return undefined;
  }
  return /^[0-9]+$/.test(trimmed) && Number(trimmed) >= MINUTE ? Number(trimmed) : NaN;
}

/** How long the client's access tokens live, in seconds; empty leaves it to the realm. */
export function TokenLifespanField({ id, value, onChange }) {
  const seconds = lifespanSeconds(value);
  const error = Number.isNaN(seconds) ? "Enter a whole number of seconds, at least 60." : undefined;
  return (
    <FormGroup label="Access token lifespan" fieldId={id}>
      <TextInput
        id={id}
        data-testid={id}
        type="number"
        min={MINUTE}
        step={1}
        placeholder="Realm default"
        value={value}
        validated={error ? "error" : "default"}
        onChange={(_, text) => onChange(text)}
      />
      <Help error={error}>
        {seconds === undefined
          ? "Seconds, at least 60. Leave empty for the realm's default, which is also the longest it allows."
          : `Access tokens of this client live ${durationText(seconds)}, or less if the realm allows less.`}
      </Help>
    </FormGroup>
  );
}

/** The chosen roles as labels; those the owner may not grant now are marked. */
export function RoleLabels({ client, grantable, testId }) {
  const roles = chosenRolesOf(client);
  const labels = [
    ...[...roles.realm_roles].sort(byName).map((name) => ({ clientId: undefined, name })),
    ...Object.keys(roles.client_roles)
      .sort(byName)
      .flatMap((clientId) => [...roles.client_roles[clientId]].sort(byName).map((name) => ({ clientId, name }))),
  ];
  if (labels.length === 0) {
    return <span data-testid={testId}>None</span>;
  }
  return (
    <div data-testid={testId}>
      <LabelGroup numLabels={4}>
      {labels.map(({ clientId, name }) => {
        const text = clientId === undefined ? name : `${clientId}: ${name}`;
        return isGrantable(grantable, clientId, name) === false ? (
          <Tooltip key={text} content={NOT_GRANTED_HELP}>
            <Label isCompact variant="outline" color="orange" icon={<ExclamationTriangleIcon />}>
              {text}
            </Label>
          </Tooltip>
        ) : (
          <Label key={text} isCompact color="blue">
            {text}
          </Label>
        );
      })}
      </LabelGroup>
    </div>
  );
}
