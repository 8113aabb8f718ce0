import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { everyEntry } from "../examples/paging.js";
import { typedClient } from "../examples/typed-client.js";

const BASE = "https://sandbox.api.service.nhs.uk/personal-demographics/FHIR/R4";
const server = setupServer(
  http.get(`${BASE}/Patient/:id`, ({ params }) => HttpResponse.json({ resourceType: "Patient", id: params.id })),
  http.get(`${BASE}/Patient`, ({ request }) => {
    const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
    return HttpResponse.json({
      resourceType: "Bundle",
      link: page < 2 ? [{ relation: "next", url: `${BASE}/Patient?page=2` }] : [],
      entry: [{ resource: { resourceType: "Patient", id: `p${page}` } }],
    });
  }),
);
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  vi.spyOn(console, "debug").mockImplementation(() => {});
});
afterAll(() => server.close());

describe("README examples", () => {
  it("appear in the README exactly as in examples/", () => {
    const result = examplesMissingFromReadme(
      new URL("../README.md", import.meta.url),
      new URL("../examples/", import.meta.url),
    );
    expect(result).toEqual({ total: 2, missing: [] });
  });

  it("typed client", async () => {
    const { id, requestId } = await typedClient();
    expect(id).toBe("9000000009");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("paging", async () => {
    expect(await everyEntry()).toEqual(["p1", "p2"]);
  });
});
