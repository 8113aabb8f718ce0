export {
  FHIR_JSON,
  fhirResponse,
  mirroredHeaders,
  type OutcomeIssue,
  operationOutcome,
  outcomeResponse,
  SPINE_ERROR_SYSTEM,
  UUID,
} from "./fhir.js";
export { anyOrigin, LOCAL_SANDBOX_ORIGIN, sandboxBasePath } from "./paths.js";
