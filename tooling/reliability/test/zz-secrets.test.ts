import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { apiKey, basicAuth, mesh, signedJwt, userToken } from "@nhskit/auth";
import { demoApp } from "@nhskit/auth/mocks";
import { pds as pdsEntry } from "@nhskit/catalogue";
import { type AuthStrategy, createApiClient, type LogEvent, type Logger } from "@nhskit/core";
import { createPdsClient } from "@nhskit/pds";
import { createSandboxServer } from "@nhskit/sandbox";
import { describe, expect, it } from "vitest";

const SECRETS = {
  apiKey: "sk-nhskit-4b7e1c9d2a6f",
  password: "Pw-9f2c7e1b3d5a-secret",
  bearer: "Bt8s7d6f5g4h3j2k1",
  meshPassword: "mesh-pw-71e2c9a4b8",
  meshKey: "mesh-shared-5d1a9c3e7f",
};

/** A server that echoes every credential it is sent back in its error body, as careless gateways do. */
async function echoServer() {
  const server = createServer((req, res) => {
    req.resume();
    const echoed = `auth=${req.headers.authorization ?? ""} apikey=${req.headers.apikey ?? ""}`;
    res.writeHead(401, { "content-type": "application/fhir+json" });
    res.end(
      JSON.stringify({
        resourceType: "OperationOutcome",
        issue: [{ severity: "error", code: "forbidden", diagnostics: `Refused: ${echoed}` }],
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe("secret hygiene across every auth pattern", () => {
  it("no secret appears in any log line or any serialised error", async () => {
    const lines: string[] = [];
    const capture = (message: string, event: LogEvent) => lines.push(message, JSON.stringify(event));
    const logger: Logger = { debug: capture, info: capture, warn: capture, error: capture };
    const errors: unknown[] = [];
    const attempt = (p: Promise<unknown>) => p.catch((e: unknown) => errors.push(e));

    const echo = await echoServer();
    const sandbox = await createSandboxServer({ requireAccessToken: true });
    const closed = await echoServer();
    await closed.close(); // a port with nothing behind it: network errors
    try {
      const strategies: Record<string, AuthStrategy> = {
        apiKey: apiKey({ key: SECRETS.apiKey }),
        basic: basicAuth({ username: "demo-user", password: SECRETS.password }),
        bearer: userToken({ getAccessToken: () => SECRETS.bearer }),
        mesh: mesh({ mailboxId: "X26ABC1", password: SECRETS.meshPassword, sharedKey: SECRETS.meshKey }),
      };
      for (const auth of Object.values(strategies)) {
        for (const base of [echo.url, closed.url]) {
          const client = createApiClient<Record<string, never>>({
            api: pdsEntry,
            baseUrl: base,
            auth,
            logger,
            retry: { maxAttempts: 2, baseDelayMs: 1 },
          });
          await attempt((client.GET as unknown as (p: string) => Promise<unknown>)("/Patient/9000000009"));
        }
      }

      // Signed JWT through the sandbox's real token endpoint: a good call, then refused tokens.
      const jwt = signedJwt({
        apiKey: demoApp.apiKey,
        privateKey: demoApp.privateKeyPem,
        kid: demoApp.kid,
        tokenUrl: `${sandbox.url}/oauth2/token`,
      });
      const pds = createPdsClient({ baseUrl: `${sandbox.url}/personal-demographics/FHIR/R4`, auth: jwt, logger });
      await pds.getPatient("9000000009");
      sandbox.tokenEndpoint.revokeAccessTokens();
      const timer = setInterval(() => sandbox.tokenEndpoint.revokeAccessTokens(), 1);
      await Promise.all(Array.from({ length: 5 }, () => attempt(pds.getPatient("9000000009"))));
      clearInterval(timer);
      const wrongKey = signedJwt({
        apiKey: SECRETS.apiKey,
        privateKey: demoApp.privateKeyPem,
        kid: demoApp.kid,
        tokenUrl: `${sandbox.url}/oauth2/token`,
      });
      await attempt(
        createPdsClient({ baseUrl: `${sandbox.url}/personal-demographics/FHIR/R4`, auth: wrongKey, logger }).getPatient(
          "9000000009",
        ),
      );

      const accessTokens = sandbox.tokenEndpoint
        .tokenRequests()
        .map((r) => r.accessToken)
        .filter((t): t is string => typeof t === "string");
      const keyBody = demoApp.privateKeyPem.split("\n").filter((l) => l.length > 40)[1]!;
      const secrets = [...Object.values(SECRETS), ...accessTokens, keyBody, btoa(`demo-user:${SECRETS.password}`)];

      const serialised = errors.flatMap((e) => {
        const err = e as Error & { cause?: unknown };
        return [err.message, err.stack ?? "", String(err.cause ?? ""), JSON.stringify(err)];
      });
      const everything = [...lines, ...serialised].join("\n");
      console.log(`scanned ${lines.length / 2} log lines and ${errors.length} errors for ${secrets.length} secrets`);
      expect(errors.length).toBeGreaterThanOrEqual(10);
      expect(lines.length).toBeGreaterThan(20);
      for (const secret of secrets)
        expect(everything.includes(secret), `secret ${secret.slice(0, 4)}… leaked`).toBe(false);
    } finally {
      await echo.close();
      await sandbox.close();
    }
  });
});
