export { HISTORY_NHS_NUMBER, PATIENT_FULL_URL } from "./fixtures.js";
export {
  IMMUNISATION_HISTORY_BASE_PATH,
  IMMUNISATION_HISTORY_PROXY_PATH,
  type ImmunisationHistoryMockOptions,
  immunisationHistoryHandlers,
} from "./handlers.js";
