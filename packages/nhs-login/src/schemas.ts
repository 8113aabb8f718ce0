import { validationError } from "@nhskit/core";
import * as z from "zod/mini";

// zod/mini keeps browser bundles small; every check carries its own message because mini ships no locale.

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Why a redirect URI is unusable, or undefined. `noQuery` for NHS login, which forbids a query string. */
export function redirectUriProblem(value: unknown, noQuery: boolean): string | undefined {
  if (typeof value !== "string" || value === "") return "is required: the callback URL registered for your app";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${JSON.stringify(value)} is not an absolute URL`;
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    return `${JSON.stringify(value)} must use https (plain http is only for 127.0.0.1 or localhost while developing)`;
  }
  if (url.hash) return `${JSON.stringify(value)} must not contain a fragment (#...)`;
  if (noQuery && url.search) return `${JSON.stringify(value)} must not contain a query string (NHS login forbids it)`;
  if (url.username || url.password) return "must not contain a user name or password";
  return undefined;
}

const opaque = (what: string) =>
  z.string({ error: `must be a string (${what})` }).check(
    z.regex(/^[\x21-\x7e]{8,512}$/, {
      error: (issue) =>
        `${JSON.stringify(String(issue.input).slice(0, 40))} must be 8 to 512 visible ASCII characters (${what}); leave it out and nhskit makes a random one`,
    }),
  );

export const stateSchema = opaque("the state you keep to match the callback");
export const nonceSchema = opaque("the nonce you keep to check the ID token");

/** One NHS login vector of trust: identity level P0, P5 or P9, then the credential parts (Cp, Cm, Cd, Ck). */
export const VECTOR_OF_TRUST = /^P(0|5|9)\.C[pm](\.C[dk])?$/;

const scopeSchema = z.string({ error: 'must be space-separated scopes, e.g. "openid profile"' }).check(
  z.regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, {
    error: 'must be scopes separated by single spaces, e.g. "openid profile email"',
  }),
  z.refine((s) => s.split(" ").includes("openid"), { error: "must include openid (NHS login is OpenID Connect)" }),
);

/** Options for NHS login's authorization request; anything else is refused. */
export const nhsLoginAuthorizationSchema = z.strictObject(
  {
    scope: z.optional(scopeSchema),
    state: z.optional(stateSchema),
    nonce: z.optional(nonceSchema),
    redirectUri: z.optional(z.string({ error: "must be a URL string" })),
    vtr: z.optional(
      z
        .array(
          z.string({ error: 'must be a vector of trust such as "P9.Cp.Cd"' }).check(
            z.regex(VECTOR_OF_TRUST, {
              error: (issue) =>
                `${JSON.stringify(issue.input)} is not a vector of trust: P0, P5 or P9, then .Cp or .Cm, optionally .Cd or .Ck (e.g. "P9.Cp.Cd")`,
            }),
          ),
          { error: 'must be a list of vectors of trust, e.g. ["P9.Cp.Cd", "P9.Cp.Ck", "P9.Cm"]' },
        )
        .check(z.minLength(1, { error: "must hold at least one vector of trust" })),
    ),
    prompt: z.optional(z.enum(["none", "login"], { error: 'must be "none" or "login"' })),
    display: z.optional(z.enum(["page", "touch"], { error: 'must be "page" or "touch"' })),
    pkce: z.optional(z.boolean({ error: "must be true or false" })),
    assertedLoginIdentity: z.optional(
      z
        .string({ error: "must be the asserted_login_identity JWT" })
        .check(z.regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, { error: "must be a signed JWT (three base64url parts)" })),
    ),
    fidoAuthResponse: z.optional(
      z.string({ error: "must be a string" }).check(z.minLength(1, { error: "must not be empty" })),
    ),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; NHS login does not support max_age, ui_locales, id_token_hint, login_hint or acr_values`
        : "must be an object of options",
  },
);
export type NhsLoginAuthorizationOptions = z.infer<typeof nhsLoginAuthorizationSchema>;

/** Options for the platform's `/oauth2/authorize`. */
export const platformAuthorizationSchema = z.strictObject(
  {
    state: z.optional(stateSchema),
    redirectUri: z.optional(z.string({ error: "must be a URL string" })),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; the platform's /authorize takes state and redirectUri`
        : "must be an object of options",
  },
);

/** An authorization code or a refresh token: one visible-ASCII token. */
export const grantValueSchema = (what: string) =>
  z
    .string({ error: `must be a string (${what})` })
    .check(
      z.minLength(1, { error: `must not be empty (${what})` }),
      z.maxLength(4096, { error: `is too long to be ${what}` }),
      z.regex(/^[\x21-\x7e]+$/, { error: `must not contain spaces or control characters (${what})` }),
    );

export const clientIdSchema = z
  .string({ error: "is required: your app's client id" })
  .check(
    z.minLength(1, { error: "is required: your app's client id" }),
    z.regex(/^[\x21-\x7e]+$/, { error: "must not contain spaces or control characters" }),
  );

/** Parses with zod and throws core's NhsValidationError naming every problem. */
export function check<S extends z.ZodMiniType>(
  operation: string,
  schema: S,
  value: unknown,
  where: string,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(operation, result.error.issues, where);
  return result.data as z.infer<S>;
}
