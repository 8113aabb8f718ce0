import { mesh } from "@nhskit/auth";
import { createMeshClient, NhsApiError, NhsValidationError } from "@nhskit/mesh";

export async function handleErrors() {
  const auth = mesh({ mailboxId: "X26ABC1", password: "password", sharedKey: "TestKey" });
  const client = createMeshClient({ environment: "local", mailboxId: "X26ABC1", auth });
  const seen: string[] = [];

  try {
    await client.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "" }); // refused: nothing is sent
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]!.message);
  }
  try {
    await client.sendMessage({ to: "X99NOBODY", workflowId: "TEST_WORKFLOW", body: "hello" });
  } catch (error) {
    // MESH's own error code and description, whichever response version was asked for.
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.code} ${error.diagnostics}`);
  }
  return seen;
}
