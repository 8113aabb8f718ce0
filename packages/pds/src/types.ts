import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

export type Patient = Schemas["Patient"];
export type PatientSearchBundle = Schemas["PatientSearch"];
export type PatientCreateRequest = Schemas["PatientCreateRequest"];
export type RelatedPersonBundle = Schemas["RelatedPersonBundle"];
export type RelatedPerson = Schemas["RelatedPerson"];
export type Coverage = Schemas["Coverage"];
export type CoverageSearch = Schemas["CoverageSearch"];
export type OperationOutcome = Schemas["OperationOutcome"];
