import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleErrors } from "../examples/errors.js";
import { lookups } from "../examples/lookups.js";
import { rawClient } from "../examples/raw-client.js";
import { searchByClinicalTerm } from "../examples/search-by-clinical-term.js";
import { searchByServiceType } from "../examples/search-by-service-type.js";
import { dosHandlers } from "../src/mocks/index.js";
import { testBasicAuth } from "./support/targets.js";

// The examples call the local sandbox's URL; msw answers in-process with the same mocks, so nothing leaves
// the machine (an unmatched request fails the test).
const server = setupServer(...dosHandlers({ accounts: [{ username: "dos-user", password: "s3cret-pass" }] }));
const auth = testBasicAuth("dos-user", "s3cret-pass");
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

  it("clinical term search", async () => {
    const services = await searchByClinicalTerm(auth);
    expect(services.map((s) => s.id)).toContain(2000006);
  });

  it("service type search", async () => {
    const services = await searchByServiceType(auth);
    expect(services[0]).toMatchObject({ id: 2000005, name: "Leeds Children's Urgent Care" });
    expect(services).toHaveLength(3); // two urgent treatment centres, one pharmacy in range
  });

  it("lookups", async () => {
    const { byCode, byId } = await lookups(auth);
    expect([byCode.serviceCount, byId.serviceCount]).toEqual([2, 1]);
  });

  it("errors", async () => {
    expect(await handleErrors(auth)).toEqual([
      "Search distance must be no more than 100",
      "400 Bad Request: The supplied service ID of the patient's practice does not exist in the system",
    ]);
  });

  it("raw client", async () => {
    expect((await rawClient(auth)).serviceCount).toBeGreaterThan(0);
  });
});
