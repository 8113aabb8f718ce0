import { createSandboxServer, type SandboxServer } from "@nhskit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { knownApis, runScenarios } from "../exercise/run.js";

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await createSandboxServer();
});
afterAll(() => sandbox.close());

describe("pnpm exercise --target local", () => {
  it("passes every scenario of every API that has scenarios", async () => {
    const results = await runScenarios({ target: "local", localOrigin: sandbox.url });
    const failures = results.filter((r) => !r.ok).map((r) => `${r.scenario.api} ${r.scenario.name}: ${r.detail}`);
    expect(failures).toEqual([]);
    for (const api of knownApis()) expect(results.some((r) => r.scenario.api === api)).toBe(true);
  });

  it("can run one API only", async () => {
    const results = await runScenarios({ target: "local", localOrigin: sandbox.url, apis: ["pds"] });
    expect(new Set(results.map((r) => r.scenario.api))).toEqual(new Set(["pds"]));
  });
});
