import { describe, expect, it } from "vitest";
import { type JsonObject, operationsOf } from "../src/openapi.js";
import { deriveOperationId, ensureOperationIds } from "../src/operation-ids.js";

describe("deriveOperationId", () => {
  it.each([
    ["get", "/Patient/{id}/Appointment", "getPatientAppointment"],
    ["get", "/Patient/{id}", "getPatientById"],
    ["put", "/Appointment/{id}", "putAppointmentById"],
    ["get", "/Slot", "getSlot"],
    ["post", "/Patient/$gpc.registerpatient", "postPatientGpcRegisterpatient"],
    ["get", "/health-a-to-z/conditions", "getHealthAToZConditions"],
    ["post", "/FHIR/R4/Task#return", "postFHIRR4TaskReturn"],
    ["get", "/", "getRoot"],
    ["get", "/endpointlookup/{ods_code}/{workflow_id}", "getEndpointlookupByOdsCodeAndWorkflowId"],
  ] as const)("%s %s -> %s", (method, path, expected) => {
    expect(deriveOperationId(method, path)).toBe(expected);
  });
});

describe("ensureOperationIds", () => {
  const ids = (doc: JsonObject) => operationsOf(doc).map((op) => op.operation.operationId);

  it("fills in missing ids deterministically", () => {
    const doc: JsonObject = {
      paths: {
        "/Slot": { get: { responses: {} } },
        "/Appointment/{id}": { get: { responses: {} }, put: { responses: {} } },
      },
    };
    expect(ensureOperationIds(doc)).toBe(3);
    expect(ids(doc)).toEqual(["getSlot", "getAppointmentById", "putAppointmentById"]);
    expect(ensureOperationIds(doc)).toBe(0);
  });

  it("keeps upstream ids and makes duplicates unique in document order", () => {
    const doc: JsonObject = {
      paths: {
        "/a": { post: { operationId: "process-message" } },
        "/b": { post: { operationId: "process-message" } },
        "/c": { post: { operationId: "process-message" } },
      },
    };
    ensureOperationIds(doc);
    expect(ids(doc)).toEqual(["process-message", "process-message2", "process-message3"]);
  });

  it("never lets a derived id take an upstream id", () => {
    const doc: JsonObject = {
      paths: {
        "/Slot": { get: { responses: {} } },
        "/Other": { get: { operationId: "getSlot" } },
      },
    };
    ensureOperationIds(doc);
    expect(ids(doc)).toEqual(["getSlot2", "getSlot"]);
  });

  it("trims stray whitespace in upstream ids", () => {
    const doc: JsonObject = { paths: { "/datasets/{id}": { get: { operationId: " get-datasets-id  " } } } };
    ensureOperationIds(doc);
    expect(ids(doc)).toEqual(["get-datasets-id"]);
  });
});
