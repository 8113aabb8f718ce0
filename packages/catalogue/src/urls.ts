/** The origin `pnpm sandbox` listens on unless told otherwise. */
export const LOCAL_SANDBOX_ORIGIN = "http://127.0.0.1:9000";

const PLATFORM = {
  sandbox: "https://sandbox.api.service.nhs.uk",
  int: "https://int.api.service.nhs.uk",
  prod: "https://api.service.nhs.uk",
} as const;

/**
 * Base URLs for an API behind the NHS API platform, which uses the same path in every environment.
 * The local sandbox serves it under the same path, so switching between the hosted and the local
 * sandbox changes only the origin.
 */
export function platformUrls(
  path: string,
  environments: ReadonlyArray<"sandbox" | "int" | "prod"> = ["sandbox", "int", "prod"],
) {
  const urls: Record<string, string> = { local: LOCAL_SANDBOX_ORIGIN + path };
  for (const env of environments) urls[env] = PLATFORM[env] + path;
  return urls;
}
