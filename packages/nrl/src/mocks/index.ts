export { NRL_SANDBOX_PERMISSIONS, type StoredPointer, seedPointers } from "./fixtures.js";
export { NRL_CONSUMER_BASE_PATH, NRL_PRODUCER_BASE_PATH, type NrlMockOptions, nrlHandlers } from "./handlers.js";
