import type { TokenEndpoint } from "@nhskit/auth/mocks";
import { nhsLogin } from "@nhskit/catalogue";
import { anyOrigin, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import {
  CIS2_TEST_USERS,
  type Cis2TestUser,
  NHS_LOGIN_TEST_USERS,
  type NhsLoginTestUser,
  type PlatformAppRegistration,
} from "./fixtures.js";
import { signInPage } from "./page.js";
import { decodeJwt, formOf, opaqueToken, originOf, platformError, prune, redirect, withQuery } from "./util.js";

/** The platform's OAuth server path, `/oauth2`. */
export const PLATFORM_BASE_PATH = sandboxBasePath(nhsLogin);

/** Access tokens: 600 s, reported as "599". */
const ACCESS_SECONDS = 599;
/** Combined-auth refresh windows (sandbox fact 26). */
export const REFRESH_WINDOW_SECONDS = { "nhs-login": 3599, cis2: 43199 } as const;
/** How long an authorization code or a sign-in in progress stays usable (nhskit's choice; not documented). */
const CODE_MS = 10 * 60 * 1000;

export const USERINFO_COMBINED_AUTH_ONLY =
  "The Userinfo endpoint is only supported for Combined Auth integrations. Currently this is only for NHS CIS2 authentications - for more guidance see https://digital.nhs.uk/developer/guides-and-documentation/security-and-authorisation/user-restricted-restful-apis-nhs-cis2-combined-authentication-and-authorisation";

type Provider = "nhs-login" | "cis2";
type SignedInUser = { provider: "nhs-login"; user: NhsLoginTestUser } | { provider: "cis2"; user: Cis2TestUser };

interface PendingSession {
  readonly apiKey: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly expiresAt: number;
  /** Set once the user picked a test user on the mock identity provider's page. */
  idpCode?: string;
  signedIn?: SignedInUser;
}

interface Grant {
  readonly apiKey: string;
  readonly who: SignedInUser;
  /** Session id, for back-channel logout. */
  readonly sid: string;
}

export interface PlatformMockContext {
  readonly now: () => number;
  readonly apps: Map<string, PlatformAppRegistration>;
  readonly statusApiKey: string;
  readonly tokenEndpoint: Pick<TokenEndpoint, "isValidAccessToken"> | undefined;
}

/** What the platform mock keeps, for tests that need to look behind the HTTP surface. */
export interface PlatformMockState {
  /** The session id (`sid`) behind an access token this mock issued. */
  sessionOf(accessToken: string): string | undefined;
  reset(): void;
}

function userFor(value: string | null): SignedInUser | undefined {
  const patient = NHS_LOGIN_TEST_USERS.find((u) => u.nhsNumber === value);
  if (patient) return { provider: "nhs-login", user: patient };
  const worker = CIS2_TEST_USERS.find((u) => u.uid === value);
  return worker ? { provider: "cis2", user: worker } : undefined;
}

/** Handlers for the platform's `/oauth2` besides what @nhskit/auth's token endpoint answers. */
export function platformHandlers(ctx: PlatformMockContext): { handlers: RequestHandler[]; state: PlatformMockState } {
  const { now } = ctx;
  const sessions = new Map<string, PendingSession>();
  const codes = new Map<string, Grant & { redirectUri: string; expiresAt: number }>();
  const access = new Map<string, Grant & { expiresAt: number }>();
  const refresh = new Map<string, Grant & { windowEndsAt: number; count: number; expiresAt: number }>();
  const at = (path: string) => anyOrigin(PLATFORM_BASE_PATH, path);
  const base = (request: Request) => `${originOf(request)}${PLATFORM_BASE_PATH}`;

  /** Any failure inside a handler is the platform's unknown_error, never a crash of the server. */
  const safe =
    <A extends { request: Request }>(fn: (args: A) => Promise<Response | undefined> | Response | undefined) =>
    async (args: A) => {
      try {
        return await fn(args);
      } catch {
        const id = crypto.randomUUID();
        return HttpResponse.json(
          {
            error: "unknown_error",
            error_description: `An unknown error occurred processing this request. Contact us for assistance diagnosing this issue: https://digital.nhs.uk/developer/help-and-support quoting Message ID ${id}`,
            message_id: id,
          },
          { status: 500 },
        );
      }
    };

  function issue(grant: Grant, windowEndsAt: number, count: number) {
    const t = now();
    prune(access, t);
    prune(refresh, t);
    const accessToken = opaqueToken();
    access.set(accessToken, { ...grant, expiresAt: t + ACCESS_SECONDS * 1000 });
    const refreshToken = opaqueToken(32);
    refresh.set(refreshToken, { ...grant, windowEndsAt, count, expiresAt: windowEndsAt });
    return {
      access_token: accessToken,
      expires_in: String(ACCESS_SECONDS),
      refresh_token: refreshToken,
      refresh_token_expires_in: String(Math.max(0, Math.floor((windowEndsAt - t) / 1000))),
      refresh_count: String(count),
      token_type: "Bearer",
    };
  }

  const tokenAnswer = (body: object) =>
    HttpResponse.json(body, { status: 200, headers: { "Cache-Control": "no-store", Pragma: "no-cache" } });

  /** The client id and secret checks of the code and refresh grants (sandbox fact 23). */
  function client(form: URLSearchParams): PlatformAppRegistration | Response {
    const app = ctx.apps.get(form.get("client_id") ?? "");
    if (!app) return platformError(401, "invalid_client", "client_id or client_secret is invalid");
    const secret = form.get("client_secret");
    if (secret === null || secret === "") return platformError(401, "invalid_request", "client_secret is missing");
    if (secret !== app.clientSecret)
      return platformError(401, "invalid_client", "client_id or client_secret is invalid");
    return app;
  }

  const handlers: RequestHandler[] = [
    // Runs BEFORE @nhskit/auth's token endpoint: answers the authorization_code grant, and refresh_token for
    // refresh tokens this mock issued; anything else falls through (undefined) to the next handler.
    http.post(
      at("/token"),
      safe(async ({ request }) => {
        const form = await formOf(request);
        if (!form || form.get("subject_token_type") !== null) return undefined;
        const grant = form.get("grant_type");
        if (grant === "refresh_token") {
          const presented = form.get("refresh_token");
          const entry = presented ? refresh.get(presented) : undefined;
          if (!presented || !entry) return undefined; // not ours: @nhskit/auth's endpoint answers
          const app = client(form);
          if (app instanceof Response) return app;
          if (entry.apiKey !== app.apiKey) return platformError(401, "invalid_grant", "refresh_token is invalid");
          refresh.delete(presented);
          if (now() >= entry.windowEndsAt) {
            return platformError(401, "invalid_grant", "refresh token refresh period has expired");
          }
          return tokenAnswer(issue(entry, entry.windowEndsAt, entry.count + 1));
        }
        if (grant !== "authorization_code") return undefined;
        const app = client(form);
        if (app instanceof Response) return app;
        const redirectUri = form.get("redirect_uri");
        if (!redirectUri) return platformError(400, "invalid_request", "redirect_uri is missing");
        if (!app.redirectUris.includes(redirectUri))
          return platformError(400, "invalid_request", "redirect_uri is invalid");
        const code = form.get("code");
        if (!code) return platformError(400, "invalid_request", "authorization_code is missing");
        const entry = codes.get(code);
        codes.delete(code); // single use, even when refused
        if (!entry || entry.apiKey !== app.apiKey || entry.redirectUri !== redirectUri || now() >= entry.expiresAt) {
          return platformError(400, "invalid_grant", "authorization_code is invalid");
        }
        const window = REFRESH_WINDOW_SECONDS[entry.who.provider];
        return tokenAnswer(issue(entry, now() + window * 1000, 0));
      }),
    ),

    http.all(
      at("/authorize"),
      safe(({ request }) => {
        if (request.method !== "GET") {
          return platformError(405, "invalid_request", "Method not allowed: use GET", { Allow: "GET" });
        }
        const q = new URL(request.url).searchParams;
        const clientId = q.get("client_id");
        if (!clientId) return platformError(400, "invalid_request", "client_id is missing");
        const app = ctx.apps.get(clientId);
        if (!app) return platformError(401, "invalid_client", "client_id is invalid");
        const redirectUri = q.get("redirect_uri");
        if (!redirectUri) return platformError(400, "invalid_request", "redirect_uri is missing");
        if (!app.redirectUris.includes(redirectUri))
          return platformError(400, "invalid_request", "redirect_uri is invalid");
        const state = q.get("state");
        if (!state) {
          return redirect(withQuery(redirectUri, { error: "invalid_request", error_description: "state is missing" }));
        }
        if (q.get("response_type") !== "code") {
          return redirect(
            withQuery(redirectUri, {
              error: "unsupported_response_type",
              error_description: "response_type is invalid",
              state,
            }),
          );
        }
        prune(sessions, now());
        const session = opaqueToken(24);
        sessions.set(session, { apiKey: app.apiKey, redirectUri, state, expiresAt: now() + CODE_MS });
        // The platform hands the browser to the identity provider; here, nhskit's stand-in sign-in page.
        return redirect(`${base(request)}/mock-idp/login?session=${session}`);
      }),
    ),

    // nhskit only: the stand-in for NHS CIS2 and NHS login behind the platform. Lists fact 28's test users.
    http.all(
      at("/mock-idp/login"),
      safe(async ({ request }) => {
        const url = new URL(request.url);
        const form = request.method === "POST" ? await formOf(request) : undefined;
        const id = form?.get("session") ?? url.searchParams.get("session") ?? "";
        const session = sessions.get(id);
        if (!session || now() >= session.expiresAt) {
          return platformError(400, "invalid_request", "This sign-in has expired or does not exist: start again");
        }
        if (request.method === "POST") {
          const who = userFor(form?.get("user") ?? null);
          if (!who) return platformError(400, "invalid_request", "Pick one of the listed test users");
          session.idpCode = opaqueToken(24);
          session.signedIn = who;
          return redirect(withQuery(`${base(request)}/callback`, { code: session.idpCode, state: id }));
        }
        return signInPage({
          title: "Sign in (mock NHS CIS2 / NHS login)",
          intro:
            "The API platform would now send you to NHS CIS2 or NHS login. Pick a test user to continue; the platform then returns you to the application.",
          action: url.pathname,
          hidden: { session: id },
          groups: [
            {
              heading: "NHS login (patients)",
              users: NHS_LOGIN_TEST_USERS.map((u) => ({
                value: u.nhsNumber,
                label: `${u.givenName} ${u.familyName}`,
                detail: `NHS number ${u.nhsNumber}, identity level ${u.level}`,
              })),
            },
            {
              heading: "NHS CIS2 (healthcare workers)",
              users: CIS2_TEST_USERS.map((u) => ({
                value: u.uid,
                label: `${u.givenName} ${u.familyName}`,
                detail: `CIS2 user ${u.uid}, ${u.aal}, ${u.roleName}`,
              })),
            },
          ],
        });
      }),
    ),

    http.get(
      at("/callback"),
      safe(({ request }) => {
        const q = new URL(request.url).searchParams;
        const id = q.get("state") ?? "";
        const session = sessions.get(id);
        if (!session?.signedIn || !session.idpCode || q.get("code") !== session.idpCode) {
          return platformError(
            400,
            "invalid_request",
            "The identity provider's callback does not match a sign-in in progress",
          );
        }
        sessions.delete(id);
        prune(codes, now());
        const code = opaqueToken(32);
        codes.set(code, {
          apiKey: session.apiKey,
          who: session.signedIn,
          sid: crypto.randomUUID(),
          redirectUri: session.redirectUri,
          expiresAt: now() + CODE_MS,
        });
        return redirect(withQuery(session.redirectUri, { code, state: session.state }));
      }),
    ),

    http.get(
      at("/userinfo"),
      safe(({ request }) => {
        const token = /^Bearer ([\x21-\x7e]+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
        const entry = token ? access.get(token) : undefined;
        if (entry && now() < entry.expiresAt) {
          if (entry.who.provider !== "cis2") return platformError(400, "invalid_request", USERINFO_COMBINED_AUTH_ONLY);
          const u = entry.who.user;
          return HttpResponse.json({
            sub: u.uid,
            nhsid_useruid: u.uid,
            name: `${u.givenName} ${u.familyName}`,
            given_name: u.givenName,
            family_name: u.familyName,
            nhsid_nrbac_roles: [
              {
                person_orgid: `${u.uid}01`,
                person_roleid: u.roleId,
                org_code: u.orgCode,
                role_name: u.roleName,
                role_code: "S0000:G0000:R0000",
              },
            ],
          });
        }
        // A token from the client-credentials or token-exchange grants: valid, but not combined auth.
        if (token && ctx.tokenEndpoint?.isValidAccessToken(token)) {
          return platformError(400, "invalid_request", USERINFO_COMBINED_AUTH_ONLY);
        }
        return platformError(401, "invalid_request", "Access token is missing or invalid");
      }),
    ),

    http.get(at("/_ping"), () =>
      HttpResponse.json({ ping: "pong", service: "identity-service", _version: "nhskit-mock" }),
    ),

    http.get(at("/_status"), ({ request }) => {
      if (request.headers.get("apikey") !== ctx.statusApiKey) {
        return HttpResponse.json(
          { error: "Access Denied", error_description: "Invalid api key for _status monitoring endpoint" },
          { status: 401 },
        );
      }
      return HttpResponse.json({ status: "pass", service: "identity-service", checks: {} });
    }),

    // NHS CIS2 calls this (from an allow-listed address) when a user signs out: their access tokens stop working.
    http.post(
      at("/backchannel_logout"),
      safe(async ({ request }) => {
        const form = await formOf(request);
        const decoded = decodeJwt(form?.get("logout_token") ?? "");
        const sid = decoded?.payload.sid;
        if (typeof sid !== "string" || sid === "") {
          return platformError(400, "invalid_request", "Missing or invalid logout_token");
        }
        for (const [token, entry] of access) if (entry.sid === sid) access.delete(token);
        for (const [token, entry] of refresh) if (entry.sid === sid) refresh.delete(token);
        return new HttpResponse(null, { status: 200 });
      }),
    ),

    // Anything else under /oauth2 is unknown (sandbox fact 4); /token is left for the token endpoint.
    http.all(at("/*"), ({ request }) => {
      if (new URL(request.url).pathname.endsWith(`${PLATFORM_BASE_PATH}/token`)) return undefined;
      return platformError(404, "invalid_request", "Not Found");
    }),
  ];

  return {
    handlers,
    state: {
      sessionOf: (token) => access.get(token)?.sid,
      reset() {
        sessions.clear();
        codes.clear();
        access.clear();
        refresh.clear();
      },
    },
  };
}

export type { Provider };
