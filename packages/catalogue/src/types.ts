/** Where a client sends its calls. `local` is the nhskit sandbox (`pnpm sandbox`). */
export type Environment = "local" | "sandbox" | "dep" | "uat" | "int" | "prod";

/** Every environment name nhskit knows, in the order a developer usually meets them. */
export const ENVIRONMENTS: readonly Environment[] = ["local", "sandbox", "dep", "uat", "int", "prod"];

/**
 * How a caller authenticates. One API may accept several (PDS: signed JWT for systems, CIS2 for
 * healthcare workers, NHS login for patients).
 */
export type AuthPattern =
  | "open-access"
  | "basic"
  | "api-key"
  | "signed-jwt"
  | "cis2"
  | "nhs-login"
  | "mesh"
  | "spine-secure-proxy";

/**
 * `provisional`: nhskit's own model of an API whose interface is not published; expect it to change.
 * `in-development`: NHS England lists it but says it is not finished.
 */
export type ApiStatus = "live" | "beta" | "in-development" | "deprecated" | "retired" | "provisional";

export type BaseUrls = Partial<Record<Environment, string>>;

/** One OpenAPI document of an API. Most APIs have one; NRL, EPS and GP Connect have several. */
export interface ApiDocument {
  /** `default` for the primary document. */
  readonly name: string;
  readonly title: string;
  /** File in the package folder, e.g. `openapi.json` or `openapi.producer.json`. */
  readonly specFile: string;
  /** Base URL per environment. An environment that is missing is not offered by NHS England. */
  readonly baseUrls: BaseUrls;
  /** The function the API's package exports to create a client for this document. */
  readonly clientFactory: `create${string}Client`;
}

/**
 * A request-rate limit NHS England publishes for an API. Clients in `@nhskit/core` pace themselves to it by
 * default in the NHS environments (not `local`).
 */
export interface RateLimitFact {
  /** Requests a second a client starts at most. */
  readonly perSecond: number;
  /** Where the figure comes from and what it covers, in one sentence. */
  readonly note: string;
  /** Environments whose published figure differs from `perSecond`. */
  readonly environments?: Partial<Record<Environment, number>>;
}

export interface ApiEntry {
  readonly id: string;
  readonly name: string;
  /** npm package of the nhskit client. */
  readonly packageName: `@nhskit/${string}`;
  readonly docsUrl: string;
  readonly status: ApiStatus;
  /** Why the status is what it is, in one sentence (dates, successor). */
  readonly statusNote?: string;
  /** Catalogue id or name of the API that replaces this one. */
  readonly successor?: string;
  readonly auth: readonly AuthPattern[];
  readonly fhirVersion?: "R4" | "STU3" | "R4 and STU3";
  /** True when NHS England runs a hosted sandbox for this API. */
  readonly hostedSandbox: boolean;
  /** `upstream`: derived from NHS England's published OpenAPI; `hand-written`: written by nhskit from public facts. */
  readonly specSource: "upstream" | "hand-written";
  readonly tags: readonly string[];
  /** The published rate limit; absent when NHS England publishes none for this API. */
  readonly rateLimit?: RateLimitFact;
  readonly documents: readonly [ApiDocument, ...ApiDocument[]];
}
