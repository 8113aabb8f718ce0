import { mesh } from "@nhskit/auth";
import { createMeshClient } from "@nhskit/mesh";

export async function rawClient() {
  const auth = mesh({ mailboxId: "X26ABC1", password: "password", sharedKey: "TestKey" });
  const client = createMeshClient({ environment: "local", mailboxId: "X26ABC1", auth });

  // Every operation in the OpenAPI document, typed, with the same auth, retries and errors.
  const { data, response } = await client.raw.GET("/messageexchange/{mailbox_id}/inbox", {
    params: { path: { mailbox_id: "X26ABC1" }, query: { max_results: 10 } },
  });
  console.log(response.status, data.messages); // 200 ["SIMPLE_MESSAGE"]
  return data.messages;
}
