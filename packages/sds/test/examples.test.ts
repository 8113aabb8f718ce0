import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleErrors } from "../examples/errors.js";
import { findDevices } from "../examples/find-devices.js";
import { findEndpoints } from "../examples/find-endpoints.js";
import { rawClient } from "../examples/raw-client.js";
import { sdsHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URL; msw answers in-process with the same mocks, so nothing
// leaves the machine (an unmatched request fails the test).
const server = setupServer(...sdsHandlers());
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

  it("find devices", async () => {
    const { summaries, correlationId } = await findDevices();
    expect(summaries.map((s) => s.asid)).toEqual(["928942012545"]);
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("find endpoints", async () => {
    const { endpoint, reliability } = await findEndpoints();
    expect(endpoint?.address).toBe("https://orange.testlab.nhs.uk/B82617/STU3/1/gpconnect/");
    expect(reliability).toMatchObject({ syncReplyMode: "MSHSignalsOnly", retries: 2 });
  });

  it("errors", async () => {
    const seen = await handleErrors();
    expect(seen[0]).toMatch(/give odsCode with interactionId and\/or partyKey/);
    expect(seen[1]).toBe("400 BAD_REQUEST");
  });

  it("raw client", async () => {
    const data = await rawClient();
    expect(data.entry?.[0]?.resource?.address).toBe(
      "https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/intermediary",
    );
  });
});
