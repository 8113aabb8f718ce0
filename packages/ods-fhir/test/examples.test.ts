import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { capability } from "../examples/capability.js";
import { deletions } from "../examples/deletions.js";
import { handleErrors } from "../examples/errors.js";
import { rawClient } from "../examples/raw-client.js";
import { readOrganization } from "../examples/read-organization.js";
import { relationships } from "../examples/relationships.js";
import { searchOrganizations } from "../examples/search-organizations.js";
import { terminology } from "../examples/terminology.js";
import { odsFhirHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URL; msw answers in-process with the same mocks, so nothing
// leaves the machine (an unmatched request fails the test).
const server = setupServer(...odsFhirHandlers());
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(() => server.close());

describe("README examples", () => {
  it("appear in the README exactly as in examples/", () => {
    const { total, missing } = examplesMissingFromReadme(
      new URL("../README.md", import.meta.url),
      new URL("../examples/", import.meta.url),
    );
    expect(total).toBe(8);
    expect(missing).toEqual([]);
  });

  it("read an organisation", async () => {
    expect(await readOrganization()).toMatchObject({ odsCode: "RR8", roles: [{ code: "RO197" }] });
  });

  it("search, iterate and count", async () => {
    const { names, pharmacies } = await searchOrganizations();
    expect([names.length, pharmacies]).toEqual([25, 25]);
  });

  it("relationships", async () => {
    const result = await relationships();
    expect(result.relationships.map((r) => r.participatingOdsCode)).toEqual(["U36842", "97R", "QF7"]);
    expect(result.included).toBe(3);
    expect(result.one.id).toBe("617400");
  });

  it("deletions", async () => {
    expect(await deletions()).toEqual(["FVG57", "FJE57"]);
  });

  it("terminology", async () => {
    const { roles, total, codes } = await terminology();
    expect(roles).toContain("RO197 NHS TRUST");
    expect(codes).toHaveLength(5);
    expect(total).toBeGreaterThan(5);
  });

  it("capability statement", async () => {
    expect(await capability()).toContain("OrganizationAffiliation");
  });

  it("errors", async () => {
    expect(await handleErrors()).toEqual(["params.name", "404 HAPI-2001"]);
  });

  it("raw client", async () => {
    expect((await rawClient()).entry?.map((e) => e.resource?.id)).toEqual(["G81086"]);
  });
});
