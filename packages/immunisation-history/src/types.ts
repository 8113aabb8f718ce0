import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

/**
 * One vaccination record. The generated schema allows only `status: "completed"`, but the API also answers
 * `not-done` (with `statusReason`), and records carry `id`, `site` and `location`; this type widens those.
 */
export type Immunization = Omit<Schemas["Immunization"], "status" | "reportOrigin"> & {
  id?: string;
  status: "completed" | "not-done" | "entered-in-error";
  statusReason?: CodeableConcept[];
  site?: CodeableConcept;
  location?: { identifier?: { system?: string; value?: string } };
  reportOrigin?: { text?: string };
};

/** The patient's demographics as recorded when they were vaccinated (included with `_include=Immunization:patient`). */
export type ImmunisationPatient = Schemas["Patient"] & { id?: string };

export interface ImmunisationBundleEntry {
  fullUrl: string;
  resource: Immunization | ImmunisationPatient;
  search: { mode: "match" | "include" };
}

/** The searchset Bundle `GET /Immunization` answers: matched Immunizations, then the included Patient. */
export type ImmunisationBundle = Omit<Schemas["Bundle"], "entry"> & { entry: ImmunisationBundleEntry[] };

export type OperationOutcome = Schemas["OperationOutcome"];
