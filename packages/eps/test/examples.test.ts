import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cancelPrescription } from "../examples/cancel.js";
import { dispenseAndClaim } from "../examples/dispense.js";
import { handleErrors } from "../examples/errors.js";
import { capabilityStatement } from "../examples/metadata.js";
import { prepareForSigning } from "../examples/prepare.js";
import { prescribe } from "../examples/prescribe.js";
import { prescriptionIds } from "../examples/prescription-ids.js";
import { rawClient } from "../examples/raw-client.js";
import { releasePrescriptions } from "../examples/release.js";
import { returnAndWithdraw } from "../examples/return-and-withdraw.js";
import { trackPrescription } from "../examples/track.js";
import { isValidPrescriptionId } from "../src/index.js";
import { epsHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URLs; msw answers in-process with the same mocks, so nothing leaves
// the machine (an unmatched request fails the test).
const server = setupServer(...epsHandlers());
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
    expect(total).toBeGreaterThanOrEqual(12);
    expect(missing).toEqual([]);
  });

  it("prepare", async () => {
    const { digest, algorithm } = await prepareForSigning();
    expect(algorithm).toBe("RS256");
    expect(atob(digest)).toMatch(/^<SignedInfo>/);
  });

  it("prescribe", async () => {
    const { acknowledgement, signedBundle } = await prescribe();
    expect(acknowledgement.operationOutcome.issue?.[0]?.code).toBe("informational");
    expect(signedBundle.entry.at(-1)?.resource?.resourceType).toBe("Provenance");
  });

  it("cancel", async () => {
    const result = await cancelPrescription();
    expect(result.kind === "response" && result.medicationRequests[0]?.status).toBe("cancelled");
  });

  it("release", async () => {
    expect(await releasePrescriptions()).toHaveLength(1);
  });

  it("dispense and claim", async () => {
    const dispensed = await dispenseAndClaim();
    expect(dispensed.map((d) => d.claim?.operationOutcome.issue?.[0]?.code)).toEqual(["informational"]);
  });

  it("return and withdraw", async () => {
    const { withdrawn, returned } = await returnAndWithdraw();
    expect(withdrawn.requestId).not.toBe(returned.requestId);
  });

  it("track", async () => {
    const [task] = await trackPrescription();
    expect((task as { for?: { display?: string } }).for?.display).toBe("MS STACEY MARISA TWITCHETT");
  });

  it("metadata", async () => {
    expect((await capabilityStatement()).name).toBe("FHIR Dispensing API");
  });

  it("prescription ids", () => {
    const { fresh, problem } = prescriptionIds();
    expect(isValidPrescriptionId(fresh)).toBe(true);
    expect(problem).toMatch(/X should be K/);
  });

  it("errors", async () => {
    const seen = await handleErrors();
    expect(seen[0]).toMatch(/"58EFB9-A83008-27693X" has the wrong check character: X should be K/);
    expect(seen[1]).toMatch(/use withdrawDispenseNotification/);
    expect(seen[2]).toBe("400 MedicationRequest.status must be active.");
  });

  it("raw client", async () => {
    expect((await rawClient()).issue?.[0]?.code).toBe("informational");
  });
});
