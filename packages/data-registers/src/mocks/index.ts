export { entryAsAt, type MockRegister, REGISTERS } from "./fixtures.js";
export { DATA_REGISTERS_BASE_PATH, type DataRegistersMockOptions, dataRegistersHandlers } from "./handlers.js";
