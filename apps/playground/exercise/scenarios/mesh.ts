import { mesh } from "@nhskit/auth";
import { createMeshClient, type MeshClientOptions, NhsValidationError } from "@nhskit/mesh";
import { check, type Scenario, type Target } from "../types.js";
import { apiError, refusal } from "./util.js";

// MESH is not on the API platform: there is no hosted sandbox, so these run against nhskit's sandbox only, which
// behaves like NHS England's mesh-sandbox image (mailboxes X26ABC1 -> X26ABC2 on TEST_WORKFLOW, password
// "password", shared key TestKey: TEST-ONLY values). It checks the NHSMESH header, so mesh() from @nhskit/auth
// signs every request.
const LOCAL: readonly Target[] = ["local"];
const client = (baseUrl: string, mailboxId: string, extra: Partial<MeshClientOptions> = {}) =>
  createMeshClient({
    baseUrl,
    retry: false,
    mailboxId,
    auth: mesh({ mailboxId, password: "password", sharedKey: "TestKey" }),
    ...extra,
  });
const sender = (baseUrl: string, extra?: Partial<MeshClientOptions>) => client(baseUrl, "X26ABC1", extra);
const recipient = (baseUrl: string) => client(baseUrl, "X26ABC2");

export const meshScenarios: Scenario[] = [
  {
    api: "mesh",
    operation: "handshake_messageexchange__mailbox_id__post",
    name: "handshake X26ABC1",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { mailboxId } = await sender(baseUrl()).handshake();
      check(mailboxId === "X26ABC1", `X26ABC1 (got ${mailboxId})`);
      return { status: 200, detail: mailboxId };
    },
  },
  {
    api: "mesh",
    operation: "send_message",
    name: "send, download, acknowledge",
    targets: LOCAL,
    async run({ baseUrl }) {
      const body = "id,result\n1,negative\n";
      const { messageId } = await sender(baseUrl()).sendMessage({
        to: "X26ABC2",
        workflowId: "TEST_WORKFLOW",
        body,
        contentType: "text/csv",
        fileName: "results.csv",
        localId: "nhskit-exercise",
      });
      const inbox = recipient(baseUrl());
      const message = await inbox.downloadMessage(messageId);
      check(message.text() === body, "the payload as sent");
      check(message.metadata.from === "X26ABC1", `from X26ABC1 (got ${message.metadata.from})`);
      await inbox.acknowledgeMessage(messageId);
      return { status: 202, detail: messageId };
    },
  },
  {
    api: "mesh",
    operation: "send_chunk",
    name: "3 gzipped chunks, byte for byte",
    targets: LOCAL,
    async run({ baseUrl }) {
      const body = new TextEncoder().encode("0123456789abcdef".repeat(4096)); // 64 KiB
      const sent = await sender(baseUrl()).sendMessage({
        to: "X26ABC2",
        workflowId: "TEST_WORKFLOW",
        body,
        compress: true,
        chunkSize: 24 * 1024,
      });
      check(sent.chunks === 3, `3 chunks (got ${sent.chunks})`);
      const inbox = recipient(baseUrl());
      const message = await inbox.downloadMessage(sent.messageId);
      check(message.body.length === body.length && message.body.every((b, i) => b === body[i]), "the same bytes back");
      await inbox.acknowledgeMessage(sent.messageId);
      return { status: 202, detail: `${message.chunks} chunks` };
    },
  },
  {
    api: "mesh",
    operation: "tracking_by_message_id_messageexchange__mailbox_id__outbox_tracking_get",
    name: "track a sent message",
    targets: LOCAL,
    async run({ baseUrl }) {
      const outbox = sender(baseUrl());
      const { messageId } = await outbox.sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "hello" });
      const { tracking } = await outbox.trackMessage(messageId);
      check(tracking.recipient === "X26ABC2", `to X26ABC2 (got ${tracking.recipient})`);
      return { status: 200, detail: String(tracking.status) };
    },
  },
  {
    api: "mesh",
    operation: "get_receiving_mailbox_ids_messageexchange_endpointlookup__ods_code___workflow_id__get",
    name: "who at X26 receives TEST_WORKFLOW",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { results } = await sender(baseUrl()).lookupEndpoint("X26", "TEST_WORKFLOW");
      check(results[0]?.mailbox_id === "X26ABC2", `X26ABC2 (got ${results[0]?.mailbox_id})`);
      return { status: 200, detail: results.map((r) => r.mailbox_id).join(", ") };
    },
  },
  {
    api: "mesh",
    operation: "send_message",
    name: "unregistered recipient is 417 (code 12)",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await apiError(
        sender(baseUrl()).sendMessage({ to: "X99NOBODY", workflowId: "TEST_WORKFLOW", body: "hello" }),
      );
      check(error.status === 417 && error.code === "12", `417, code 12 (got ${error.status} ${error.code})`);
      return { status: error.status, detail: error.diagnostics };
    },
  },
  {
    api: "mesh",
    operation: "send_message",
    name: "empty body refused before sending",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await refusal((fetch) =>
        sender(baseUrl(), { fetch }).sendMessage({ to: "X26ABC2", workflowId: "TEST_WORKFLOW", body: "" }),
      );
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "MESH would refuse it with error 02" };
    },
  },
];
