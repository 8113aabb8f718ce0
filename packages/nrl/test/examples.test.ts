import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPointer } from "../examples/create-pointer.js";
import { handleErrors } from "../examples/errors.js";
import { rawClient } from "../examples/raw-client.js";
import { readPointer } from "../examples/read-pointer.js";
import { searchPointers } from "../examples/search-pointers.js";
import { supersedePointer } from "../examples/supersede-pointer.js";
import { updateAndDeletePointer } from "../examples/update-delete-pointer.js";
import { nrlHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URLs; msw answers in-process with the same mocks, so nothing leaves
// the machine (an unmatched request fails the test).
const server = setupServer(...nrlHandlers());
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
    expect(total).toBeGreaterThanOrEqual(7);
    expect(missing).toEqual([]);
  });

  it("search and count", async () => {
    expect(await searchPointers()).toEqual({ total: 4, plans: 1 });
  });

  it("read", async () => {
    expect((await readPointer()).id).toBe("RJ11-DEMO_1001");
  });

  it("create", async () => {
    expect(await createPointer()).toMatch(/^Y05868-[0-9a-f-]{36}$/);
  });

  it("supersede", async () => {
    const { replaced, current } = await supersedePointer();
    expect(current).not.toBe(replaced);
  });

  it("update and delete", async () => {
    expect((await updateAndDeletePointer()).issue[0]?.details?.coding?.[0]?.code).toBe("RESOURCE_DELETED");
  });

  it("errors", async () => {
    const seen = await handleErrors();
    expect(seen[0]).toMatch(/"9278693471" fails the NHS number check digit/);
    expect(seen[1]).toBe("403 ACCESS DENIED");
  });

  it("raw client", async () => {
    expect((await rawClient()).total).toBe(2);
  });
});
