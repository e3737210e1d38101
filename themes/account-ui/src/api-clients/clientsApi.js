/**
 * The self-service API (/realms/{realm}/oauth2-clients) called with the signed-in user's access
 * token. Failures become ApiError, whose message is a sentence for people, not a code.
 */

const HEADLINES = {
  feature_disabled: "API clients are not enabled in this realm.",
  access_denied: "Your account may not manage API clients.",
  invalid_token: "Your session has ended. Sign in again.",
  not_found: "This client no longer exists.",
  quota_exceeded: "You already have as many API clients as this realm allows.",
  invalid_redirect_uri: "A redirect URI is not accepted.",
  invalid_client_metadata: "Some of the details are not accepted.",
  invalid_request: "The request was not accepted.",
};

export class ApiError extends Error {
  constructor(headline, detail) {
    super(detail ? `${headline} ${detail}` : headline);
    this.headline = headline;
    this.detail = detail;
  }
}

async function toApiError(response) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    // not the contract's error body (e.g. a proxy's page): the status still says something
  }
  const headline = HEADLINES[body.error] ?? `The server answered ${response.status}.`;
  const detail = body.error_description && !body.error_description.startsWith(headline) ? body.error_description : "";
  return new ApiError(headline, detail);
}

export function clientsApi({ environment, keycloak }) {
  const base = `${environment.serverBaseUrl.replace(/\/$/, "")}/realms/${encodeURIComponent(environment.realm)}/oauth2-clients`;

  async function accessToken() {
    try {
      await keycloak.updateToken(5);
    } catch {
      await keycloak.login();
    }
    return keycloak.token;
  }

  async function call(path, { method = "GET", body, contentType = "application/json" } = {}) {
    let response;
    try {
      response = await fetch(base + path, {
        method,
        headers: {
          authorization: `Bearer ${await accessToken()}`,
          ...(body === undefined ? {} : { "content-type": contentType }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError("The server could not be reached.", "Check your connection and try again.");
    }
    if (!response.ok) {
      throw await toApiError(response);
    }
    return response.status === 204 ? undefined : response.json();
  }

  const one = (clientId) => `/${encodeURIComponent(clientId)}`;
  return {
    list: () => call("?max=1000"),
    // The roles the signed-in user may let a client carry now: {realm_roles: [{name, description}],
    // client_roles: {clientId: [{name, description}]}}.
    grantableRoles: () => call("/grantable-roles"),
    create: (fields) => call("", { method: "POST", body: fields }),
    update: (clientId, fields) =>
      call(one(clientId), { method: "PATCH", body: fields, contentType: "application/merge-patch+json" }),
    // Without a choice the rotation stays bodiless, as it was before lifetimes: the realm's
    // default lifetime, and the old secret dies at once. JSON leaves out the undefined ones.
    rotateSecret: (clientId, lifetimes = {}) =>
      call(`${one(clientId)}/secret`, {
        method: "POST",
        body: Object.values(lifetimes).some((value) => value !== undefined) ? lifetimes : undefined,
      }),
    endOverlap: (clientId) => call(`${one(clientId)}/secret/previous`, { method: "DELETE" }),
    remove: (clientId) => call(one(clientId), { method: "DELETE" }),
  };
}
