import {
  createServiceSearchClient,
  geoDistance,
  NhsValidationError,
  odataString,
  type ServiceSearchClientOptions,
} from "@nhskit/service-search";
import { check, type Scenario } from "../types.js";
import { apiError, refusal } from "./util.js";

// The hosted sandbox answers canned results for exact query strings; nhskit's mocks hold the same scenarios.
const client = (baseUrl: string, extra: Partial<ServiceSearchClientOptions> = {}) =>
  createServiceSearchClient({ baseUrl, retry: false, ...extra });

export const serviceSearchScenarios: Scenario[] = [
  {
    api: "service-search",
    operation: "search-GET",
    name: "search by ODS code Y02494",
    async run({ baseUrl }) {
      const { organisations } = await client(baseUrl()).searchOrganisations({ search: "Y02494" });
      const name = organisations[0]?.OrganisationName;
      check(
        organisations.length === 1 && name === "Shakespeare Medical Practice",
        `Shakespeare Medical Practice (got ${name})`,
      );
      return { status: 200, detail: organisations[0]?.Postcode ?? undefined };
    },
  },
  {
    api: "service-search",
    operation: "search-GET",
    name: "EPS pharmacies nearest a point",
    async run({ baseUrl }) {
      const { organisations, count } = await client(baseUrl()).searchOrganisations({
        $filter: [
          `IsEpsEnabled eq ${odataString("true")}`,
          `OrganisationTypeId eq ${odataString("PHA")}`,
          `OrganisationSubType eq ${odataString("Community")}`,
        ].join(" and "),
        // The sandbox knows this exact point, written with every digit.
        $orderby: geoDistance({ latitude: "52.000820159912109", longitude: "-0.76444095373153675" }),
        $top: 10,
        $count: true,
      });
      check(
        count === 482 && organisations[0]?.ODSCode === "FDF16",
        `482, FDF16 first (got ${count}, ${organisations[0]?.ODSCode})`,
      );
      return { status: 200, detail: `${organisations.length} of ${count}` };
    },
  },
  {
    api: "service-search",
    operation: "search-POST",
    name: "POST: places in Bletchley",
    async run({ baseUrl }) {
      const { organisations, count } = await client(baseUrl()).searchOrganisationsWithBody({
        search: "Bletchley",
        searchMode: "all",
        searchFields: ["Address3", "City", "County"],
        select: ["Latitude", "Longitude", "Address3", "City", "County", "Postcode"],
        top: 10,
        count: true,
      });
      check(count === 22 && organisations.length === 10, `10 of 22 (got ${organisations.length} of ${count})`);
      return { status: 200, detail: `${organisations.length} of ${count}` };
    },
  },
  {
    api: "service-search",
    operation: "search-GET",
    name: "no match is an empty list",
    async run({ baseUrl }) {
      const { organisations } = await client(baseUrl()).searchOrganisations({ search: "no-organisation" });
      check(organisations.length === 0, `nothing (got ${organisations.length})`);
      return { status: 200, detail: "0 organisations" };
    },
  },
  {
    api: "service-search",
    operation: "search-POST",
    name: "POST /search is 404 on the sandbox",
    async run({ baseUrl }) {
      // The path the upstream integration tests use; neither the spec nor the sandbox has it.
      const error = await apiError(
        client(baseUrl(), { postPath: "/search" }).searchOrganisationsWithBody({ search: "Y02494" }),
      );
      check(error.status === 404, `404 (got ${error.status})`);
      return { status: error.status };
    },
  },
  {
    api: "service-search",
    operation: "search-GET",
    name: "$top 5000 refused before sending",
    async run({ baseUrl }) {
      const error = await refusal((fetch) => client(baseUrl(), { fetch }).searchOrganisations({ $top: 5000 }));
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "$top is at most 1,000" };
    },
  },
];
