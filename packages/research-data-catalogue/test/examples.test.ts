import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleErrors } from "../examples/errors.js";
import { listDatasets } from "../examples/list-datasets.js";
import { readDataset } from "../examples/read-dataset.js";
import { researchDataCatalogueHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URL; msw answers in-process with the same mocks, so nothing
// leaves the machine (an unmatched request fails the test).
const server = setupServer(...researchDataCatalogueHandlers());
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
    expect(total).toBe(3);
    expect(missing).toEqual([]);
  });

  it("list", async () => {
    expect((await listDatasets()).map((d) => d.persistentId)).toEqual([
      "CV19-12345",
      "tt6gh174-575f-4f4c-a4fc-b406aabj9765",
    ]);
  });

  it("read", async () => {
    expect((await readDataset()).summary.title).toBe("Civil Registration - Deaths");
  });

  it("errors", async () => {
    expect(await handleErrors()).toEqual(["id", "404 RESOURCE_NOT_FOUND"]);
  });
});
