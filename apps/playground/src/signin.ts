import { demoApp } from "@nhskit/auth/mocks";
import { createIdentityServiceClient } from "@nhskit/nhs-login";
import { h, jsonTree } from "./dom.js";

const CALLBACK = "/callback";
const MESSAGE = "nhskit-signin-callback";

/**
 * The sign-in popup lands on /callback: it hands its URL (code and state) to the playground that opened it
 * and closes. Nothing is stored anywhere: the playground keeps the state in memory and checks it.
 */
export function handleCallbackPage(): boolean {
  if (location.pathname !== CALLBACK) return false;
  const opener = window.opener as Window | null;
  if (opener) opener.postMessage({ type: MESSAGE, url: location.href }, location.origin);
  document.getElementById("app")?.replaceChildren(h("p", {}, "Signed in. You can close this window."));
  window.close();
  return true;
}

const mask = (token: string) =>
  token.length > 8 ? `${token.slice(0, 4)}…${token.slice(-2)} (${token.length} characters)` : "…";

/**
 * Combined authentication (CIS2 or NHS login through the platform's /oauth2) against the local sandbox:
 * authorize in a popup, sign in as a test user, exchange the code, read userinfo. Uses the TEST-ONLY demo
 * app, whose secret is public and worthless anywhere real.
 */
export function signInPanel(oauth2BaseUrl: string): HTMLElement {
  const output = h("div", { "data-testid": "signin-result" });
  const run = async () => {
    const client = createIdentityServiceClient({
      baseUrl: oauth2BaseUrl,
      clientId: demoApp.apiKey,
      clientSecret: demoApp.clientSecret,
      redirectUri: `${location.origin}${CALLBACK}`,
    });
    const { url, state } = client.authorizationUrl();
    const popup = window.open(url, "nhskit-signin", "width=560,height=700");
    if (!popup) {
      output.replaceChildren(
        h("p", { class: "error" }, "The browser blocked the sign-in window: allow pop-ups for this page."),
      );
      return;
    }
    output.replaceChildren(h("p", { class: "muted" }, "Sign in as a test user in the new window…"));
    const callbackUrl = await new Promise<string>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if (event.origin !== location.origin || event.data?.type !== MESSAGE) return;
        window.removeEventListener("message", onMessage);
        resolve(String(event.data.url));
      };
      window.addEventListener("message", onMessage);
    });
    try {
      const callback = client.parseCallback(callbackUrl, { state });
      if (callback.kind !== "code")
        throw new Error(`The sign-in was refused: ${callback.error} ${callback.errorDescription ?? ""}`);
      const tokens = await client.exchangeCode(callback.code);
      // The platform's userinfo answers for CIS2 sign-ins only; for NHS login it says so, which is shown as is.
      const info = await client.userInfo(tokens.accessToken).then(
        (r) => jsonTree(r.userInfo),
        (e: unknown) => h("p", { class: "muted" }, String((e as Error).message)),
      );
      output.replaceChildren(
        h("p", { "data-testid": "signin-status" }, "Signed in: state checked, code exchanged."),
        h(
          "p",
          {},
          h("strong", {}, "Access token: "),
          mask(tokens.accessToken),
          " (masked; kept in memory for this page only)",
        ),
        h("h4", {}, "userinfo"),
        info,
      );
    } catch (error) {
      output.replaceChildren(
        h("p", { class: "error", "data-testid": "signin-error" }, String((error as Error).message)),
      );
    }
  };
  return h(
    "fieldset",
    { class: "signin" },
    h("legend", {}, "Sign-in flow (CIS2 / NHS login through the platform)"),
    h(
      "p",
      { class: "muted" },
      "Runs the authorization-code redirect against the local sandbox's login page with test users and the TEST-ONLY demo app.",
    ),
    h("button", { type: "button", "data-testid": "signin", onclick: () => void run() }, "Sign in with a test user"),
    output,
  );
}
