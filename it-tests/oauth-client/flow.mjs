// One step of an OAuth flow done by openid-client, as an application would do it. Input on stdin
// (JSON): {step, issuer, clientId, ...}; output on stdout (JSON). The test server speaks plain
// http on loopback, which the library refuses unless told.
import * as client from "openid-client";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));

const options = { execute: [client.allowInsecureRequests] };

async function configuration(authentication) {
  return client.discovery(new URL(input.issuer), input.clientId, undefined, authentication, options);
}

async function privateKey() {
  const der = Buffer.from(input.privateKeyPkcs8, "base64");
  const algorithm =
    input.alg === "ES256" ? { name: "ECDSA", namedCurve: "P-256" } : { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  return { key: await crypto.subtle.importKey("pkcs8", der, algorithm, false, ["sign"]), kid: input.kid };
}

const steps = {
  // A public client's authorization request with PKCE (S256) and state.
  async authorize() {
    const config = await configuration(client.None());
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: input.redirectUri,
      scope: "openid",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
    });
    return { url: url.href, verifier, state };
  },
  // The callback: the code redeemed with the verifier, then the refresh token used once.
  async redeem() {
    const config = await configuration(client.None());
    const tokens = await client.authorizationCodeGrant(config, new URL(input.callbackUrl), {
      pkceCodeVerifier: input.verifier,
      expectedState: input.state,
    });
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
    return { access_token: tokens.access_token, id_token_claims: tokens.claims(), refreshed: Boolean(refreshed.access_token) };
  },
  // A key-holding client: client_credentials and refresh, each authenticated by a signed assertion.
  async keyGrants() {
    const config = await configuration(client.PrivateKeyJwt(await privateKey()));
    const tokens = await client.clientCredentialsGrant(config);
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
    return { access_token: tokens.access_token, has_refresh_token: Boolean(tokens.refresh_token), refreshed: Boolean(refreshed.access_token) };
  },
};

try {
  process.stdout.write(JSON.stringify(await steps[input.step]()));
} catch (error) {
  // An OAuth error answer is a result the test checks, not a crash.
  process.stdout.write(JSON.stringify({ error: error.error ?? error.code ?? "failed", error_description: error.error_description ?? error.message }));
}
