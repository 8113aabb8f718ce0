export type { MeshAuthMode } from "./auth.js";
export {
  CANNED_MESSAGES,
  fillerText,
  MESH_MAILBOXES,
  MESH_SANDBOX_CODE_DEFAULT_KEY,
  MESH_SANDBOX_PASSWORD,
  MESH_SANDBOX_SHARED_KEY,
  MESH_WORKFLOWS,
  type MeshMockMailbox,
  type MeshMockWorkflow,
} from "./fixtures.js";
export {
  createMeshMock,
  type DeliverInput,
  MESH_BASE_PATH,
  type MeshMock,
  type MeshMockOptions,
  meshHandlers,
} from "./handlers.js";
