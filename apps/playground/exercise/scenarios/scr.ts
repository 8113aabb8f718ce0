import { NhsNumberError } from "@nhskit/core";
import {
  createScrClient,
  SCR_ALERT_REASONS,
  SCR_ALERT_TYPES,
  type ScrClientOptions,
  type ScrUploadBundle,
} from "@nhskit/scr";
import { check, type Scenario } from "../types.js";
import { apiError, refusal } from "./util.js";

// The hosted sandbox's test data: 9000000009 has one SCR, this id; the role id is the documented sandbox one.
const PATIENT = "9000000009";
const SCR_ID = "FA60BE64-1F34-11EB-A2A8-000C29A364EB";
const ROLE = "555254240100";

const client = (baseUrl: string, extra: Partial<ScrClientOptions> = {}) =>
  createScrClient({ baseUrl, retry: false, ...extra });

function gpSummary(): ScrUploadBundle {
  const id = crypto.randomUUID().toUpperCase();
  const now = new Date().toISOString();
  const summary = { system: "http://snomed.info/sct", code: "196981000000101", display: "General Practice Summary" };
  return {
    resourceType: "Bundle",
    identifier: { system: "https://tools.ietf.org/html/rfc4122", value: id },
    type: "document",
    timestamp: now,
    entry: [
      {
        resource: {
          resourceType: "Composition",
          meta: { lastUpdated: now },
          identifier: { system: "https://tools.ietf.org/html/rfc4122", value: id },
          status: "final",
          type: { coding: [summary] },
          category: [
            {
              coding: [
                {
                  system: "http://snomed.info/sct",
                  code: "163171000000105",
                  display: "Care Professional Documentation",
                },
              ],
            },
          ],
          subject: { reference: "Patient/p1" },
          date: now,
          title: "General Practice Summary",
        },
      },
      {
        resource: {
          resourceType: "Patient",
          id: "p1",
          identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: PATIENT, extension: [] }],
        },
      },
    ],
  };
}

export const scrScenarios: Scenario[] = [
  {
    api: "scr",
    operation: "get-scr-id",
    name: "latest SCR id for 9000000009",
    async run({ baseUrl }) {
      const latest = await client(baseUrl()).getScrId(PATIENT);
      check(latest.kind === "found" && latest.scrId === SCR_ID, `found ${SCR_ID} (got ${latest.kind})`);
      check(latest.permission === "Ask", `permission Ask (got ${latest.permission})`);
      return { status: 200, detail: `permission ${latest.permission}` };
    },
  },
  {
    api: "scr",
    operation: "get-scr",
    name: "read the GP summary",
    async run({ baseUrl }) {
      const record = await client(baseUrl()).getScr(PATIENT, SCR_ID);
      check(record.kind === "record", `a record (got ${record.kind})`);
      check(record.composition?.title === "General Practice Summary", "a General Practice Summary composition");
      return { status: 200, detail: `${record.bundle.total} entries` };
    },
  },
  {
    api: "scr",
    operation: "upload-scr",
    name: "upload a GP summary",
    async run({ baseUrl }) {
      const { status } = await client(baseUrl(), { sessionUrid: ROLE }).uploadScr(gpSummary());
      check(status === 201, `201 (got ${status})`);
      return { status };
    },
  },
  {
    api: "scr",
    operation: "acs",
    name: "set permission to Ask",
    async run({ baseUrl }) {
      // $setPermission reads the Authorization header even in the sandboxes; any Bearer value will do there.
      const scr = client(baseUrl(), { sessionUrid: ROLE, headers: { Authorization: "Bearer sandbox" } });
      const { status } = await scr.setPermission(PATIENT, "Ask");
      check(status === 201, `201 (got ${status})`);
      return { status };
    },
  },
  {
    api: "scr",
    operation: "alert",
    name: "privacy alert (emergency access)",
    async run({ baseUrl }) {
      const { status, auditEvent } = await client(baseUrl(), { sessionUrid: ROLE }).sendAlert({
        nhsNumber: PATIENT,
        odsCode: "Y12345",
        sdsUserId: "G8133438",
        userRole: "General Practitioner",
        type: SCR_ALERT_TYPES.ACCESS_ALERT,
        reason: SCR_ALERT_REASONS.EMERGENCY,
        asid: "200000001234",
        scrId: SCR_ID,
        description: "Patient unconscious; current medication needed",
      });
      check(status === 201, `201 (got ${status})`);
      return { status, detail: auditEvent.subtype[0]?.display };
    },
  },
  {
    api: "scr",
    operation: "get-scr-id",
    name: "no consent to share is 403 forbidden",
    async run({ baseUrl }) {
      // Every NHS number but 9000000009 gets Spine's no-consent reply in the sandbox's code.
      const error = await apiError(client(baseUrl()).getScrId("9111231130"));
      check(error.status === 403 && error.code === "forbidden", `403 forbidden (got ${error.status} ${error.code})`);
      return { status: error.status, detail: error.code };
    },
  },
  {
    api: "scr",
    operation: "get-scr-id",
    name: "bad check digit refused before sending",
    async run({ baseUrl }) {
      const error = await refusal((fetch) => client(baseUrl(), { fetch }).getScrId("9000000008"));
      check(error instanceof NhsNumberError, `NhsNumberError (got ${String(error)})`);
      return { status: "refused", detail: "check digit" };
    },
  },
];
