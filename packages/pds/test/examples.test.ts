import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { coverage } from "../examples/coverage.js";
import { createPatient } from "../examples/create-patient.js";
import { handleErrors } from "../examples/errors.js";
import { rawClient } from "../examples/raw-client.js";
import { readPatient } from "../examples/read-patient.js";
import { relatedPeople } from "../examples/related-people.js";
import { searchPatients } from "../examples/search-patients.js";
import { updatePatient } from "../examples/update-patient.js";
import { pdsHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URL; msw answers in-process with the same mocks, so nothing
// leaves the machine (an unmatched request fails the test).
const server = setupServer(...pdsHandlers());
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
    expect(total).toBeGreaterThanOrEqual(8);
    expect(missing).toEqual([]);
  });

  it("read a patient", async () => {
    const { patient, version } = await readPatient();
    expect([patient.id, version]).toEqual(["9000000009", 2]);
  });

  it("search", async () => {
    const result = await searchPatients();
    expect(result.kind === "matches" && result.patients[0]?.patient.id).toBe("9000000009");
  });

  it("update", async () => {
    expect((await updatePatient()).version).toBe(3);
  });

  it("create", async () => {
    const result = await createPatient();
    expect(result.kind === "created" && result.nhsNumber).toBe("5182663366");
  });

  it("related people", async () => {
    expect((await relatedPeople()).map((p) => p.id)).toEqual(["507B7621", "B3380E98"]);
  });

  it("coverage", async () => {
    expect((await coverage())?.version).toBe(2);
  });

  it("errors", async () => {
    const seen = await handleErrors();
    expect(seen[0]).toMatch(/"9000000000" fails the NHS number check digit/);
    expect(seen[1]).toBe("404 RESOURCE_NOT_FOUND");
  });

  it("raw client", async () => {
    expect((await rawClient()).id).toBe("9000000025");
  });
});
