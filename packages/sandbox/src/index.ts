export {
  createSandbox,
  type Sandbox,
  type SandboxOptions,
  sandboxHandlers,
  sandboxIndex,
  servedBasePaths,
} from "./handlers.js";
export { type MockedApi, mockedApis } from "./registry.js";
export { createSandboxServer, type SandboxServer, type SandboxServerOptions } from "./server.js";
