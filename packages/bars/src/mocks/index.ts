export { IDS as BARS_SANDBOX_IDS, NRL_PERMISSIONS } from "./fixtures.js";
export { BARS_BASE_PATH, type BarsMockOptions, barsHandlers } from "./handlers.js";
export { acceptedVersion } from "./proxy.js";
