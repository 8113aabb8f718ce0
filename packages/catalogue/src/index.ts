export { bars } from "./apis/bars.js";
export { dataRegisters } from "./apis/data-registers.js";
export { dos } from "./apis/dos.js";
export { eRs } from "./apis/e-rs.js";
export { eps } from "./apis/eps.js";
export { gpConnectAppointments } from "./apis/gp-connect-appointments.js";
export { immunisationHistory } from "./apis/immunisation-history.js";
export { mesh } from "./apis/mesh.js";
export { nhsApp } from "./apis/nhs-app.js";
export { nhsLogin } from "./apis/nhs-login.js";
export { nrl } from "./apis/nrl.js";
export { odsFhir } from "./apis/ods-fhir.js";
export { odsOrd } from "./apis/ods-ord.js";
export { pds } from "./apis/pds.js";
export { researchDataCatalogue } from "./apis/research-data-catalogue.js";
export { scr } from "./apis/scr.js";
export { sds } from "./apis/sds.js";
export { serviceSearch } from "./apis/service-search.js";
export { websiteContent } from "./apis/website-content.js";
export { catalogue, findApi, getApi } from "./catalogue.js";
export {
  type AccessModeFact,
  type ApiId,
  ASSURANCE_LABELS,
  type AssuranceProcess,
  type ChecklistItem,
  type ChecklistSection,
  findOnboarding,
  HSCN_LABELS,
  type HscnNeed,
  type OnboardingFacts,
  onboardingChecklist,
  onboardingFor,
  type PathStep,
  rateLimitSummary,
} from "./onboarding.js";
export { BaseUrlError, normalizeBaseUrl, type ResolveBaseUrlOptions, resolveBaseUrl } from "./resolve.js";
export type {
  ApiDocument,
  ApiEntry,
  ApiStatus,
  AuthPattern,
  BaseUrls,
  Environment,
  RateLimitFact,
} from "./types.js";
export { ENVIRONMENTS } from "./types.js";
export { LOCAL_SANDBOX_ORIGIN } from "./urls.js";
