import { createMockServer, type MockServer } from "@nhskit/mock-kit/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  cancellation,
  dispenseClaim,
  dispenseNotification,
  dispenser,
  pharmacy,
  prescriptionOrder,
  returnTask,
  withdrawTask,
} from "../examples/messages.js";
import {
  createEpsClient,
  createEpsDispensingClient,
  createEpsPrescribingClient,
  type FhirBundle,
  type PrescriptionSigner,
  releaseParameters,
} from "../src/index.js";
import { epsHandlers } from "../src/mocks/index.js";

// Every operation of the three published documents, each through its named method, over real HTTP, with the
// wire path checked: the `#fragment` that names an operation must never be sent.

let server: MockServer;
const wire: string[] = [];
beforeAll(async () => {
  server = await createMockServer({
    handlers: epsHandlers(),
    log: (line) => wire.push(line.replace(/ \d+ms$/, "")),
  });
});
beforeEach(() => {
  wire.length = 0;
});
afterAll(() => server.close());

const signer: PrescriptionSigner = () => ({ signatureValue: btoa("sig"), certificate: btoa("cert") });
const released = async (
  release: (p: ReturnType<typeof releaseParameters>) => Promise<{ prescriptions: FhirBundle[] }>,
) => (await release(releaseParameters({ ownerOdsCode: pharmacy.odsCode, agent: dispenser }))).prescriptions[0]!;

describe("combined API (/electronic-prescriptions): 8 of 8 operations", () => {
  it("each named method sends its operation to the real path", async () => {
    const eps = createEpsClient({ baseUrl: `${server.url}/electronic-prescriptions`, retry: false });
    const base = "/electronic-prescriptions/FHIR/R4";

    expect((await eps.prepare(prescriptionOrder())).algorithm).toBe("RS256");
    expect((await eps.sendPrescriptionOrder(prescriptionOrder())).operationOutcome.issue?.[0]?.code).toBe(
      "informational",
    );
    expect((await eps.cancelPrescription(cancellation(prescriptionOrder()))).kind).toBe("response");
    const prescription = await released(eps.release);
    expect((await eps.returnPrescription(returnTask("58EFB9-A83008-27693K"))).operationOutcome).toBeDefined();
    expect((await eps.sendDispenseNotification(dispenseNotification(prescription))).operationOutcome).toBeDefined();
    expect(
      (await eps.withdrawDispenseNotification(withdrawTask("58EFB9-A83008-27693K"))).operationOutcome,
    ).toBeDefined();
    expect((await eps.sendDispenseClaim(dispenseClaim(prescription))).operationOutcome).toBeDefined();

    expect(wire).toEqual([
      `POST ${base}/$prepare 200`,
      `POST ${base}/$process-message 200`,
      `POST ${base}/$process-message 200`,
      `POST ${base}/Task/$release 200`,
      `POST ${base}/Task 200`,
      `POST ${base}/$process-message 200`,
      `POST ${base}/Task 200`,
      `POST ${base}/Claim 200`,
    ]);
  });

  it("also serves the capability statement, the tracker, $validate, $convert and the helpers", async () => {
    const eps = createEpsClient({ baseUrl: `${server.url}/electronic-prescriptions`, retry: false });
    await eps.getCapabilityStatement();
    await eps.trackPrescription("58EFB9-A83008-27693K");
    await eps.validate(prescriptionOrder());
    await eps.convertToHl7(prescriptionOrder());
    const prescribed = await eps.prescribe(prescriptionOrder(), { sign: signer });
    expect(prescribed.signedBundle.entry.at(-1)?.resource?.resourceType).toBe("Provenance");
    const dispensed = await eps.dispense(releaseParameters({ ownerOdsCode: pharmacy.odsCode }), {
      notify: dispenseNotification,
    });
    expect(dispensed.dispensed.map((d) => d.claim)).toEqual([undefined]);
    expect(wire.map((l) => l.replace(/\?.*? /, " "))).toEqual([
      "GET /electronic-prescriptions/metadata 200",
      "GET /electronic-prescriptions/FHIR/R4/Task 200",
      "POST /electronic-prescriptions/FHIR/R4/$validate 200",
      "POST /electronic-prescriptions/FHIR/R4/$convert 200",
      "POST /electronic-prescriptions/FHIR/R4/$prepare 200",
      "POST /electronic-prescriptions/FHIR/R4/$process-message 200",
      "POST /electronic-prescriptions/FHIR/R4/Task/$release 200",
      "POST /electronic-prescriptions/FHIR/R4/$process-message 200",
    ]);
  });
});

describe("FHIR Prescribing (/fhir-prescribing): 4 of 4 operations", () => {
  it("each named method sends its operation to the real path", async () => {
    const prescribing = createEpsPrescribingClient({ baseUrl: `${server.url}/fhir-prescribing`, retry: false });
    await prescribing.prepare(prescriptionOrder());
    await prescribing.sendPrescriptionOrder(prescriptionOrder());
    await prescribing.cancelPrescription(cancellation(prescriptionOrder()));
    const { capabilityStatement } = await prescribing.getCapabilityStatement();
    expect(capabilityStatement.name).toBe("FHIR Prescribing API");
    expect(wire).toEqual([
      "POST /fhir-prescribing/FHIR/R4/$prepare 200",
      "POST /fhir-prescribing/FHIR/R4/$process-message 200",
      "POST /fhir-prescribing/FHIR/R4/$process-message 200",
      "GET /fhir-prescribing/metadata 200",
    ]);
  });

  it("prescribe runs $prepare then $process-message", async () => {
    const prescribing = createEpsPrescribingClient({ baseUrl: `${server.url}/fhir-prescribing`, retry: false });
    const { prepared, acknowledgement } = await prescribing.prescribe(prescriptionOrder(), { sign: signer });
    expect(prepared.requestId).not.toBe(acknowledgement.requestId);
    expect(wire).toEqual([
      "POST /fhir-prescribing/FHIR/R4/$prepare 200",
      "POST /fhir-prescribing/FHIR/R4/$process-message 200",
    ]);
  });
});

describe("FHIR Dispensing (/fhir-dispensing): 6 of 6 operations", () => {
  it("each named method sends its operation to the real path", async () => {
    const dispensing = createEpsDispensingClient({ baseUrl: `${server.url}/fhir-dispensing`, retry: false });
    const prescription = await released(dispensing.release);
    await dispensing.sendDispenseNotification(dispenseNotification(prescription));
    await dispensing.withdrawDispenseNotification(withdrawTask("58EFB9-A83008-27693K"));
    await dispensing.returnPrescription(returnTask("58EFB9-A83008-27693K"));
    await dispensing.sendDispenseClaim(dispenseClaim(prescription));
    const { capabilityStatement } = await dispensing.getCapabilityStatement();
    expect(capabilityStatement.name).toBe("FHIR Dispensing API");
    expect(wire).toEqual([
      "POST /fhir-dispensing/FHIR/R4/Task/$release 200",
      "POST /fhir-dispensing/FHIR/R4/$process-message 200",
      "POST /fhir-dispensing/FHIR/R4/Task 200",
      "POST /fhir-dispensing/FHIR/R4/Task 200",
      "POST /fhir-dispensing/FHIR/R4/Claim 200",
      "GET /fhir-dispensing/metadata 200",
    ]);
  });

  it("dispense runs $release, then a notification and a claim per prescription", async () => {
    const dispensing = createEpsDispensingClient({ baseUrl: `${server.url}/fhir-dispensing`, retry: false });
    const result = await dispensing.dispense(releaseParameters({ ownerOdsCode: pharmacy.odsCode, agent: dispenser }), {
      notify: dispenseNotification,
      claim: dispenseClaim,
    });
    expect(result.dispensed).toHaveLength(1);
    expect(result.dispensed[0]?.claim?.operationOutcome.issue?.[0]?.code).toBe("informational");
    expect(wire).toEqual([
      "POST /fhir-dispensing/FHIR/R4/Task/$release 200",
      "POST /fhir-dispensing/FHIR/R4/$process-message 200",
      "POST /fhir-dispensing/FHIR/R4/Claim 200",
    ]);
  });

  it("the split products do not serve each other's paths", async () => {
    const res = await fetch(`${server.url}/fhir-prescribing/FHIR/R4/Claim`, { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
    const tracker = await fetch(`${server.url}/fhir-dispensing/FHIR/R4/Task?focus:identifier=58EFB9-A83008-27693K`);
    expect(tracker.status).toBe(404);
  });
});
