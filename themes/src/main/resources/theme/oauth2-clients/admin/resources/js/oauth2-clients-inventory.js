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

const button = (kind, testId, label, onclick, type = "button") =>
  h("button", { type, class: `pf-v5-c-button pf-m-${kind}`, "data-testid": testId, onclick }, label);

// A text, number or checkbox input that the tests and labels find by its test id.
const input = (type, testId, props = {}) =>
  h("input", { type, id: testId, "data-testid": testId, ...props });

// A label above its input, as PatternFly's stacked form groups have it.
const field = (label, control, width) =>
  h("div", { class: "pf-v5-c-toolbar__item oauth2-clients-field", style: `width: ${width}` },
    h("label", { class: "pf-v5-c-form__label", for: control.id },
      h("span", { class: "pf-v5-c-form__label-text" }, label)),
    h("span", { class: "pf-v5-c-form-control" }, control));

const cell = (label, content) => h("td", { class: "pf-v5-c-table__td", "data-label": label }, content);
const muted = (text) => h("span", { class: "pf-v5-u-color-200" }, text);
const plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const when = (value, otherwise) => (value ? DATE.format(new Date(value)) : muted(otherwise));

function secretExpiry(seconds) {
  if (!seconds) return "Never"; // 0: the secret never expires
  const at = new Date(seconds * 1000);
  return DATE.format(at) + (at < new Date() ? " (expired)" : "");
}

// Layout only; colours and type come from the console's PatternFly.
const STYLE = `
  #${SECTION_ID} { margin-top: 48px; }
  #${SECTION_ID} .oauth2-clients-bar { gap: 16px; align-items: flex-end; }
  #${SECTION_ID} .oauth2-clients-field { display: flex; flex-direction: column; }
  #${SECTION_ID} .oauth2-clients-actions { gap: 8px; align-items: center; }
  #${SECTION_ID} .oauth2-clients-spacer { flex: 1; }
  #${SECTION_ID} .pf-v5-c-alert { margin-bottom: 16px; }
`;

const COLUMNS = ["Name", "Client ID", "Owner", "Created", "Last used", "Secret expires", "Secret revoked"];

function createInventory(realm) {
  // filters: those of the last search, so that paging never picks up half-typed ones.
  // first counts the API's rows; earlier: the firsts of the pages before, for Previous.
  const state = {
    filters: {},
    max: 10,
    first: 0,
    earlier: [],
    next: null, // where the next page starts, or null on the last page
    rows: [],
    selected: new Set(),
  };
  let loads = 0; // answers of superseded loads are dropped

  const owner = input("text", "inventory-owner", { placeholder: "Username or user ID" });
  const idleDays = input("number", "inventory-idle-days", { min: "0", placeholder: "Any" });
  const neverExpires = input("checkbox", "inventory-never-expires", { class: "pf-v5-c-check__input" });
  const perPage = input("number", "inventory-max", { min: "1", max: "100", value: "10" });
  const selectAll = input("checkbox", "inventory-select-all", {
    "aria-label": "Select all on this page",
    onchange: () => {
      for (const row of state.rows) select(row.client_id, selectAll.checked);
      render();
    },
  });
  const revoke = button("danger", "inventory-revoke", "Revoke secrets", confirmRevoke);
  const previous = button("secondary", "inventory-prev", "Previous", () =>
    load(state.earlier.pop() ?? 0),
  );
  const next = button("secondary", "inventory-next", "Next", () => {
    state.earlier.push(state.first);
    load(state.next);
  });
  const range = h("span", { "data-testid": "inventory-range" });
  const alert = h("div", { "aria-live": "polite" });
  const rows = h("tbody", { class: "pf-v5-c-table__tbody" });

  const section = h("section", { id: SECTION_ID, "data-realm": realm },
    h("style", {}, STYLE),
    h("h2", { class: "pf-v5-c-title pf-m-xl" }, "Inventory"),
    h("p", {},
      "Every self-service client of this realm, oldest first. Revoking stops every secret of " +
        "the selected clients at once; their owners are mailed and must rotate."),
    h("form", { class: "pf-v5-c-toolbar", onsubmit: search },
      h("div", { class: "pf-v5-c-toolbar__content" },
        h("div", { class: "pf-v5-c-toolbar__content-section oauth2-clients-bar" },
          field("Owner", owner, "16em"),
          field("Unused for days", idleDays, "9em"),
          h("div", { class: "pf-v5-c-toolbar__item pf-v5-c-check" }, neverExpires,
            h("label", { class: "pf-v5-c-check__label", for: neverExpires.id },
              "Secret never expires")),
          field("Per page", perPage, "6em"),
          h("div", { class: "pf-v5-c-toolbar__item" },
            button("primary", "inventory-search", "Search", null, "submit"))))),
    // The action on the selection on the left, the pager on the right, as PatternFly's tables have.
    h("div", { class: "pf-v5-c-toolbar" },
      h("div", { class: "pf-v5-c-toolbar__content" },
        h("div", { class: "pf-v5-c-toolbar__content-section oauth2-clients-actions" },
          revoke, h("span", { class: "oauth2-clients-spacer" }), range, previous, next))),
    alert,
    h("table", {
      class: "pf-v5-c-table pf-m-compact pf-m-grid-md",
      "aria-label": "Self-service clients",
    },
      h("thead", { class: "pf-v5-c-table__thead" },
        h("tr", { class: "pf-v5-c-table__tr" },
          h("th", { class: "pf-v5-c-table__th pf-v5-c-table__check" }, selectAll),
          COLUMNS.map((name) =>
            h("th", { class: "pf-v5-c-table__th pf-m-wrap", scope: "col" }, name)))),
      rows),
  );

  function showAlert(kind, text) {
    alert.replaceChildren(
      h("div", { class: `pf-v5-c-alert pf-m-inline pf-m-${kind}`, "data-testid": "inventory-alert" },
        h("p", { class: "pf-v5-c-alert__title" }, text)),
    );
  }

  function select(clientId, selected) {
    if (selected) state.selected.add(clientId);
    else state.selected.delete(clientId);
  }

  function search(event) {
    event.preventDefault();
    state.filters = {
      owner: owner.value.trim(),
      idle_days: idleDays.value.trim(),
      never_expires: neverExpires.checked ? "true" : "",
    };
    state.max = Math.min(100, Math.max(1, parseInt(perPage.value, 10) || 10));
    perPage.value = String(state.max);
    state.earlier = [];
    load(0);
  }

  // Loads the page that starts at first; answers the error's sentence, or null. Asks for one
  // more than a page: if it comes, there is a next page (the API gives no total). With
  // fine-grained admin permissions the API leaves out clients the admin may not see, so a page
  // may come short though more follow: its Link header says so, and the next page then starts
  // after every row asked for.
  async function load(first) {
    const query = new URLSearchParams({ first: String(first), max: String(state.max + 1) });
    for (const [name, value] of Object.entries(state.filters)) if (value) query.set(name, value);
    const ticket = ++loads;
    section.setAttribute("aria-busy", "true");
    let failure = null;
    try {
      const { body, link } = await callApi(realm, `?${query}`);
      if (ticket !== loads) return null;
      const more = body.length > state.max;
      Object.assign(state, {
        first,
        rows: body.slice(0, state.max),
        next: more ? first + state.max : /rel="?next"?/.test(link) ? first + state.max + 1 : null,
      });
      alert.replaceChildren();
    } catch (error) {
      if (ticket !== loads) return null;
      Object.assign(state, { rows: [], next: null });
      failure = error.message;
      showAlert("danger", failure);
    }
    // A selection is only of rows the admin sees: another page or search clears it.
    state.selected = new Set();
    section.removeAttribute("aria-busy");
    render();
    return failure;
  }

  function render() {
    rows.replaceChildren(
      ...(state.rows.length
        ? state.rows.map(renderRow)
        : [h("tr", { class: "pf-v5-c-table__tr" },
            h("td", {
              class: "pf-v5-c-table__td",
              colspan: String(COLUMNS.length + 1),
              "data-testid": "inventory-empty",
            }, "No self-service clients match."))]),
    );
    const count = state.selected.size;
    selectAll.checked = state.rows.length > 0 && count === state.rows.length;
    revoke.disabled = count === 0;
    revoke.textContent = count ? `Revoke secrets (${count})` : "Revoke secrets";
    range.textContent = state.rows.length ? `${state.first + 1} – ${state.first + state.rows.length}` : "";
    previous.disabled = state.first === 0;
    next.disabled = state.next === null;
  }

  function renderRow(client) {
    const id = client.client_id;
    const checkbox = input("checkbox", `inventory-select-${id}`, {
      "aria-label": `Select ${id}`,
      checked: state.selected.has(id),
      onchange: () => {
        select(id, checkbox.checked);
        render();
      },
    });
    return h("tr", { class: "pf-v5-c-table__tr", "data-testid": "inventory-row", "data-client-id": id },
      h("td", { class: "pf-v5-c-table__td pf-v5-c-table__check" }, checkbox),
      cell("Name", [client.client_name, client.enabled === false ? muted(" (disabled)") : null]),
      cell("Client ID", id),
      // An owner that no longer exists has no username: the id is all there is.
      cell("Owner", client.owner_username ?? muted(client.owner)),
      cell("Created", when(client.created_at, "")),
      cell("Last used", when(client.last_used_at, "Never")),
      cell("Secret expires", secretExpiry(client.client_secret_expires_at)),
      cell("Secret revoked", when(client.secret_revoked_at, "—")),
    );
  }

  // A PatternFly modal rather than window.confirm: it names the clients it is about.
  function confirmRevoke() {
    const chosen = state.rows.filter((row) => state.selected.has(row.client_id));
    const onKey = (event) => event.key === "Escape" && close();
    const close = () => {
      backdrop.remove();
      document.removeEventListener("keydown", onKey);
    };
    const onConfirm = () => {
      close();
      revokeSecrets(chosen.map((row) => row.client_id));
    };
    const cancel = button("link", "inventory-cancel", "Cancel", close);
    const backdrop = h("div", { class: "pf-v5-c-backdrop" },
      h("div", { class: "pf-v5-l-bullseye" },
        h("div", {
          class: "pf-v5-c-modal-box pf-m-sm",
          role: "dialog",
          "aria-modal": "true",
          "aria-labelledby": "inventory-confirm-title",
        },
          h("header", { class: "pf-v5-c-modal-box__header" },
            h("h1", { class: "pf-v5-c-modal-box__title", id: "inventory-confirm-title" },
              `Revoke the secrets of ${plural(chosen.length, "client")}?`)),
          h("div", { class: "pf-v5-c-modal-box__body" },
            h("p", {},
              "Every secret of these clients stops working at once, and their owners are told by " +
                "mail. This cannot be undone: an owner gets a working secret again by rotating."),
            h("ul", {}, chosen.map((row) => h("li", {}, `${row.client_name} (${row.client_id})`)))),
          h("footer", { class: "pf-v5-c-modal-box__footer" },
            button("danger", "inventory-confirm", "Revoke", onConfirm),
            cancel))));
    document.body.append(backdrop);
    document.addEventListener("keydown", onKey);
    cancel.focus(); // the safe choice first
  }

  async function revokeSecrets(clientIds) {
    revoke.disabled = true;
    let result;
    try {
      ({ body: result } = await callApi(realm, "/revoke-secrets", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ client_ids: clientIds }),
      }));
    } catch (error) {
      showAlert("danger", error.message);
      render();
      return;
    }
    const missed = clientIds.length - result.revoked.length;
    // Reloaded, so that the table shows when each secret was revoked.
    const reloadFailure = await load(state.first);
    showAlert(
      missed || reloadFailure ? "warning" : "success",
      `Revoked the secrets of ${plural(result.revoked.length, "client")}.` +
        (missed ? ` ${missed} could not be revoked (gone, or not yours to manage).` : "") +
        (reloadFailure ? ` The list could not be reloaded: ${reloadFailure}` : ""),
    );
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
