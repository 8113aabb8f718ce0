import { readFileSync } from "node:fs";
import { NhsApiError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BARS_OPERATIONS,
  type BarsClient,
  type BarsOperationId,
  createBarsClient,
  SANDBOX_TARGETS,
} from "../src/index.js";
import { EPC_IDS } from "../src/mocks/fixtures.js";
import { appointmentBody, messageBody, pointerBody, referralBody } from "./support/facts.js";
import { httpTarget, type Target } from "./support/targets.js";

const spec = JSON.parse(readFileSync(new URL("../openapi.json", import.meta.url), "utf8")) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const upstream = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
    .map(([method, op]) => ({ operationId: op.operationId as string, method: method.toUpperCase(), path })),
);

const KNOWN = "c3f6145e-1a26-4345-b3f2-dccbcba62049";
const healthcareService = { resourceType: "HealthcareService", name: "Minor injuries", active: true };
const endpoint = { resourceType: "Endpoint", status: "active", address: "https://receiver.example.org/fhir/R4" };

/** One call per upstream operation, through its named method. */
function calls(bars: BarsClient, nrl: BarsClient): Record<BarsOperationId, () => Promise<unknown>> {
  return {
    getMeta: () => bars.getCapabilityStatement(),
    getMessageDefinition: () =>
      bars.getMessageDefinitions({ context: "https://fhir.nhs.uk/Id/dos-service-id|2000099999" }),
    processMessage: () => bars.sendMessage(messageBody),
    getSlots: () => bars.searchSlots({ status: "free", start: "2022-03-01T12:00:00+00:00", include: ["Schedule"] }),
    getBookingByPatient: () => bars.searchAppointments({ nhsNumber: "9000000009" }),
    createAppointment: () => bars.createAppointment(appointmentBody),
    getBooking: () => bars.getAppointment(KNOWN),
    updateAppointment: () => bars.updateAppointment(KNOWN, appointmentBody),
    patchAppointment: () => bars.patchAppointment(KNOWN, appointmentBody),
    deleteAppointment: () => bars.deleteAppointment(KNOWN),
    getReferralByPatient: () => bars.searchReferrals({ nhsNumber: "9000000009" }),
    createReferral: () => bars.createReferral(referralBody),
    getReferral: () => bars.getReferral(KNOWN),
    putReferral: () => bars.updateReferral(KNOWN, referralBody),
    patchReferral: () => bars.patchReferral(KNOWN, referralBody),
    deleteReferral: () => bars.deleteReferral(KNOWN),
    searchDocumentReference: () => nrl.searchPointers({ nhsNumber: "9278693472" }),
    createDocumentReference: () => nrl.createPointer(pointerBody("RJ11")),
    readDocumentReference: () => nrl.readPointer("RJ11-DEMO_1002"),
    updateDocumentReference: () =>
      nrl.updatePointer("RJ11-DEMO_1002", { ...pointerBody("RJ11"), id: "RJ11-DEMO_1002" }),
    deleteDocumentReference: () => nrl.deletePointer("RJ11-DEMO_1002"),
    getHealthcareServices: () => bars.searchHealthcareServices({ providedBy: "R778" }),
    createHealthcareService: () => bars.createHealthcareService(healthcareService),
    getHealthcareService: () => bars.getHealthcareService(EPC_IDS.healthcareService),
    replaceHealthcareService: () => bars.replaceHealthcareService(EPC_IDS.healthcareService, healthcareService),
    deleteHealthcareService: () => bars.deleteHealthcareService(EPC_IDS.healthcareService),
    getEndpoints: () => bars.searchEndpoints({ healthcareServiceId: EPC_IDS.healthcareService }),
    createEndpoint: () => bars.createEndpoint(endpoint),
    getEndpointTemplates: () =>
      bars.searchEndpointTemplates({
        payloadType: "https://terminology.hl7.org/CodeSystem/endpoint-payload-type|bars",
      }),
    createEndpointTemplate: () => bars.createEndpointTemplate(endpoint),
    getEndpoint: () => bars.getEndpoint(EPC_IDS.endpoint),
    replaceEndpoint: () => bars.replaceEndpoint(EPC_IDS.endpoint, endpoint),
    deleteEndpoint: () => bars.deleteEndpoint(EPC_IDS.endpoint),
    replaceEndpointTemplate: () => bars.replaceEndpointTemplate(EPC_IDS.template, endpoint),
    deleteEndpointTemplate: () => bars.deleteEndpointTemplate(EPC_IDS.template),
  };
}

function clients(baseUrl: string) {
  const common = {
    baseUrl,
    requestingSoftware: {
      name: "nhskit tests",
      version: "1.0.0",
      identifier: { system: "https://example.org/Id/device", value: "T-1" },
    },
    target: SANDBOX_TARGETS.tests,
    useContext: "a4t2|validation|servicerequest-response|new",
    retry: false as const,
  };
  return {
    bars: createBarsClient({ ...common, endUserOrganisation: { odsCode: "A1001", name: "Test surgery" } }),
    nrl: createBarsClient({ ...common, endUserOrganisation: { odsCode: "RJ11", name: "Mental health trust" } }),
  };
}

/** `GET /Appointment/{id}` -> a pattern for the server's log line `GET /booking-and-referral/FHIR/R4/Appointment/c3f6... 200 3ms`. */
function logPattern(method: string, path: string, status: number) {
  const escaped = path.replace(/[$.]/g, "\\$&").replace(/\\?\{id\}/g, "[^/?]+");
  return new RegExp(`^${method} /booking-and-referral/FHIR/R4${escaped}(\\?\\S*)? ${status} `);
}

describe("every upstream operation has a named method", () => {
  it("the operation table matches the OpenAPI document (35 operations)", () => {
    expect(upstream).toHaveLength(35);
    expect(Object.keys(BARS_OPERATIONS).sort()).toEqual(upstream.map((o) => o.operationId).sort());
    for (const { operationId, method, path } of upstream) {
      const op = BARS_OPERATIONS[operationId as BarsOperationId];
      expect([op.method, op.path], operationId).toEqual([method, path]);
    }
  });
});

describe("every operation over real HTTP", () => {
  let target: Target;
  beforeAll(async () => {
    target = await httpTarget({ endpointCatalogue: true });
  });
  afterAll(() => target.close());

  it.each(upstream.map((o) => [o.operationId, o.method, o.path] as const))(
    "%s (%s %s) through its method",
    async (operationId, method, path) => {
      const { bars, nrl } = clients(target.baseUrl);
      const before = target.seen.length;
      await calls(bars, nrl)[operationId as BarsOperationId]();
      const lines = target.seen.slice(before);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        logPattern(method, path, method === "POST" && path === "/DocumentReference" ? 201 : 200),
      );
    },
  );
});

describe("the hosted sandbox has no endpoint catalogue", () => {
  let target: Target;
  beforeAll(async () => {
    target = await httpTarget();
  });
  afterAll(() => target.close());

  it.each(upstream.filter((o) => /HealthcareService|Endpoint/.test(o.path)).map((o) => [o.operationId] as const))(
    "%s is 404 page-not-found",
    async (operationId) => {
      const { bars, nrl } = clients(target.baseUrl);
      const error = await calls(bars, nrl)
        [operationId as BarsOperationId]()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(NhsApiError);
      expect([(error as NhsApiError).status, (error as NhsApiError).code]).toEqual([404, "NOT_FOUND"]);
    },
  );
});
