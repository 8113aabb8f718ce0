export { janeSmith, janetSmythe, minimalPatient } from "./fixtures.js";
export { PDS_BASE_PATH, type PdsMockOptions, pdsHandlers } from "./handlers.js";
