import { pds } from "@nhskit/catalogue";
import { type ApiClientOptions, createApiClient } from "../../src/index.js";
import type { paths } from "./paths.js";

/** A client of the stand-in API; fast, deterministic retries unless a test says otherwise. */
export function testClient(baseUrl: string, options: Partial<ApiClientOptions> = {}) {
  return createApiClient<paths>({
    api: pds,
    baseUrl,
    random: () => 1,
    ...options,
    retry: options.retry === false ? false : { baseDelayMs: 5, maxDelayMs: 2_000, ...options.retry },
  });
}

export const outcome = (code: string, spineCode: string, diagnostics: string) => ({
  resourceType: "OperationOutcome",
  issue: [
    {
      severity: "error",
      code,
      details: {
        coding: [
          { system: "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode", code: spineCode, display: spineCode },
        ],
      },
      diagnostics,
    },
  ],
});
