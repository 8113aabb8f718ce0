import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { codeSystems } from "../examples/code-systems.js";
import { handleErrors } from "../examples/errors.js";
import { fullRecord } from "../examples/full-record.js";
import { everyPharmacy } from "../examples/iterate.js";
import { searchOrganisations } from "../examples/search.js";
import { changedSince } from "../examples/sync.js";
import { odsOrdHandlers } from "../src/mocks/index.js";

// The examples call the production URL (ORD has no sandbox); msw answers in-process with the mocks, so
// nothing leaves the machine (an unmatched request fails the test).
const server = setupServer(...odsOrdHandlers());
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
    expect(total).toBe(6);
    expect(missing).toEqual([]);
  });

  it("search", async () => {
    const { organisations, totalCount } = await searchOrganisations();
    expect([organisations.length, totalCount]).toEqual([10, 30]);
  });

  it("iterate", async () => {
    expect(await everyPharmacy()).toHaveLength(42);
  });

  it("full record", async () => {
    expect(await fullRecord()).toEqual({ name: "NHS DIGITAL", primaryRole: "RO116", predecessors: ["T1430"] });
  });

  it("sync", async () => {
    expect((await changedSince()).length).toBeGreaterThan(0);
  });

  it("code systems", async () => {
    const result = await codeSystems();
    expect(result.trust).toBe("NHS TRUST");
    expect(result.classes).toEqual(["RC1", "RC2"]);
  });

  it("errors", async () => {
    expect(await handleErrors()).toEqual(["params.Limit", "404 Organisation 'QQQ99' not found"]);
  });
});
