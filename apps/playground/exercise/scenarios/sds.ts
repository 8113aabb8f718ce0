import { createSdsClient, NhsValidationError, odsCodeToken, type SdsClientOptions } from "@nhskit/sds";
import { check, type Scenario } from "../types.js";
import { apiError, refusal } from "./util.js";

// The hosted sandbox's canned LDAP data: organisations YES, X26 and B82617 (nhskit's mocks hold the same).
const client = (baseUrl: string, extra: Partial<SdsClientOptions> = {}) =>
  createSdsClient({ baseUrl, retry: false, ...extra });
const PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";

export const sdsScenarios: Scenario[] = [
  {
    api: "sds",
    operation: "getDevice",
    name: "accredited system of YES for PSIS",
    async run({ baseUrl }) {
      const { summaries } = await client(baseUrl()).findDevices({ odsCode: "YES", interactionId: PSIS });
      const [device] = summaries;
      check(summaries.length === 1, `one Device (got ${summaries.length})`);
      check(
        device?.asid === "928942012545" && device.partyKey === "YES-0000806",
        `ASID 928942012545 (got ${device?.asid})`,
      );
      return { status: 200, detail: `ASID ${device.asid}` };
    },
  },
  {
    api: "sds",
    operation: "getDevice",
    name: "accredited system of X26 for GP2GP",
    async run({ baseUrl }) {
      const { summaries } = await client(baseUrl()).findDevices({
        odsCode: "X26",
        interactionId: "urn:nhs:names:services:gp2gp:COPC_IN000001UK01",
      });
      check(summaries[0]?.asid === "918999199246", `ASID 918999199246 (got ${summaries[0]?.asid})`);
      return { status: 200, detail: `ASID ${summaries[0]?.asid}` };
    },
  },
  {
    api: "sds",
    operation: "getEndpoint",
    name: "GP Connect endpoint of B82617",
    async run({ baseUrl }) {
      const { summaries } = await client(baseUrl()).findEndpoints({
        odsCode: "B82617",
        interactionId: "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1",
      });
      const address = summaries[0]?.address;
      check(address === "https://orange.testlab.nhs.uk/B82617/STU3/1/gpconnect/", `the demonstrator (got ${address})`);
      return { status: 200, detail: summaries[0]?.partyKey };
    },
  },
  {
    api: "sds",
    operation: "getEndpoint",
    name: "reliability of YES-0000806 for PSIS",
    async run({ baseUrl }) {
      const { summaries } = await client(baseUrl()).findEndpoints({ interactionId: PSIS, partyKey: "YES-0000806" });
      const reliability = summaries[0]?.reliability;
      check(reliability?.retries === 2 && reliability.syncReplyMode === "MSHSignalsOnly", "2 retries, MSHSignalsOnly");
      return { status: 200, detail: `retries ${reliability.retries}, every ${reliability.retryInterval}` };
    },
  },
  {
    api: "sds",
    operation: "getDevice",
    name: "unknown organisation is an empty result",
    async run({ baseUrl }) {
      const { total } = await client(baseUrl()).findDevices({ odsCode: "ZZZ99", interactionId: PSIS });
      check(total === 0, `total 0, not 404 (got ${total})`);
      return { status: 200, detail: "0 devices" };
    },
  },
  {
    api: "sds",
    operation: "getDevice",
    name: "no interaction id is 400 BAD_REQUEST",
    async run({ baseUrl }) {
      // The named methods refuse this before sending; the typed raw client sends what it is given.
      const call = client(baseUrl()).raw.GET("/Device", {
        params: { query: { organization: odsCodeToken("YES"), identifier: [] } },
      });
      const error = await apiError(call);
      check(
        error.status === 400 && error.code === "BAD_REQUEST",
        `400 BAD_REQUEST (got ${error.status} ${error.code})`,
      );
      return { status: error.status, detail: error.code };
    },
  },
  {
    api: "sds",
    operation: "getEndpoint",
    name: "ODS code alone refused before sending",
    async run({ baseUrl }) {
      const error = await refusal((fetch) => client(baseUrl(), { fetch }).findEndpoints({ odsCode: "YES" }));
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "needs an interaction id or party key" };
    },
  },
];
