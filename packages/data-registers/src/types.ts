import type { components } from "./generated/openapi.js";

// PROVISIONAL: these shapes are nhskit's model (openapi.yaml), not a published NHS interface.
type Schemas = components["schemas"];

/** A register: a list of reference data kept by a named custodian. */
export type Register = Schemas["Register"];
/** One code in a register, as it stands now or as at a past date. `attributes` differ per register. */
export type RegisterEntry = Schemas["RegisterEntry"];
/** A date for which the register can be read as it stood then. */
export type Snapshot = Schemas["Snapshot"];
export type RegisterList = Schemas["RegisterList"];
export type RegisterEntryPage = Schemas["RegisterEntryPage"];
export type SnapshotList = Schemas["SnapshotList"];
/** `{"code": "REGISTER_NOT_FOUND", "message": "..."}` in nhskit's model. */
export type ErrorBody = Schemas["Error"];
