import { createHmac, timingSafeEqual } from "node:crypto";
import { pds } from "@nhskit/catalogue";
import { type ApiClientOptions, type AuthStrategy, createApiClient } from "@nhskit/core";
import { anyOrigin, fhirResponse } from "@nhskit/mock-kit";
import { createMockServer, type MockServer } from "@nhskit/mock-kit/server";
import { HttpResponse, http, type RequestHandler } from "msw";
import {
  createTokenEndpoint,
  requireAccessToken,
  type TokenEndpoint,
  type TokenEndpointOptions,
} from "../../src/mocks/index.js";
import { captured, captureLogger } from "./capture.js";
import { SECRETS, testKeys } from "./keys.js";

export const PDS_BASE = "/personal-demographics/FHIR/R4";

/** What the test APIs saw: one entry per API request (token requests are in the endpoint's own log). */
export interface SeenCall {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
}

export interface TestSandbox {
  readonly url: string;
  readonly server: MockServer;
  readonly endpoint: TokenEndpoint;
  readonly tokenUrl: string;
  readonly seen: SeenCall[];
  /** Answer the next `n` PDS calls with 401 even when the token is valid (a token revoked upstream). */
  reject401(n: number): void;
  /** Answer the next `n` MESH calls with 503. */
  mesh503(n: number): void;
  close(): Promise<void>;
}

export const MESH_MAILBOXES: Record<string, string> = { X26ABC1: SECRETS.meshPassword };

/** The MESH sandbox's header check, written here independently of src/mesh.ts. */
function checkMeshHeader(header: string | null, mailboxInPath: string): string | undefined {
  if (!header?.startsWith("NHSMESH ")) return "Error reading from Authorization header";
  const parts = header.slice("NHSMESH ".length).split(":");
  if (parts.length !== 5) return "Error reading from Authorization header";
  const [mailbox, nonce, count, timestamp, hash] = parts as [string, string, string, string, string];
  if (!/^\d+$/.test(count)) return "Error reading from Authorization header";
  if (mailbox.toUpperCase() !== mailboxInPath.toUpperCase()) return "Mailbox id does not match token";
  const password = MESH_MAILBOXES[mailbox.toUpperCase()];
  if (password === undefined) return "No mailbox matched";
  const expected = createHmac("sha256", SECRETS.meshSharedKey)
    .update(`${mailbox}:${nonce}:${count}:${password}:${timestamp}`)
    .digest("hex");
  const given = Buffer.from(hash.toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    return "Invalid Authentication Token";
  }
  return undefined;
}

/** The small APIs the strategies are tried against, one per auth pattern. */
function apiHandlers(state: { reject401: number; mesh503: number }): RequestHandler[] {
  return [
    http.get(anyOrigin(PDS_BASE, "/Patient/:id"), ({ request, params }) => {
      if (state.reject401 > 0) {
        state.reject401 -= 1;
        return fhirResponse(
          request,
          {
            resourceType: "OperationOutcome",
            issue: [{ severity: "error", code: "forbidden", diagnostics: "Invalid Access Token" }],
          },
          { status: 401 },
        );
      }
      return fhirResponse(request, { resourceType: "Patient", id: String(params.id) });
    }),
    http.get(anyOrigin("/ods-ord/ORD/2-0-0", "/organisations/:id"), ({ params }) =>
      HttpResponse.json({ Organisation: { Name: "TEST ORGANISATION", OrgId: { extension: String(params.id) } } }),
    ),
    http.get(anyOrigin("/dos", "/byServiceId/:id"), ({ request, params }) => {
      const expected = `Basic ${Buffer.from(`${SECRETS.basicUser}:${SECRETS.basicPassword}`).toString("base64")}`;
      if (request.headers.get("authorization") !== expected) {
        return HttpResponse.json(
          { error: { code: 401, message: "Unauthorized: You are not authorized to access this resource." } },
          { status: 401 },
        );
      }
      return HttpResponse.json({
        success: { serviceCount: 1, services: [{ id: Number(params.id), name: "Test service" }] },
      });
    }),
    http.get(anyOrigin("/nhs-website-content", "/conditions/:slug"), ({ request, params }) => {
      if (request.headers.get("apikey") !== SECRETS.plainApiKey) {
        return HttpResponse.json(
          { fault: { faultstring: "Invalid ApiKey", detail: { errorcode: "oauth.v2.InvalidApiKey" } } },
          { status: 401 },
        );
      }
      return HttpResponse.json({ name: String(params.slug), "@type": "MedicalWebPage" });
    }),
    meshInboxHandler(state),
  ];
}

/** `GET <base>/messageexchange/{mailbox}/inbox` behind the MESH sandbox's header check. */
export function meshInboxHandler(state: { mesh503: number } = { mesh503: 0 }): RequestHandler {
  return http.get("*/messageexchange/:mailbox/inbox", ({ request, params }) => {
    if (state.mesh503 > 0) {
      state.mesh503 -= 1;
      return new HttpResponse(null, { status: 503 });
    }
    const problem = checkMeshHeader(request.headers.get("authorization"), String(params.mailbox));
    if (problem) return HttpResponse.json({ errorCode: "403", errorDescription: problem }, { status: 403 });
    return HttpResponse.json({ messages: ["20240102030405678_ABCDEF"] });
  });
}

/** A real HTTP server on 127.0.0.1: the token endpoint, a token check for PDS, and the test APIs. */
export async function startSandbox(options: TokenEndpointOptions = {}): Promise<TestSandbox> {
  const { app } = testKeys();
  const endpoint = createTokenEndpoint({
    apps: [{ apiKey: SECRETS.apiKey, jwks: app.jwks, clientSecret: SECRETS.clientSecret }],
    ...options,
  });
  captured.endpoints.push(endpoint);
  const seen: SeenCall[] = [];
  const state = { reject401: 0, mesh503: 0 };
  const recorder = http.all("*", ({ request }) => {
    const path = new URL(request.url).pathname;
    if (!path.startsWith("/oauth2/")) {
      seen.push({ method: request.method, path, headers: Object.fromEntries(request.headers) });
    }
    return undefined;
  });
  const server = await createMockServer({
    handlers: [
      recorder,
      ...endpoint.handlers,
      requireAccessToken(endpoint, { basePaths: [PDS_BASE] }),
      ...apiHandlers(state),
    ],
  });
  return {
    url: server.url,
    server,
    endpoint,
    tokenUrl: `${server.url}/oauth2/token`,
    seen,
    reject401: (n) => {
      state.reject401 = n;
    },
    mesh503: (n) => {
      state.mesh503 = n;
    },
    close: () => server.close(),
  };
}

type PdsPaths = {
  "/Patient/{id}": {
    get: {
      parameters: { path: { id: string } };
      responses: { 200: { content: { "application/fhir+json": { resourceType: string; id: string } } } };
    };
  };
};

/** A core client for the sandbox's PDS path, logging into the capture. */
export function pdsClient(sandbox: TestSandbox, auth: AuthStrategy, extra: Partial<ApiClientOptions> = {}) {
  return createApiClient<PdsPaths>({
    api: pds,
    baseUrl: `${sandbox.url}${PDS_BASE}`,
    auth,
    logger: captureLogger,
    random: () => 0,
    ...extra,
  });
}

export const getPatient = (client: ReturnType<typeof pdsClient>, id = "9000000009") =>
  client.GET("/Patient/{id}", { params: { path: { id } } });
