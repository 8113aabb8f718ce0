import { readFileSync } from "node:fs";
import { mesh } from "@nhskit/auth";
import { mesh as meshApi } from "@nhskit/catalogue";
import { createApiClient } from "@nhskit/core";

export interface MeshMailbox {
  mailboxId: string;
  password: string;
  /** The environment's shared secret, issued at onboarding. */
  sharedKey: string;
  /** Paths to the client certificate, its key and the NHS CA bundle; not needed for the local sandbox. */
  tlsFiles?: { cert: string; key: string; ca: string };
}

/** Lists the messages waiting in a MESH mailbox. */
export async function listInbox(mailbox: MeshMailbox, baseUrl?: string) {
  const files = mailbox.tlsFiles;
  const auth = mesh({
    mailboxId: mailbox.mailboxId,
    password: mailbox.password,
    sharedKey: mailbox.sharedKey,
    tls: files && {
      cert: readFileSync(files.cert, "utf8"),
      key: readFileSync(files.key, "utf8"),
      ca: readFileSync(files.ca, "utf8"),
    },
  });
  const client = createApiClient({
    api: meshApi,
    environment: "int",
    baseUrl,
    auth,
    headers: { Accept: "application/vnd.mesh.v2+json", "mex-ClientVersion": "my-app/1.0" },
  });
  const { data } = await client.getUrl<{ messages: string[] }>(`messageexchange/${mailbox.mailboxId}/inbox`);
  return data.messages;
}
