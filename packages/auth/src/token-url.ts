import { type Environment, nhsLogin, resolveBaseUrl } from "@nhskit/catalogue";
import { NhsValidationError } from "@nhskit/core";

/** Where the token URL comes from: a catalogue environment, or an explicit URL (which wins). */
export interface TokenUrlOptions {
  /** `local` (the nhskit sandbox), `sandbox`, `int` or `prod`. */
  environment?: Environment;
  /** The exact token URL, e.g. `https://int.api.service.nhs.uk/oauth2/token`. Wins over `environment`. */
  tokenUrl?: string | URL;
}

/** The platform's token URL for an environment, from the catalogue: `<origin>/oauth2/token`. */
export function platformTokenUrl(environment: Environment): string {
  return `${resolveBaseUrl(nhsLogin, { environment })}/token`;
}

/**
 * The token URL a strategy posts to. It is also the client assertion's `aud`, which the platform compares
 * with the URL it was called on character for character, so it is used exactly as given (no trailing slash).
 */
export function resolveTokenUrl(operation: string, options: TokenUrlOptions): string {
  if (options.tokenUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(String(options.tokenUrl));
    } catch {
      throw new NhsValidationError(operation, [
        { path: "tokenUrl", message: "must be an absolute URL such as https://int.api.service.nhs.uk/oauth2/token" },
      ]);
    }
    const problems: string[] = [];
    if (url.protocol !== "https:" && url.protocol !== "http:")
      problems.push("must use https (or http for a local sandbox)");
    if (url.username || url.password) problems.push("must not contain a user name or password");
    if (url.search || url.hash) problems.push("must not contain a query string or fragment");
    if (problems.length)
      throw new NhsValidationError(
        operation,
        problems.map((message) => ({ path: "tokenUrl", message })),
      );
    return url.href.replace(/\/+$/, "");
  }
  if (options.environment === undefined) {
    throw new NhsValidationError(operation, [
      {
        path: "environment",
        message:
          'pass environment ("local", "sandbox", "int" or "prod") or tokenUrl, so nhskit knows where to get tokens',
      },
    ]);
  }
  try {
    return platformTokenUrl(options.environment);
  } catch (error) {
    throw new NhsValidationError(operation, [
      { path: "environment", message: error instanceof Error ? error.message : String(error) },
    ]);
  }
}
