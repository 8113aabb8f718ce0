import { createTokenEndpoint } from "@nhskit/auth/mocks";
import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as combined from "../examples/combined-auth.js";
import { handleErrors } from "../examples/errors.js";
import * as direct from "../examples/nhs-login-sign-in.js";
import { exchangeForPlatformToken } from "../examples/token-exchange.js";
import { checkIdToken } from "../examples/verify-id-token.js";
import { nhsLoginHandlers } from "../src/mocks/index.js";
import { signInThroughNhsLogin, signInThroughPlatform } from "./support/browser.js";

// The examples call the hosted sandbox and NHS login's sandpit; msw answers in-process with the same mocks the
// local sandbox serves, in the order it must serve them, so nothing leaves the machine.
const tokenEndpoint = createTokenEndpoint();
const server = setupServer(...nhsLoginHandlers({ tokenEndpoint }), ...tokenEndpoint.handlers);
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(() => server.close());

/** A real ID token from a sign-in through the NHS login mock. */
async function signedInWithNhsLogin() {
  const { redirectTo, pending } = await direct.startSignIn();
  const result = await direct.finishSignIn(await signInThroughNhsLogin(redirectTo, "9912003071"), pending);
  if (!result) throw new Error("sign-in failed");
  return { result, pending };
}

describe("README examples", () => {
  it("appear in the README exactly as in examples/", () => {
    const { total, missing } = examplesMissingFromReadme(
      new URL("../README.md", import.meta.url),
      new URL("../examples/", import.meta.url),
    );
    expect(total).toBeGreaterThanOrEqual(5);
    expect(missing).toEqual([]);
  });

  it("NHS login sign-in", async () => {
    const { result } = await signedInWithNhsLogin();
    expect(result.claims.nhs_number).toBe("9912003071");
  });

  it("combined authentication", async () => {
    const { redirectTo, state } = combined.startSignIn();
    const renewed = await combined.finishSignIn(await signInThroughPlatform(redirectTo, "656005750104"), state);
    expect(renewed.refreshCount).toBe(1);
  });

  it("token exchange", async () => {
    const { result } = await signedInWithNhsLogin();
    const { tokens, auth } = await exchangeForPlatformToken(result.tokens.idToken as string);
    expect(tokenEndpoint.isValidAccessToken(tokens.accessToken)).toBe(true);
    expect(auth.kind).toBe("user-token");
  });

  it("verify an ID token", async () => {
    const { result, pending } = await signedInWithNhsLogin();
    const idToken = result.tokens.idToken as string;
    expect(await checkIdToken(idToken, pending.nonce)).toEqual({ ok: true, nhsNumber: "9912003071" });
    expect(await checkIdToken(idToken, "another-sign-in-nonce")).toEqual({ ok: false, reason: "nonce" });
  });

  it("errors", async () => {
    const seen = await handleErrors();
    expect(seen[0]).toMatch(/must not contain spaces/);
    expect(seen[1]).toBe("400 invalid_grant: authorization_code is invalid");
  });
});
