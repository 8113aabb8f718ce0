export { asRecords, mhsRecords } from "./fixtures.js";
export { SDS_BASE_PATH, type SdsMockOptions, sdsHandlers } from "./handlers.js";
