import { createOdsOrdClient, NhsValidationError, type OdsOrdClientOptions } from "@nhskit/ods-ord";
import { check, type Scenario, type Target } from "../types.js";
import { apiError, refusal } from "./util.js";

// ORD has no hosted sandbox (only UAT and production), so every scenario runs against nhskit's sandbox, whose
// data follows ORD's documentation (X26 as its worked example) plus its own NHSKIT records (30 pharmacies in LS1).
const LOCAL: readonly Target[] = ["local"];
const client = (baseUrl: string, extra: Partial<OdsOrdClientOptions> = {}) =>
  createOdsOrdClient({ baseUrl, retry: false, minRequestIntervalMs: 0, ...extra });

export const odsOrdScenarios: Scenario[] = [
  {
    api: "ods-ord",
    operation: "searchOrganisations",
    name: "pharmacies in LS1, 10 a page",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { organisations, totalCount } = await client(baseUrl()).searchOrganisations({
        PostCode: "LS1",
        PrimaryRoleId: "RO182",
        Limit: 10,
      });
      check(
        organisations.length === 10 && totalCount === 30,
        `10 of 30 (got ${organisations.length} of ${totalCount})`,
      );
      return { status: 200, detail: `10 of ${totalCount}` };
    },
  },
  {
    api: "ods-ord",
    operation: "getOrganisation",
    name: "full record of X26",
    targets: LOCAL,
    async run({ baseUrl }) {
      const org = await client(baseUrl()).getOrganisation("X26");
      const primary = org.Roles?.Role?.find((role) => role.primaryRole);
      check(
        org.Name === "NHS DIGITAL" && primary?.id === "RO116",
        `NHS DIGITAL, RO116 (got ${org.Name}, ${primary?.id})`,
      );
      return { status: 200, detail: org.Name };
    },
  },
  {
    api: "ods-ord",
    operation: "syncOrganisations",
    name: "changed since 2025-06-01",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { odsCodes } = await client(baseUrl()).syncOrganisations("2025-06-01");
      check(odsCodes.length > 0, "some changed records");
      return { status: 200, detail: `${odsCodes.length} records` };
    },
  },
  {
    api: "ods-ord",
    operation: "getRole",
    name: "role RO197",
    targets: LOCAL,
    async run({ baseUrl }) {
      const role = await client(baseUrl()).getRole("RO197");
      check(role?.displayName === "NHS TRUST", `NHS TRUST (got ${role?.displayName})`);
      return { status: 200, detail: role.displayName };
    },
  },
  {
    api: "ods-ord",
    operation: "getOrganisation",
    name: "unknown ODS code is 404",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await apiError(client(baseUrl()).getOrganisation("QQQ99"));
      check(error.status === 404, `404 (got ${error.status})`);
      return { status: error.status, detail: error.diagnostics };
    },
  },
  {
    api: "ods-ord",
    operation: "searchOrganisations",
    name: "Limit 5000 refused before sending",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await refusal((fetch) => client(baseUrl(), { fetch }).searchOrganisations({ Limit: 5000 }));
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "pages hold at most 1,000" };
    },
  },
];
