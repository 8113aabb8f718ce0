export { organizationFixtures } from "./fixtures.js";
export { ODS_FHIR_BASE_PATH, type OdsFhirMockOptions, odsFhirHandlers } from "./handlers.js";
