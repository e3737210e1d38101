// The admin's inventory of self-service clients, shown under the policy form of the
// "oauth2-clients" tab (Realm settings). The admin theme "oauth2-clients" loads this module into
// Keycloak's own console (theme.properties: scripts=...). Keycloak 26.4 to 26.7 has no way for a
// provider to put a view into the console (the declarative tab renders only a form of stored
// values), so this script finds the tab's form in the page and adds its own section after it.
//
// Plain DOM and PatternFly 5 class names, no build step and no React: the console's React
// components are bundled under hashed names and cannot be reused, and plain DOM does not depend on
// the console's import map either. Every text from the server goes in with textContent / text
// nodes (owners choose client names, which may hold markup), never as HTML.

const ENV = JSON.parse(document.getElementById("environment").textContent);
const SECTION_ID = "oauth2-clients-inventory";
// The tab's route: #/{realm}/realm-settings/oauth2-clients (PolicyTabFactory's path and params).
const TAB_ROUTE = /^#\/([^/?]+)\/realm-settings\/oauth2-clients(?:[/?]|$)/;
// A field of the tab's own form (PolicySetting's form name); the section goes after that form.
const TAB_FIELD = 'input[data-testid="maxClientsPerUser"]';

// ---------------------------------------------------------------------------------------------
// The admin's access token.
//
// The console keeps its token inside its bundle and offers no API for it. Rather than spying on
// the console's own requests (which would break whenever the console changes how it calls fetch,
// and leave us with a 60-second token we cannot refresh without disturbing the console's refresh
// token), this script gets its own token from the admin's existing sign-in: a silent
// authorization-code flow with PKCE (prompt=none) for the console's own public client, in a hidden
// iframe that ends on a page of the console's origin. It needs nothing from the console but the
// page's "environment" block, and works as long as the admin is signed in, which the console
// needs too. The token lives in this module's memory only; it is never written anywhere.
// ---------------------------------------------------------------------------------------------

let token = null; // { value, expiresAt } — in memory only
let pendingToken = null; // one silent sign-in at a time, shared by concurrent calls

async function accessToken() {
  if (token && Date.now() < token.expiresAt) return token.value;
  pendingToken ??= silentSignIn().finally(() => (pendingToken = null));
  return pendingToken;
}

function forgetToken() {
  token = null;
}

async function silentSignIn() {
  const verifier = randomText();
  const state = randomText();
  const challenge = base64Url(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)),
  );
  // A path under the console matches security-admin-console's redirect URI (/admin/{realm}/
  // console/*) but is no page of it, so the iframe loads a small "not found" page, not a console.
  const redirectUri = location.origin + ENV.consoleBaseUrl.replace(/\/?$/, "/oauth2-clients-silent");
  const oidc = `${ENV.serverBaseUrl}/realms/${encodeURIComponent(ENV.realm)}/protocol/openid-connect`;
  const query = new URLSearchParams({
    client_id: ENV.clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    response_mode: "query",
    scope: "openid",
    prompt: "none",
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  const answer = await landingOf(`${oidc}/auth?${query}`, redirectUri);
  if (answer.get("state") !== state) throw new Error("The sign-in answer was not ours.");
  if (!answer.has("code")) {
    throw new Error(
      `Could not get a token for the inventory (${answer.get("error") || "no code"}). ` +
        "Sign in to the console again.",
    );
  }
  const response = await fetch(`${oidc}/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: ENV.clientId,
      code: answer.get("code"),
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  const tokens = await response.json();
  if (!response.ok) throw new Error(tokens.error_description || tokens.error || "No token.");
  // Renewed a little before it expires, so that no request leaves with a dying token.
  token = {
    value: tokens.access_token,
    expiresAt: Date.now() + (tokens.expires_in - 10) * 1000,
  };
  return token.value;
}

// Loads url in a hidden iframe and answers the query of the page it ends on under redirectUri.
function landingOf(url, redirectUri) {
  const frame = document.createElement("iframe");
  frame.hidden = true;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("The console's sign-in did not answer. Reload the page.")),
      20000,
    );
    frame.addEventListener("load", () => {
      let href;
      try {
        href = frame.contentWindow.location.href;
      } catch {
        return; // still on another origin (a separate admin host name): wait for the next page
      }
      if (!href.startsWith(redirectUri)) return;
      clearTimeout(timer);
      resolve(new URL(href).searchParams);
    });
    frame.src = url;
    document.body.append(frame);
  }).finally(() => frame.remove());
}

function randomText() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function base64Url(bytes) {
  const binary = String.fromCharCode(...new Uint8Array(bytes));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// ---------------------------------------------------------------------------------------------
// The inventory API (GET .../oauth2-clients, POST .../revoke-secrets).
// ---------------------------------------------------------------------------------------------

async function callApi(realm, path, options = {}) {
  const url = `${ENV.adminBaseUrl}/admin/realms/${encodeURIComponent(realm)}/oauth2-clients${path}`;
  const send = async () =>
    fetch(url, {
      ...options,
      headers: { ...options.headers, Authorization: `Bearer ${await accessToken()}` },
    });
  let response = await send();
  if (response.status === 401) {
    forgetToken(); // e.g. the session was refreshed elsewhere: one new token, one retry
    response = await send();
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(
      body?.error_description || body?.error || `The server answered ${response.status}.`,
    );
  }
  return { body, link: response.headers.get("Link") || "" };
}

// ---------------------------------------------------------------------------------------------
// The view.
// ---------------------------------------------------------------------------------------------

// Builds an element; string children become text nodes, so data is never parsed as markup.
function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (typeof value === "boolean") element[name] = value;
    else element.setAttribute(name, value);
  }
  element.append(...children.flat().filter((child) => child != null));
  return element;
}

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const when = (value) => (value ? DATE.format(new Date(value)) : null);

function secretExpiry(seconds) {
  if (!seconds) return "Never";
  const at = new Date(seconds * 1000);
  return DATE.format(at) + (at < new Date() ? " (expired)" : "");
}

function createInventory(realm) {
  const state = { first: 0, max: 10, rows: [], hasNext: false, selected: new Set(), loads: 0 };

  const owner = h("input", {
    type: "text",
    id: "inventory-owner",
    placeholder: "Username or user ID",
    "data-testid": "inventory-owner",
  });
  const idleDays = h("input", {
    type: "number",
    min: "1",
    id: "inventory-idle-days",
    placeholder: "Any",
    "data-testid": "inventory-idle-days",
  });
  const neverExpires = h("input", {
    type: "checkbox",
    class: "pf-v5-c-check__input",
    id: "inventory-never-expires",
    "data-testid": "inventory-never-expires",
  });
  const perPage = h("input", {
    type: "number",
    min: "1",
    max: "100",
    value: String(state.max),
    id: "inventory-max",
    "data-testid": "inventory-max",
  });
  const revoke = h(
    "button",
    { type: "button", class: "pf-v5-c-button pf-m-danger", "data-testid": "inventory-revoke", disabled: true, onclick: confirmRevoke },
    "Revoke secrets",
  );
  const selectAll = h("input", {
    type: "checkbox",
    "aria-label": "Select all on this page",
    "data-testid": "inventory-select-all",
    onchange: () => {
      state.rows.forEach((row) =>
        selectAll.checked ? state.selected.add(row.client_id) : state.selected.delete(row.client_id),
      );
      render();
    },
  });
  const body = h("tbody", { class: "pf-v5-c-table__tbody" });
  const alert = h("div", { "aria-live": "polite" });
  const range = h("span", { "data-testid": "inventory-range" });
  const previous = h(
    "button",
    { type: "button", class: "pf-v5-c-button pf-m-secondary", "data-testid": "inventory-prev", onclick: () => load(Math.max(0, state.first - state.max)) },
    "Previous",
  );
  const next = h(
    "button",
    { type: "button", class: "pf-v5-c-button pf-m-secondary", "data-testid": "inventory-next", onclick: () => load(state.first + state.max) },
    "Next",
  );
  // A label above its input, as PatternFly's stacked form groups do.
  const field = (label, input, width) =>
    h("div", { class: "pf-v5-c-toolbar__item", style: `display: flex; flex-direction: column; width: ${width}` },
      h("label", { class: "pf-v5-c-form__label", for: input.id }, h("span", { class: "pf-v5-c-form__label-text" }, label)),
      h("span", { class: "pf-v5-c-form-control" }, input));

  const filters = h(
    "form",
    { class: "pf-v5-c-toolbar", onsubmit: (event) => { event.preventDefault(); load(0); } },
    h("div", { class: "pf-v5-c-toolbar__content" },
      h("div", { class: "pf-v5-c-toolbar__content-section", style: "gap: 16px; align-items: flex-end" },
        field("Owner", owner, "16em"),
        field("Unused for days", idleDays, "9em"),
        h("div", { class: "pf-v5-c-toolbar__item pf-v5-c-check" }, neverExpires,
          h("label", { class: "pf-v5-c-check__label", for: neverExpires.id }, "Secret never expires")),
        field("Per page", perPage, "6em"),
        h("div", { class: "pf-v5-c-toolbar__item" },
          h("button", { type: "submit", class: "pf-v5-c-button pf-m-primary", "data-testid": "inventory-search" }, "Search")),
        h("div", { class: "pf-v5-c-toolbar__item" }, revoke))));

  const columns = ["Name", "Client ID", "Owner", "Created", "Last used", "Secret expires", "Secret revoked"];
  const section = h(
    "section",
    { id: SECTION_ID, "data-realm": realm, style: "margin-top: 48px" },
    h("h2", { class: "pf-v5-c-title pf-m-xl" }, "Inventory"),
    h("p", { class: "pf-v5-c-content" },
      "Every self-service client of this realm, oldest first. Revoking stops every secret of the selected clients at once; their owners are mailed and must rotate."),
    filters,
    alert,
    h("table", { class: "pf-v5-c-table pf-m-compact pf-m-grid-md", role: "grid", "aria-label": "Self-service clients" },
      h("thead", { class: "pf-v5-c-table__thead" },
        h("tr", { class: "pf-v5-c-table__tr" },
          h("th", { class: "pf-v5-c-table__th pf-v5-c-table__check" }, selectAll),
          columns.map((column) => h("th", { class: "pf-v5-c-table__th pf-m-wrap", scope: "col" }, column)))),
      body),
    h("div", { class: "pf-v5-c-toolbar" },
      h("div", { class: "pf-v5-c-toolbar__content" },
        h("div", { class: "pf-v5-c-toolbar__content-section", style: "gap: 8px; justify-content: flex-end; align-items: center" },
          range, previous, next))),
  );

  function showAlert(kind, text) {
    alert.replaceChildren(
      h("div", { class: `pf-v5-c-alert pf-m-inline pf-m-${kind}`, "data-testid": "inventory-alert", style: "margin-bottom: 16px" },
        h("p", { class: "pf-v5-c-alert__title" }, text)),
    );
  }

  // Asks for one more than a page: if it comes, there is a next page (the API gives no total).
  async function load(first) {
    const max = Math.min(100, Math.max(1, parseInt(perPage.value, 10) || 10));
    const query = new URLSearchParams({ first: String(first), max: String(max + 1) });
    if (owner.value.trim()) query.set("owner", owner.value.trim());
    if (idleDays.value.trim()) query.set("idle_days", idleDays.value.trim());
    if (neverExpires.checked) query.set("never_expires", "true");
    const load = ++state.loads; // answers of superseded loads are dropped
    section.setAttribute("aria-busy", "true");
    try {
      const { body: rows, link } = await callApi(realm, `?${query}`);
      if (load !== state.loads) return;
      // A selection is only of rows the admin can see: a new page or filter clears it.
      Object.assign(state, {
        first,
        max,
        rows: rows.slice(0, max),
        // With fine-grained admin permissions a page may be short; the API's Link still says more.
        hasNext: rows.length > max || /rel="?next"?/.test(link),
        selected: new Set(),
      });
      alert.replaceChildren();
    } catch (error) {
      if (load !== state.loads) return;
      Object.assign(state, { rows: [], hasNext: false, selected: new Set() });
      showAlert("danger", error.message);
    } finally {
      if (load === state.loads) section.removeAttribute("aria-busy");
    }
    render();
  }

  function render() {
    body.replaceChildren(
      ...(state.rows.length
        ? state.rows.map(renderRow)
        : [h("tr", { class: "pf-v5-c-table__tr" },
            h("td", { class: "pf-v5-c-table__td", colspan: String(columns.length + 1), "data-testid": "inventory-empty" },
              "No self-service clients match."))]),
    );
    selectAll.checked = state.rows.length > 0 && state.rows.every((row) => state.selected.has(row.client_id));
    revoke.disabled = state.selected.size === 0;
    revoke.textContent = state.selected.size ? `Revoke secrets (${state.selected.size})` : "Revoke secrets";
    range.textContent = state.rows.length
      ? `${state.first + 1} – ${state.first + state.rows.length}`
      : "";
    previous.disabled = state.first === 0;
    next.disabled = !state.hasNext;
  }

  function renderRow(client) {
    const cell = (label, text, muted) =>
      h("td", { class: "pf-v5-c-table__td", "data-label": label }, muted ? h("span", { class: "pf-v5-u-color-200" }, text) : text);
    return h("tr", { class: "pf-v5-c-table__tr", "data-testid": "inventory-row", "data-client-id": client.client_id },
      h("td", { class: "pf-v5-c-table__td pf-v5-c-table__check" },
        h("input", {
          type: "checkbox",
          "aria-label": `Select ${client.client_id}`,
          "data-testid": `inventory-select-${client.client_id}`,
          checked: state.selected.has(client.client_id),
          onchange: (event) => {
            event.target.checked ? state.selected.add(client.client_id) : state.selected.delete(client.client_id);
            render();
          },
        })),
      cell("Name", [client.client_name, client.enabled === false ? " (disabled)" : null]),
      cell("Client ID", client.client_id),
      // An owner that no longer exists has no username: its id is all there is.
      client.owner_username ? cell("Owner", client.owner_username) : cell("Owner", client.owner, true),
      cell("Created", when(client.created_at)),
      when(client.last_used_at) ? cell("Last used", when(client.last_used_at)) : cell("Last used", "Never", true),
      cell("Secret expires", secretExpiry(client.client_secret_expires_at)),
      when(client.secret_revoked_at) ? cell("Secret revoked", when(client.secret_revoked_at)) : cell("Secret revoked", "—", true),
    );
  }

  // A PatternFly modal rather than window.confirm: it names the clients, and it can be styled.
  function confirmRevoke() {
    const chosen = state.rows.filter((row) => state.selected.has(row.client_id));
    const close = () => {
      backdrop.remove();
      document.removeEventListener("keydown", onEscape);
    };
    const onEscape = (event) => event.key === "Escape" && close();
    const backdrop = h("div", { class: "pf-v5-c-backdrop" },
      h("div", { class: "pf-v5-l-bullseye" },
        h("div", { class: "pf-v5-c-modal-box pf-m-sm", role: "dialog", "aria-modal": "true", "aria-labelledby": "inventory-confirm-title" },
          h("header", { class: "pf-v5-c-modal-box__header" },
            h("h1", { class: "pf-v5-c-modal-box__title", id: "inventory-confirm-title" },
              `Revoke the secrets of ${chosen.length} client${chosen.length === 1 ? "" : "s"}?`)),
          h("div", { class: "pf-v5-c-modal-box__body" },
            h("p", {}, "Every secret of these clients stops working at once, and their owners are told by mail. This cannot be undone; an owner gets a working secret again by rotating."),
            h("ul", { style: "margin-top: 8px" }, chosen.map((row) => h("li", {}, `${row.client_name} (${row.client_id})`)))),
          h("footer", { class: "pf-v5-c-modal-box__footer" },
            h("button", { type: "button", class: "pf-v5-c-button pf-m-danger", "data-testid": "inventory-confirm",
              onclick: () => { close(); revokeSecrets(chosen.map((row) => row.client_id)); } }, "Revoke"),
            h("button", { type: "button", class: "pf-v5-c-button pf-m-link", "data-testid": "inventory-cancel", onclick: close }, "Cancel")))));
    document.body.append(backdrop);
    document.addEventListener("keydown", onEscape);
    backdrop.querySelector("[data-testid=inventory-cancel]").focus(); // the safe choice first
  }

  async function revokeSecrets(clientIds) {
    revoke.disabled = true;
    try {
      const { body: result } = await callApi(realm, "/revoke-secrets", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ client_ids: clientIds }),
      });
      const missed = clientIds.length - result.revoked.length;
      await load(state.first); // the table then shows when each secret was revoked
      showAlert(
        missed ? "warning" : "success",
        `Revoked the secrets of ${result.revoked.length} client${result.revoked.length === 1 ? "" : "s"}.` +
          (missed ? ` ${missed} could not be revoked (gone, or not yours to manage).` : ""),
      );
    } catch (error) {
      showAlert("danger", error.message);
      render();
    }
  }

  render();
  load(0);
  return section;
}

// ---------------------------------------------------------------------------------------------
// Mounting: the console is a single-page app that builds the tab whenever it is opened (and
// throws it away when left), so the page is watched and the section added whenever the tab's form
// is there without it. The section lives inside the tab's page section and leaves with it.
// ---------------------------------------------------------------------------------------------

function mount() {
  const route = TAB_ROUTE.exec(location.hash);
  const form = route && document.querySelector(TAB_FIELD)?.closest("form");
  if (!form) return;
  const realm = decodeURIComponent(route[1]);
  const existing = document.getElementById(SECTION_ID);
  if (existing?.dataset.realm === realm && existing.previousElementSibling === form) return;
  existing?.remove();
  form.after(createInventory(realm));
}

new MutationObserver(mount).observe(document.body, { childList: true, subtree: true });
window.addEventListener("hashchange", mount);
mount();
