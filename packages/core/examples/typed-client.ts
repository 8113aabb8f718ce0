import { pds } from "@nhskit/catalogue";
import { createApiClient, NhsApiError } from "@nhskit/core";

// In an API package these types come from openapi-typescript (src/generated/openapi.d.ts).
interface paths {
  "/Patient/{id}": {
    get: {
      parameters: { path: { id: string } };
      responses: { 200: { content: { "application/fhir+json": { resourceType: "Patient"; id: string } } } };
    };
  };
}

export async function typedClient() {
  const client = createApiClient<paths>({
    api: pds, // base URLs per environment come from the catalogue
    environment: "sandbox",
    retry: { maxAttempts: 3 }, // 429/502/503/504 and network errors, for idempotent methods
    timeoutMs: 10_000, // per attempt
    logger: console, // credentials are redacted before a logger sees anything
  });

  try {
    const { data, requestId } = await client.GET("/Patient/{id}", { params: { path: { id: "9000000009" } } });
    return { id: data.id, requestId };
  } catch (error) {
    if (error instanceof NhsApiError) console.error(error.status, error.code, error.hint);
    throw error;
  }
}
