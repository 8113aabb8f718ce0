export { organisations } from "./fixtures.js";
export { ODS_ORD_BASE_PATH, odsOrdHandlers } from "./handlers.js";
