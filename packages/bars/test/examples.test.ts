import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { appointments } from "../examples/appointments.js";
import { capabilities } from "../examples/capabilities.js";
import { barsClient } from "../examples/create-client.js";
import { endpointCatalogue } from "../examples/endpoint-catalogue.js";
import { handleErrors } from "../examples/errors.js";
import { pointers } from "../examples/pointers.js";
import { rawClient } from "../examples/raw-client.js";
import { referrals } from "../examples/referrals.js";
import { sendMessage } from "../examples/send-message.js";
import { findSlots } from "../examples/slots.js";
import { barsHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URL; msw answers in-process with the same mocks, so nothing
// leaves the machine (an unmatched request fails the test).
const server = setupServer(...barsHandlers());
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("README examples", () => {
  it("appear in the README exactly as in examples/", () => {
    const { total, missing } = examplesMissingFromReadme(
      new URL("../README.md", import.meta.url),
      new URL("../examples/", import.meta.url),
    );
    expect(total).toBeGreaterThanOrEqual(10);
    expect(missing).toEqual([]);
  });

  it("create a client", () => {
    expect(barsClient().baseUrl).toBe("https://sandbox.api.service.nhs.uk/booking-and-referral/FHIR/R4");
  });

  it("capabilities and message definitions", async () => {
    const { capabilityStatement, messageDefinitions } = await capabilities();
    expect(capabilityStatement.id).toBe("45bcbe62-718b-4874-a68c-b0fe39a76cf5");
    expect(messageDefinitions[0]?.id).toBe("11882ae2-211f-49ee-acbe-e319304d80cd");
  });

  it("send a message", async () => {
    expect((await sendMessage()).id).toBe("99173438-ebba-453a-998d-8f1ef006d76e");
  });

  it("slots", async () => {
    expect((await findSlots()).map((s) => s.id)).toEqual(["slot001", "slot002", "slot003"]);
  });

  it("appointments", async () => {
    const { appointments: found, appointment, outcome } = await appointments();
    expect([found.length, appointment.id]).toEqual([2, "91607239-b002-470a-8709-6b25bd50fdd1"]);
    expect(outcome.issue?.[0]?.details?.coding?.[0]?.code).toBe("RESOURCE_UPDATED");
  });

  it("referrals", async () => {
    const { referrals: found, referral } = await referrals();
    expect([found.length, referral.id]).toEqual([1, "71d2b38e-b81c-4894-a522-6a65265b1d58"]);
  });

  it("pointers", async () => {
    const { found, pointerId } = await pointers();
    expect(found.pointers.map((p) => p.id)).toEqual(["RJ11-DEMO_1002"]);
    expect(pointerId).toMatch(/^RJ11-/);
  });

  it("endpoint catalogue: 404 on the hosted sandbox, data with the catalogue mocks", async () => {
    expect(await endpointCatalogue()).toBeUndefined();
    server.use(...barsHandlers({ endpointCatalogue: true }));
    const found = await endpointCatalogue();
    expect(found?.healthcareServices[0]?.name).toBe("Example Healthcare Service");
    expect(found?.endpoints).toHaveLength(1);
    expect(found?.templates).toHaveLength(1);
  });

  it("errors", async () => {
    const seen = await handleErrors();
    expect(seen[0]).toMatch(/"A-123" must be a UUID/);
    expect(seen.slice(1)).toEqual(["404 REC_NOT_FOUND", "404 PROXY_NOT_FOUND"]);
  });

  it("raw client", async () => {
    expect((await rawClient()).total).toBe(8);
  });
});
