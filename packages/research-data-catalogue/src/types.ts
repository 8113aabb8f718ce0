import type { components, operations } from "./generated/openapi.js";

type Schemas = components["schemas"];

/**
 * A data set's full metadata in the HDR UK Dataset Metadata Schema 2.0.2: `summary`, `documentation`,
 * `coverage`, `provenance`, `accessibility`, `enrichmentAndLinkage` and `observations`. Typed from the spec;
 * many values are either a comma-separated string or a list, as the schema allows both.
 */
export type Dataset = Schemas["pdc.dataset.schema"];
export type DatasetSummaryBlock = Schemas["summary"];
export type Organisation = Schemas["organisation"];
export type Accessibility = Schemas["accessibility"];
export type Provenance = Schemas["provenance"];
export type Coverage = Schemas["coverage"];
export type Documentation = Schemas["documentation"];
export type EnrichmentAndLinkage = Schemas["enrichmentAndLinkage"];
export type Observation = Schemas["observation"];
export type Revision = Schemas["revision"];
export type OperationOutcome = Schemas["OperationOutcome-2"];

type SpecList = operations["get-datasets-list"]["responses"][200]["content"]["application/json"];

/** One entry of the data set list. */
export type DatasetSummary = SpecList["items"][number];

/**
 * The list as the service sends it. The spec types `total` as a number but the service sends a string
 * (`"2"`); the client also gives it to you as a number.
 */
export interface DatasetList {
  total: string;
  items: DatasetSummary[];
}
