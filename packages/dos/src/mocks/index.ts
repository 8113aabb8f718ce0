export { GP_PRACTICE_ID, type MockService, POSTCODES, SERVICE_TYPES, SERVICES } from "./fixtures.js";
export { DOS_BASE_PATH, type DosMockOptions, dosHandlers } from "./handlers.js";
