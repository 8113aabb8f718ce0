import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** One search hit (`OrgId` is the ODS code as a string here; an object in the full record). */
export type OrganisationSummary = Schemas["OrganisationSummary"];
/** The full ORD record of one organisation or site. */
export type Organisation = Schemas["Organisation"];
export type OrgId = Schemas["OrgId"];
export type OrdDate = Schemas["OrdDate"];
export type Location = Schemas["Location"];
export type OrganisationRole = Schemas["OrganisationRole"];
export type Relationship = Schemas["Relationship"];
export type Succession = Schemas["Succession"];
export type RelatedOrganisation = Schemas["RelatedOrganisation"];
/** One code of an ORD code system (roles, relationship types, record classes). */
export type CodeSystemConcept = Schemas["CodeSystemConcept"];
export type RecordStatus = Schemas["RecordStatus"];
export type OrgRecordClass = Schemas["OrgRecordClass"];
export type OrganisationSummaryList = Schemas["OrganisationSummaryList"];
export type SyncResponse = Schemas["SyncResponse"];
