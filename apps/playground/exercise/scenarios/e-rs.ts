import {
  type BusinessFunction,
  createErsClient,
  type ErsClientOptions,
  NhsValidationError,
  referralWorklistParameters,
} from "@nhskit/e-rs";
import { check, type Scenario } from "../types.js";
import { apiError, refusal } from "./util.js";

// The hosted sandbox's test data: UBRNs 000000070000…, services 1 and 2, slot searches for service 12000.
const client = (baseUrl: string, businessFunction: BusinessFunction, extra: Partial<ErsClientOptions> = {}) =>
  createErsClient({
    baseUrl,
    retry: false,
    businessFunction,
    endUserOrganisationOds: businessFunction === "REFERRING_CLINICIAN" ? "R69" : "RCD",
    ...extra,
  });
const referrer = (baseUrl: string, extra?: Partial<ErsClientOptions>) => client(baseUrl, "REFERRING_CLINICIAN", extra);
const provider = (baseUrl: string) => client(baseUrl, "SERVICE_PROVIDER_CLINICIAN");

export const eRsScenarios: Scenario[] = [
  {
    api: "e-rs",
    operation: "a005-retrieve-referral-request",
    name: "read referral 000000070000",
    async run({ baseUrl }) {
      const { data, version } = await referrer(baseUrl()).getReferral("000000070000");
      check(data.id === "000000070000", `referral 000000070000 (got ${data.id})`);
      check(version === 5, `version 5 from the ETag (got ${version})`);
      return { status: 200, detail: `version ${version}` };
    },
  },
  {
    api: "e-rs",
    operation: "a004-retrieve-reference-data",
    name: "specialty code system",
    async run({ baseUrl }) {
      const { data } = await referrer(baseUrl()).getCodeSystem("SPECIALTY");
      check((data.concept?.length ?? 0) > 0, "some specialties");
      return { status: 200, detail: `${data.concept?.length} concepts` };
    },
  },
  {
    api: "e-rs",
    operation: "a015-retrieve-appointment-slots",
    name: "slots for service 12000",
    async run({ baseUrl }) {
      const { data } = await referrer(baseUrl()).searchSlots({
        serviceId: "12000",
        priority: "ROUTINE",
        pageSize: 20,
        page: 1,
      });
      const slots = (data.entry ?? []).filter((e) => e.resource?.resourceType === "Slot");
      check(slots.length > 0, "at least one slot");
      return { status: 200, detail: `${slots.length} slot(s)` };
    },
  },
  {
    api: "e-rs",
    operation: "a008-retrieve-worklist",
    name: "provider worklist: referrals for review",
    // A write-style POST: the sandboxes answer only bodies equal to their own example requests, and nhskit's
    // examples are its own, so this one is matched by the local sandbox only.
    targets: ["local"],
    async run({ baseUrl }) {
      const { data } = await provider(baseUrl()).fetchReferralWorklist(
        referralWorklistParameters("REFERRALS_FOR_REVIEW"),
      );
      check((data.entry?.length ?? 0) > 0, "a non-empty worklist");
      return { status: 200, detail: `${data.entry?.length} referral(s)` };
    },
  },
  {
    api: "e-rs",
    operation: "a013-accept-referral",
    name: "provider accepts 000000070000 (v8 -> 9)",
    async run({ baseUrl }) {
      const { version } = await provider(baseUrl()).acceptReferral("000000070000", { version: 8 });
      check(version === 9, `version 9 (got ${version})`);
      return { status: 200, detail: `version ${version}` };
    },
  },
  {
    api: "e-rs",
    operation: "a033-retrieve-healthcare-service",
    name: "R4: healthcare service 2",
    async run({ baseUrl }) {
      const { data, version } = await referrer(baseUrl()).getHealthcareService("2");
      check(data.id === "2", `service 2 (got ${data.id})`);
      return { status: 200, detail: `version ${version}` };
    },
  },
  {
    api: "e-rs",
    operation: "a005-retrieve-referral-request",
    name: "unknown UBRN is 422 SANDBOX_ERROR",
    async run({ baseUrl }) {
      const error = await apiError(referrer(baseUrl()).getReferral("000000079999"));
      check(
        error.status === 422 && error.code === "SANDBOX_ERROR",
        `422 SANDBOX_ERROR (got ${error.status} ${error.code})`,
      );
      return { status: error.status, detail: error.code };
    },
  },
  {
    api: "e-rs",
    operation: "a005-retrieve-referral-request",
    name: "short UBRN refused before sending",
    async run({ baseUrl }) {
      const error = await refusal((fetch) => referrer(baseUrl(), { fetch }).getReferral("70000"));
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "UBRN is 12 digits" };
    },
  },
];
