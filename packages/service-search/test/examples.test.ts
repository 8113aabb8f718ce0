import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleErrors } from "../examples/errors.js";
import { nearestPharmacies } from "../examples/nearest-pharmacies.js";
import { rawClient } from "../examples/raw-client.js";
import { searchByOdsCode } from "../examples/search-by-ods-code.js";
import { searchWithBody } from "../examples/search-with-body.js";
import { serviceSearchHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URL; msw answers in-process with the same mocks, so nothing
// leaves the machine (an unmatched request fails the test).
const server = setupServer(...serviceSearchHandlers());
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
    expect(total).toBe(5);
    expect(missing).toEqual([]);
  });

  it("search by ODS code", async () => {
    expect((await searchByOdsCode()).map((o) => o.ODSCode)).toEqual(["Y02494"]);
  });

  it("nearest pharmacies", async () => {
    const { organisations, count } = await nearestPharmacies();
    expect([count, organisations[0]?.ODSCode]).toEqual([482, "FDF16"]);
  });

  it("search with a body", async () => {
    expect((await searchWithBody()).count).toBe(22);
  });

  it("errors", async () => {
    const seen = await handleErrors();
    expect(seen[0]).toMatch(/must be a whole number from 0 to 1000/);
    expect(seen[1]).toBe("404");
  });

  it("raw client", async () => {
    expect((await rawClient()).value).toEqual([]);
  });
});
