import { mesh } from "@nhskit/auth";
import { createMeshClient, type MeshClient, type MeshClientOptions } from "../../src/index.js";
import { MESH_SANDBOX_PASSWORD, MESH_SANDBOX_SHARED_KEY } from "../../src/mocks/index.js";

/** The sandbox's TEST-ONLY credentials: every canned mailbox has the password `password`; the key is `TestKey`. */
export const TEST_PASSWORD = MESH_SANDBOX_PASSWORD;
export const TEST_SHARED_KEY = MESH_SANDBOX_SHARED_KEY;

export function meshAuth(mailboxId: string, sharedKey = TEST_SHARED_KEY) {
  return mesh({ mailboxId, password: TEST_PASSWORD, sharedKey });
}

/** A client for one of the canned mailboxes, retries off unless asked for. */
export function clientFor(
  baseUrl: string,
  mailboxId = "X26ABC1",
  options: Partial<MeshClientOptions> = {},
): MeshClient {
  return createMeshClient({ baseUrl, mailboxId, auth: meshAuth(mailboxId), retry: false, ...options });
}
