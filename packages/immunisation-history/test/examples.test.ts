import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiVersion } from "../examples/api-version.js";
import { dateRange } from "../examples/date-range.js";
import { handleErrors } from "../examples/errors.js";
import { rawClient } from "../examples/raw-client.js";
import { searchImmunisations } from "../examples/search-immunisations.js";
import { immunisationHistoryHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URL; msw answers in-process with the same mocks, so nothing leaves
// the machine (an unmatched request fails the test).
const server = setupServer(...immunisationHistoryHandlers());
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

  it("search", async () => {
    const { total, patient, immunisations } = await searchImmunisations();
    expect([total, patient?.birthDate, immunisations.length]).toEqual([2, "1965-02-28", 2]);
  });

  it("date range", async () => {
    expect((await dateRange()).total).toBe(2);
  });

  it("api version", async () => {
    const { hpv, flu } = await apiVersion();
    expect([hpv.apiVersion, hpv.total, flu.apiVersion, flu.total]).toEqual(["2.0", 3, "1.0", 1]);
  });

  it("errors", async () => {
    expect(await handleErrors()).toEqual([
      "give exactly one of target (COVID19, HPV, FLU) or procedureCode (deprecated)",
      "400 Missing or invalid required request parameters: [procedure-code:below] OR [immunization.target]",
    ]);
  });

  it("raw client", async () => {
    expect((await rawClient()).total).toBe(1);
  });
});
