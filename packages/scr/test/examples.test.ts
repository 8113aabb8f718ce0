import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleErrors } from "../examples/errors.js";
import { getScr } from "../examples/get-scr.js";
import { rawClient } from "../examples/raw-client.js";
import { sendAlert } from "../examples/send-alert.js";
import { setPermission } from "../examples/set-permission.js";
import { uploadScr } from "../examples/upload-scr.js";
import { scrHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URL; msw answers in-process with the same mocks, so nothing leaves
// the machine (an unmatched request fails the test).
const server = setupServer(...scrHandlers());
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
    expect(total).toBeGreaterThanOrEqual(6);
    expect(missing).toEqual([]);
  });

  it("get an SCR", async () => {
    const record = await getScr();
    expect(record?.kind === "record" && record.bundle.total).toBe(9);
  });

  it("upload", async () => {
    expect(await uploadScr()).toBe(201);
  });

  it("set the permission", async () => {
    expect(await setPermission()).toBe(201);
  });

  it("send an alert", async () => {
    expect(await sendAlert()).toBe(201);
  });

  it("errors", async () => {
    const seen = await handleErrors();
    expect(seen[0]).toMatch(/"9000000008" fails the NHS number check digit/);
    expect(seen[1]).toBe("403 forbidden");
    expect(seen[2]).toBe("bundle.entry");
  });

  it("raw client", async () => {
    expect((await rawClient()).total).toBe(1);
  });
});
