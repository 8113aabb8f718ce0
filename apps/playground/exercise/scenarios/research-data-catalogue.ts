import {
  createResearchDataCatalogueClient,
  NhsValidationError,
  type ResearchDataCatalogueClientOptions,
} from "@nhskit/research-data-catalogue";
import { check, type Scenario } from "../types.js";
import { apiError, refusal } from "./util.js";

// The hosted sandbox lists two data sets and serves one full record, dd5f0174-… (not an id its list gives).
const DEATHS = "dd5f0174-575f-4f4c-a4fc-b406aab953d9";
const client = (baseUrl: string, extra: Partial<ResearchDataCatalogueClientOptions> = {}) =>
  createResearchDataCatalogueClient({ baseUrl, retry: false, ...extra });

export const researchDataCatalogueScenarios: Scenario[] = [
  {
    api: "research-data-catalogue",
    operation: "get-datasets-list",
    name: "list the data sets",
    async run({ baseUrl }) {
      const { datasets, total } = await client(baseUrl()).listDatasets();
      check(total === 2 && datasets.length === 2, `2 data sets, total read as a number (got ${String(total)})`);
      return { status: 200, detail: datasets.map((d) => d.persistentId).join(", ") };
    },
  },
  {
    api: "research-data-catalogue",
    operation: "get-datasets-id",
    name: "read Civil Registration - Deaths",
    async run({ baseUrl }) {
      const { dataset } = await client(baseUrl()).getDataset(DEATHS);
      check(
        dataset.summary.title === "Civil Registration - Deaths",
        `the deaths record (got ${dataset.summary.title})`,
      );
      check(dataset.version === "1.0.1", `version 1.0.1 (got ${dataset.version})`);
      return { status: 200, detail: `version ${dataset.version}` };
    },
  },
  {
    api: "research-data-catalogue",
    operation: "get-datasets-id",
    name: "listed id without a record is 404",
    async run({ baseUrl }) {
      const error = await apiError(client(baseUrl()).getDataset("CV19-12345"));
      check(error.status === 404 && error.code === "RESOURCE_NOT_FOUND", `404 RESOURCE_NOT_FOUND (got ${error.code})`);
      return { status: error.status, detail: error.code };
    },
  },
  {
    api: "research-data-catalogue",
    operation: "get-datasets-id",
    name: "path-like id refused before sending",
    async run({ baseUrl }) {
      const error = await refusal((fetch) => client(baseUrl(), { fetch }).getDataset("../datasets"));
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "one path segment" };
    },
  },
];
