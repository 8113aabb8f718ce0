// Shared by every nhskit client; re-exported so EPS users need one import.
export {
  isValidNhsNumber,
  NhsApiError,
  NhsError,
  NhsNetworkError,
  NhsResponseError,
  NhsTimeoutError,
  NhsValidationError,
} from "@nhskit/core";
export { ODS_ORGANIZATION_CODE_SYSTEM, releaseParameters } from "./builders.js";
export { MESSAGE_EVENTS, messageEvent } from "./checks.js";
export {
  createEpsClient,
  createEpsDispensingClient,
  createEpsPrescribingClient,
  type EpsClient,
  type EpsClientOptions,
  type EpsDispensingClient,
  type EpsDispensingClientOptions,
  type EpsDispensingOperations,
  type EpsPrescribingClient,
  type EpsPrescribingClientOptions,
  type EpsPrescribingOperations,
  type EpsUserRestrictedOptions,
} from "./client.js";
export {
  addSignature,
  type DispensedPrescription,
  type DispenseOptions,
  type DispenseResult,
  type FlowCallOptions,
  type PrescribeOptions,
  type PrescribeResult,
} from "./flows.js";
export type { components as DispensingComponents, paths as DispensingPaths } from "./generated/dispensing.js";
export type { components, operations, paths } from "./generated/openapi.js";
export type { components as PrescribingComponents, paths as PrescribingPaths } from "./generated/prescribing.js";
export type {
  AccessMode,
  Acknowledgement,
  CancellationResult,
  EpsCallOptions,
  PrepareResult,
  ReleaseResult,
  TrackResult,
} from "./operations.js";
export {
  assertPrescriptionId,
  isValidPrescriptionId,
  newPrescriptionId,
  PRESCRIPTION_ID_PATTERN,
  PRESCRIPTION_ORDER_NUMBER_SYSTEM,
  PrescriptionIdError,
  prescriptionIdCheckCharacter,
  prescriptionIdProblem,
} from "./prescription-id.js";
export { prescriptionIdSchema, type ReleaseInput, requestIdSchema, sessionUridSchema } from "./schemas.js";
export { type PrescriptionSigner, type SignRequest, type SignResult, signatureData } from "./signature.js";
export type {
  CancellationBundle,
  CancellationResponseBundle,
  CapabilityStatement,
  DispenseClaim,
  DispenseNotificationBundle,
  FhirBundle,
  FhirClaim,
  FhirMessageBundle,
  FhirParameters,
  FhirResource,
  FhirTask,
  MedicationDispense,
  MedicationRequest,
  OperationOutcome,
  Patient,
  PrepareResponse,
  PrescriptionBundle,
  PrescriptionOrderBundle,
  Provenance,
  ReleaseParameters,
  ReleaseParametersResponse,
  ReturnTask,
  WithdrawTask,
} from "./types.js";
export { EPS_VERSION } from "./version.js";
