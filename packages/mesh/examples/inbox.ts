import { mesh } from "@nhskit/auth";
import { createMeshClient } from "@nhskit/mesh";

export async function readInbox() {
  const auth = mesh({ mailboxId: "X26ABC1", password: "password", sharedKey: "TestKey" });
  const client = createMeshClient({ environment: "local", mailboxId: "X26ABC1", auth });

  const texts: string[] = [];
  let continueFrom: string | undefined;
  do {
    const page = await client.listInbox({ maxResults: 100, ...(continueFrom ? { continueFrom } : {}) });
    for (const id of page.messages) {
      const message = await client.downloadMessage(id); // every chunk, joined and unzipped
      texts.push(message.text());
      await client.acknowledgeMessage(id); // only once it is safely stored
    }
    continueFrom = page.continueFrom;
  } while (continueFrom);
  return texts;
}
