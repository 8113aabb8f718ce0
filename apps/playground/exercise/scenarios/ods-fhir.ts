import {
  createOdsFhirClient,
  describeOrganization,
  hapiCode,
  NhsValidationError,
  ODS_SYSTEMS,
  type OdsFhirClientOptions,
} from "@nhskit/ods-fhir";
import { check, type Scenario } from "../types.js";
import { apiError, refusal } from "./util.js";

// The hosted sandbox serves the live ODS data set, so these check shapes and long-lived facts (RR8 is Leeds
// Teaching Hospitals; there are over 280,000 organisations), not counts that change daily.
const client = (baseUrl: string, extra: Partial<OdsFhirClientOptions> = {}) =>
  createOdsFhirClient({ baseUrl, retry: false, ...extra });

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export const odsFhirScenarios: Scenario[] = [
  {
    api: "ods-fhir",
    operation: "get-single-organization",
    name: "read RR8",
    async run({ baseUrl }) {
      const summary = describeOrganization(await client(baseUrl()).getOrganization("RR8"));
      check(summary.name === "LEEDS TEACHING HOSPITALS NHS TRUST", `Leeds Teaching Hospitals (got ${summary.name})`);
      check(summary.roles.length > 0, "at least one role");
      return { status: 200, detail: `${summary.roles.length} role(s)` };
    },
  },
  {
    api: "ods-fhir",
    operation: "get-organization-resources",
    name: "pharmacies in Leeds, 10 a page",
    async run({ baseUrl }) {
      const page = await client(baseUrl()).searchOrganizations({
        "address-city": "LEEDS",
        roleCode: "RO182",
        _count: 10,
      });
      check(page.resources.length === 10, `a full page of 10 (got ${page.resources.length})`);
      check(page.next !== undefined, "a next link");
      return { status: 200, detail: "10 + next" };
    },
  },
  {
    api: "ods-fhir",
    operation: "get-organization-resources",
    name: "count every organisation",
    async run({ baseUrl }) {
      const total = await client(baseUrl()).countOrganizations();
      check(total > 280_000, `over 280,000 (got ${total})`);
      return { status: 200, detail: String(total) };
    },
  },
  {
    api: "ods-fhir",
    operation: "get-organizationAffiliation-resources",
    name: "relationships of G81086",
    async run({ baseUrl }) {
      const { resources } = await client(baseUrl()).searchAffiliations({
        "primary-organization": "G81086",
        _include: "OrganizationAffiliation:participating-organization",
      });
      check(
        resources.every((r) => r.resourceType === "OrganizationAffiliation"),
        "OrganizationAffiliation resources",
      );
      return { status: 200, detail: `${resources.length} relationship(s)` };
    },
  },
  {
    api: "ods-fhir",
    operation: "get-deletion-notices",
    name: "organisation deletion list",
    async run({ baseUrl }) {
      const list = await client(baseUrl()).getDeletionList("Organization-deletion");
      check(list.resourceType === "List", `a List (got ${list.resourceType})`);
      return { status: 200, detail: `${list.entry?.length ?? 0} deleted` };
    },
  },
  {
    api: "ods-fhir",
    operation: "search-ods-organization-code",
    name: "$expand: recently changed, 5 codes",
    async run({ baseUrl }) {
      const expansion = await client(baseUrl()).expandValueSet({
        system: ODS_SYSTEMS.odsOrganizationCode,
        // A recent date keeps the live expansion small (ODS refuses expansions of over 50,000 codes).
        filters: [{ property: "lastChangeDate", op: "=", value: `gt${daysAgo(30)}` }],
        properties: ["primaryRole"],
        count: 5,
      });
      check(expansion.contains.length <= 5, `at most 5 codes (got ${expansion.contains.length})`);
      return { status: 200, detail: `${expansion.total} in all` };
    },
  },
  {
    api: "ods-fhir",
    operation: "get-single-organization",
    name: "unknown ODS code is 404 HAPI-2001",
    async run({ baseUrl }) {
      const error = await apiError(client(baseUrl()).getOrganization("ZZZZZZZZZZ"));
      check(error.status === 404 && hapiCode(error) === "HAPI-2001", `404 HAPI-2001 (got ${hapiCode(error)})`);
      return { status: error.status, detail: hapiCode(error) };
    },
  },
  {
    api: "ods-fhir",
    operation: "get-organization-resources",
    name: "two-letter name refused before sending",
    async run({ baseUrl }) {
      const error = await refusal((fetch) => client(baseUrl(), { fetch }).searchOrganizations({ name: "Le" }));
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "names need 3 to 100 characters" };
    },
  },
];
