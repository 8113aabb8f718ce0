export { SANDBOX_PATIENT, SANDBOX_SCR_ID } from "./fixtures.js";
export { SCR_BASE_PATH, type ScrMockOptions, scrHandlers } from "./handlers.js";
