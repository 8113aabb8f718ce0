// Where every API document comes from, and what has to be repaired on the way. Facts (repository, commit,
// licence, entry file, defects) come from ../shared/specs/<id>/SOURCE.md; keep them in step when a spec is
// re-copied. Other tooling may import API_DOCUMENTS (e.g. to list the generated files).

import type { FixName } from "./fixes.js";

export interface UpstreamOrigin {
  /** GitHub owner/name. */
  repository: string;
  /** Full commit the copy in the specs dir was taken from. */
  commit: string;
  licence: string;
}

interface DocumentBase {
  /** API id: the package folder under packages/. */
  id: string;
  /** Document name within the API ("default" when the API has a single document). */
  doc: string;
  /** The primary document of an API is written as openapi.json + src/generated/openapi.d.ts. */
  primary: boolean;
  /** Output spec file, relative to packages/<id>/. */
  specFile: string;
  /** Output types file, relative to packages/<id>/src/generated/. */
  typesFile: string;
  fixes: readonly FixName[];
}

export interface UpstreamDocumentSource extends DocumentBase {
  kind: "upstream";
  /** Entry file relative to the specs dir. */
  entry: string;
  origin: UpstreamOrigin;
  /** info.version to publish when upstream's is a build-time placeholder (see SOURCE.md); else upstream's. */
  version?: string;
}

export interface HandWrittenDocumentSource extends DocumentBase {
  kind: "hand-written";
  /** Our own OpenAPI YAML, relative to the repository root (written by hand from the SOURCE.md facts). */
  entry: string;
}

export type DocumentSource = UpstreamDocumentSource | HandWrittenDocumentSource;

function outputFiles(doc: string, primary: boolean): Pick<DocumentBase, "specFile" | "typesFile"> {
  return primary
    ? { specFile: "openapi.json", typesFile: "openapi.d.ts" }
    : { specFile: `openapi.${doc}.json`, typesFile: `${doc}.d.ts` };
}

type UpstreamInput = Omit<UpstreamDocumentSource, "kind" | "specFile" | "typesFile" | "doc" | "primary" | "fixes"> & {
  doc?: string;
  primary?: boolean;
  fixes?: readonly FixName[];
};

function upstream(input: UpstreamInput): UpstreamDocumentSource {
  const doc = input.doc ?? "default";
  const primary = input.primary ?? doc === "default";
  return { kind: "upstream", ...input, doc, primary, fixes: input.fixes ?? [], ...outputFiles(doc, primary) };
}

function handWritten(id: string): HandWrittenDocumentSource {
  return {
    kind: "hand-written",
    id,
    doc: "default",
    primary: true,
    entry: `packages/${id}/openapi.yaml`,
    fixes: [],
    ...outputFiles("default", true),
  };
}

const MIT = "MIT";

const EPS: UpstreamOrigin = {
  repository: "NHSDigital/electronic-prescription-service-api",
  commit: "77e80e11f58013e89c6b4f1c3d767373faa8c29d",
  licence: MIT,
};

export const API_DOCUMENTS: readonly DocumentSource[] = [
  upstream({
    id: "pds",
    entry: "pds/specification/personal-demographics.yaml",
    origin: {
      repository: "NHSDigital/personal-demographics-service-api",
      commit: "f57f5839b956fedb708555227ef2f9aefcc0cc37",
      licence: MIT,
    },
  }),
  upstream({
    id: "eps",
    entry: "eps/packages/specification/electronic-prescription-service-api.yaml",
    origin: EPS,
    fixes: ["annotateFragmentWirePaths"],
  }),
  upstream({
    id: "eps",
    doc: "prescribing",
    entry: "eps/packages/specification/fhir-prescribing.yaml",
    origin: EPS,
    fixes: ["replaceProxygenSecuritySchemes", "dropEpsRoutingPlaceholders", "annotateFragmentWirePaths"],
  }),
  upstream({
    id: "eps",
    doc: "dispensing",
    entry: "eps/packages/specification/fhir-dispensing.yaml",
    origin: EPS,
    fixes: ["replaceProxygenSecuritySchemes", "dropEpsRoutingPlaceholders", "annotateFragmentWirePaths"],
  }),
  upstream({
    id: "scr",
    entry: "scr/specification/summary-care-record.yaml",
    origin: {
      repository: "NHSDigital/summary-care-record-api",
      commit: "91bdd2813350613b5fe8f5383532954c4a5c80fd",
      licence: MIT,
    },
  }),
  upstream({
    id: "nrl",
    doc: "consumer",
    primary: true,
    entry: "nrl/consumer/specification/record-locator/consumer.yaml",
    origin: {
      repository: "NHSDigital/nrl-consumer-api",
      commit: "25d6f5b37bc89480dbcde202d20e0fceb71a3bcd",
      licence: MIT,
    },
  }),
  upstream({
    id: "nrl",
    doc: "producer",
    entry: "nrl/producer/specification/record-locator/producer.yaml",
    origin: {
      repository: "NHSDigital/nrl-producer-api",
      commit: "ec0303b3473876c8b7d50a9c9e1d9b888c945d92",
      licence: MIT,
    },
  }),
  upstream({
    id: "bars",
    // Newest BaRS Core version; its paths are a superset of the older documents'.
    entry: "bars/specification/booking-and-referral-1.4.0.yaml",
    origin: {
      repository: "NHSDigital/booking-and-referral-fhir-api",
      commit: "0c9714b03041706cc3d3c2c02f995a20dd127fe9",
      licence: MIT,
    },
    fixes: ["dedupeParameters"],
  }),
  upstream({
    id: "gp-connect-appointments",
    doc: "patient-facing",
    primary: true,
    entry: "gp-connect-appointments/patient-facing/specification/gp-connect-appointments-management-fhir.yaml",
    origin: {
      repository: "NHSDigital/gp-connect-appointments-management-fhir",
      commit: "332be07fbebdd79ea1404ddb33e3632633aec7fc",
      licence: MIT,
    },
  }),
  upstream({
    id: "gp-connect-appointments",
    doc: "provider",
    // Swagger 2.0: converted to OpenAPI 3.0 after bundling (see src/convert.ts).
    entry: "gp-connect-appointments/provider-swagger2/appointments/gpconnect-swagger.yaml",
    origin: {
      repository: "nhsconnect/gpconnect-swagger",
      commit: "b8d5df0591129a8412e54ff8d8965d53610dd153",
      licence: "Apache-2.0",
    },
    // Upstream says "1.5.0 - Appointment Management": the GP Connect specification version is 1.5.0.
    version: "1.5.0",
    fixes: ["clearServers"],
  }),
  upstream({
    id: "e-rs",
    entry: "e-rs/specification/e-referrals-service-api.yaml",
    origin: {
      repository: "NHSDigital/e-referrals-service-api",
      commit: "c2761d3833cff02566830989c1d2877e664a06d9",
      licence: MIT,
    },
  }),
  upstream({
    id: "immunisation-history",
    entry: "immunisation-history/specification/immunisation-history.yaml",
    origin: {
      repository: "NHSDigital/immunisation-history-api",
      commit: "1465429337819e9ffd98ecaa9b5ef24fd668d28c",
      licence: MIT,
    },
  }),
  upstream({
    id: "nhs-app",
    entry: "nhs-app/specification/nhs-app.yaml",
    origin: {
      repository: "NHSDigital/nhs-app-api",
      commit: "23cd12327b5365ec743336e1d1f323fdda6488dc",
      licence: MIT,
    },
  }),
  upstream({
    id: "service-search",
    entry: "service-search/specification/service-search-api.yaml",
    origin: {
      repository: "NHSDigital/service-search-api",
      commit: "da85b40d5b8add0a1dcc5233093a1b586d4a1c97",
      licence: MIT,
    },
    fixes: ["defineApiKeySecurityScheme"],
  }),
  upstream({
    id: "nhs-login",
    entry: "nhs-login/specification/identity-service.yaml",
    origin: {
      repository: "NHSDigital/identity-service-api",
      commit: "5100cca38064ce76077390e43162c543c367f617",
      licence: MIT,
    },
  }),
  upstream({
    id: "sds",
    entry: "sds/specification/spine-directory-service.yaml",
    origin: {
      repository: "NHSDigital/spine-directory-service-api",
      commit: "dc9c89d7e7db2eab164ed2dc9ead040423c62e9e",
      licence: MIT,
    },
  }),
  upstream({
    id: "research-data-catalogue",
    entry: "research-data-catalogue/specification/health-research-data-catalogue.yaml",
    origin: {
      repository: "NHSDigital/health-research-data-catalogue",
      commit: "2d437375534fdcfa1013b88748b5fd53eaf8c1f7",
      licence: MIT,
    },
    // Upstream has "{VERSION}"; SOURCE.md records the catalogue's published copy as v1.0.48-alpha.
    version: "1.0.48-alpha",
  }),
  upstream({
    id: "website-content",
    entry: "website-content/specification/nhs-website-content-api.yaml",
    origin: {
      repository: "NHSDigital/nhs-website-content-api",
      commit: "67de29200fbc46929334142015fc83b0ea174a4e",
      licence: MIT,
    },
    // Upstream has a build-time placeholder; the newest entry of its own changelog is 2.2.0.
    version: "2.2.0",
    fixes: ["templateWildcardPaths"],
  }),
  upstream({
    id: "mesh",
    entry: "mesh/specification/mesh-api.yaml",
    origin: {
      repository: "NHSDigital/mesh-api-specification",
      commit: "7cfdcc4e33f35701f6f95bd303b90bcd7cd219d8",
      licence: MIT,
    },
  }),
  upstream({
    id: "ods-fhir",
    entry: "ods-fhir/specification/organisation-data-terminology-api.yaml",
    origin: {
      repository: "NHSDigital/organisation-data-terminology-api",
      commit: "659e4648d45f10997d551949dac0edc44e943ceb",
      licence: MIT,
    },
    fixes: ["renameOdsValueSetExpandPath", "renameOdsSummaryParameter"],
  }),
  handWritten("dos"),
  handWritten("ods-ord"),
  handWritten("data-registers"),
];

/** Display/report label of a document, e.g. "eps/prescribing". */
export function documentLabel(source: DocumentSource): string {
  return source.doc === "default" ? source.id : `${source.id}/${source.doc}`;
}

/** Output paths relative to the repository root. */
export function outputPaths(source: DocumentSource): { spec: string; types: string } {
  return {
    spec: `packages/${source.id}/${source.specFile}`,
    types: `packages/${source.id}/src/generated/${source.typesFile}`,
  };
}
