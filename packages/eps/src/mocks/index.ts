export { CANNED_PRESCRIPTION, cannedPrescriptionMessage, SANDBOX_IDENTITY } from "./fixtures.js";
export {
  EPS_BASE_PATHS,
  EPS_FHIR_CONTENT_TYPE,
  type EpsMockOptions,
  epsCombinedHandlers,
  epsDispensingHandlers,
  epsDocumentHandlers,
  epsHandlers,
  epsPrescribingHandlers,
} from "./handlers.js";
export { statusForIssues } from "./rules.js";
export { type Interaction, spineReply } from "./spine.js";
