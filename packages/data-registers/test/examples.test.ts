import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { customPaths } from "../examples/custom-paths.js";
import { entries } from "../examples/entries.js";
import { history } from "../examples/history.js";
import { listRegisters } from "../examples/registers.js";
import { dataRegistersHandlers } from "../src/mocks/index.js";

// The examples call the local sandbox's URL; msw answers in-process with the same mocks, so nothing leaves
// the machine (an unmatched request fails the test).
const server = setupServer(...dataRegistersHandlers());
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
    expect(total).toBe(4);
    expect(missing).toEqual([]);
  });

  it("registers", async () => {
    expect((await listRegisters()).map((r) => r.id)).toEqual(["organisation-codes", "postcodes", "diagnosis-codes"]);
  });

  it("history", async () => {
    const { now, past, snapshots } = await history();
    expect([now.name, past.name]).toEqual(["Type 2 diabetes mellitus", "Non-insulin-dependent diabetes mellitus"]);
    expect(snapshots[0]?.asAt).toBe("2026-01-01");
  });

  it("entries", async () => {
    expect(await entries()).toEqual([
      "RX1 Northshire Hospitals NHS Trust (active)",
      "RX2 Westvale Community Health NHS Trust (active)",
      "Y90001 Cromwell Mount Surgery (active)",
    ]);
  });

  it("custom paths", async () => {
    expect(await customPaths()).toBe("404 REGISTER_NOT_FOUND");
  });
});
