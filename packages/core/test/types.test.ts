import { pds } from "@nhskit/catalogue";
import { describe, expectTypeOf, it } from "vitest";
import { createApiClient } from "../src/index.js";
import type { Bundle, Patient, paths } from "./support/paths.js";

// Checked by `tsc --noEmit` (the typecheck task) as well as at run time by vitest.
describe("types", () => {
  const client = createApiClient<paths>({ api: pds, environment: "local", fetch: async () => Response.json({}) });

  it("types an application/fhir+json body (not never)", async () => {
    const result = await client.GET("/Patient/{id}", { params: { path: { id: "9000000009" } } });
    expectTypeOf(result.data).toEqualTypeOf<Patient>();
    expectTypeOf(result.data).not.toBeNever();
    expectTypeOf(result.requestId).toBeString();
    const search = await client.GET("/Patient", { params: { query: { family: "Smith" } } });
    expectTypeOf(search.data).toEqualTypeOf<Bundle>();
  });

  it("requires path params and typed bodies, and types per-call options", () => {
    // @ts-expect-error the path parameter is required
    void client.GET("/Patient/{id}", {}).catch(() => {});
    // @ts-expect-error a path that does not exist
    void client.GET("/Nope").catch(() => {});
    void client
      .PATCH("/Patient/{id}", {
        params: { path: { id: "1" }, header: { "If-Match": 'W/"2"' } },
        body: { patches: [{ op: "replace", path: "/birthDate", value: "2000-01-01" }] },
        // @ts-expect-error timeoutMs is a number
        nhs: { timeoutMs: "soon" },
      })
      .catch(() => {});
  });
});
