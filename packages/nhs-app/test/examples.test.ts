import { createTokenEndpoint } from "@nhskit/auth/mocks";
import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleNhsAppCallback, seen } from "../examples/callbacks.js";
import { handleErrors } from "../examples/errors.js";
import { appUsersAt, receiptsFor } from "../examples/reports.js";
import { sendAppointmentMessage } from "../examples/send-in-app-message.js";
import { nudge } from "../examples/send-push-notification.js";
import { nhsAppHandlers, sampleReceipt, sampleReply } from "../src/mocks/index.js";

// The examples call the integration environment and its token endpoint; msw answers in-process with the
// platform's token endpoint mock and the NHS App mocks, so nothing leaves the machine.
const tokenEndpoint = createTokenEndpoint();
const server = setupServer(...tokenEndpoint.handlers, ...nhsAppHandlers({ tokenEndpoint }));
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
    expect(total).toBeGreaterThanOrEqual(5);
    expect(missing).toEqual([]);
  });

  it("send an in-app message with a keyword reply", async () => {
    const sent = await sendAppointmentMessage();
    expect(sent.communicationRequest.contained?.[0]?.item?.[0]?.type).toBe("choice");
    expect(tokenEndpoint.tokenRequests().at(-1)?.status).toBe(200);
  });

  it("send a push notification", async () => {
    expect((await nudge("9487416153")).location).toMatch(
      /\/communication\/notification\/FHIR\/R4\/CommunicationRequest\//,
    );
  });

  it("reports", async () => {
    expect(await appUsersAt("B12345")).toEqual(["9990000042", "9990000050"]);
    expect(await receiptsFor("2021-01-01")).toContain(
      "7d2a9e6c-1f4b-4c8e-a3d7-9e5b0c2f6a81 Rejected (NHS number not found)",
    );
  });

  it("callbacks", async () => {
    const receipt = await handleNhsAppCallback(
      new Request("https://supplier.example/nhs-app/FHIR/R4/Task", {
        method: "POST",
        body: JSON.stringify(sampleReceipt("Read")),
      }),
      { clientVerified: true },
    );
    const reply = await handleNhsAppCallback(
      new Request("https://supplier.example/nhs-app/FHIR/R4/CommunicationRequest", {
        method: "POST",
        body: JSON.stringify(sampleReply({ type: "keyword", code: "YES" })),
      }),
    );
    expect([receipt.status, reply.status]).toEqual([202, 202]);
    expect(seen).toHaveLength(2);
  });

  it("errors", async () => {
    const seenErrors = await handleErrors();
    expect(seenErrors[0]).toMatch(/"9487416150" fails the NHS number check digit/);
    expect(seenErrors[1]).toBe("404 not-found: Report not found");
  });
});
