import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { aToZ } from "../examples/a-to-z.js";
import { conditionPage } from "../examples/condition-page.js";
import { handleErrors } from "../examples/errors.js";
import { hubs } from "../examples/hubs.js";
import { manifest } from "../examples/manifest.js";
import { rawClient } from "../examples/raw-client.js";
import { websiteContentHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URL; msw answers in-process with the same mocks, so nothing
// leaves the machine (an unmatched request fails the test).
const server = setupServer(...websiteContentHandlers());
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

  it("a condition page with its attribution", async () => {
    const { page, credit } = await conditionPage();
    expect([page.name, credit.href]).toEqual(["Acne", "https://www.nhs.uk/conditions/acne/"]);
  });

  it("A to Z listings", async () => {
    const { letterA, last } = await aToZ();
    expect(letterA.links.length).toBeGreaterThan(0);
    expect(last.paging.next).toBeUndefined();
  });

  it("the manifest", async () => {
    expect(await manifest()).toEqual(["Acanthosis nigricans", "Acne", "Acrivastine"]);
  });

  it("hubs", async () => {
    expect((await hubs()).name).toBe("Exercise");
  });

  it("errors", async () => {
    const seen = await handleErrors();
    expect(seen[0]).toMatch(/"AB" must be one letter from A to Z/);
    expect(seen[1]).toMatch(/^404 Sandbox response not found/);
    expect(seen[2]).toBe("404 Resource not found");
  });

  it("raw client", async () => {
    expect((await rawClient()).name).toBe("Acrivastine");
  });
});
