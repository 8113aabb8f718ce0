import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { adviceAndGuidance } from "../examples/advice-and-guidance.js";
import { applicationRestricted } from "../examples/application-restricted.js";
import { appointments } from "../examples/appointments.js";
import { attachments } from "../examples/attachments.js";
import { handleErrors } from "../examples/errors.js";
import { onBehalfOf } from "../examples/on-behalf-of.js";
import { rawClient } from "../examples/raw-client.js";
import { referrals } from "../examples/referrals.js";
import { services } from "../examples/services.js";
import { worklist } from "../examples/worklist.js";
import { eRsHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URL; msw answers in-process with the same mocks, so nothing
// leaves the machine (an unmatched request fails the test).
const server = setupServer(...eRsHandlers());
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
    expect(total).toBe(10);
    expect(missing).toEqual([]);
  });

  it("referrals", async () => {
    const { version, outcome } = await referrals();
    expect(version).toBe(5);
    expect(outcome.parameter[0]?.name).toBe("updatedReferralRequest");
  });

  it("worklist", async () => {
    const { ubrns, accepted } = await worklist();
    expect(ubrns).toEqual(["000000070000", "000000070001"]);
    expect(accepted.version).toBe(9);
  });

  it("appointments", async () => {
    const { booked, appointment } = await appointments();
    expect([booked.data.status, booked.version, appointment.id]).toEqual(["booked", 1, "70000"]);
  });

  it("advice and guidance", async () => {
    const { conversation, pdf } = await adviceAndGuidance();
    expect(conversation.entry).toHaveLength(2);
    expect(pdf.fileName).toBe("000049146177_Advice_And_Guidance_20220610143044.pdf");
  });

  it("attachments", async () => {
    const { attachmentId, download, letter } = await attachments();
    expect(attachmentId).toBe("19eb7224-dff3-4730-a5cb-67eac811f1a5");
    expect(download.fileName).toBe("The filenamé.pdf");
    expect(letter.contentType).toBe("application/pdf");
  });

  it("services", async () => {
    const { specialties, found, version, requests } = await services();
    expect(specialties.concept?.[0]?.code).toBe("CARDIOLOGY");
    expect(found.entry?.map((e) => e.resource.id)).toEqual(["1", "2"]);
    expect(version).toBe(1);
    expect(requests.entry).toHaveLength(2);
  });

  it("on behalf of", async () => {
    expect(await onBehalfOf()).toEqual({ clinician: "921600556514", version: 5 });
  });

  it("application-restricted", async () => {
    const { version, pdf } = await applicationRestricted();
    expect(version).toBe(5);
    expect(pdf.size).toBeGreaterThan(0);
  });

  it("errors", async () => {
    expect(await handleErrors()).toEqual([
      '"70000" must be a UBRN: 12 digits, such as "000000070000"',
      "422 SANDBOX_ERROR",
      "403 SANDBOX_ERROR",
    ]);
  });

  it("raw client", async () => {
    expect((await rawClient()).id).toBe("000000070002");
  });
});
