import { gzip, utf8 } from "../bytes.js";
import {
  CANNED_MESSAGES,
  MESH_MAILBOXES,
  MESH_WORKFLOWS,
  type MeshMockMailbox,
  type MeshMockWorkflow,
} from "./fixtures.js";

export type MessageStatus = "uploading" | "accepted" | "acknowledged" | "undeliverable" | "error";

export interface MessageEvent {
  status: MessageStatus;
  at: Date;
  code?: string;
  event?: string;
  description?: string;
  linkedMessageId?: string;
}

export interface Party {
  mailbox_id: string;
  mailbox_name: string;
  ods_code: string;
  org_code: string;
  org_name: string;
}

export interface StoredMessage {
  id: string;
  type: "DATA" | "REPORT";
  sender: Party;
  recipient: Party;
  workflowId: string;
  totalChunks: number;
  /** As uploaded (gzip bytes when `contentEncoding` is gzip). */
  chunks: Array<Uint8Array | undefined>;
  contentEncoding: string;
  contentType: string;
  subject?: string;
  localId?: string;
  fileName?: string;
  checksum?: string;
  partnerId?: string;
  encrypted: boolean;
  compressed: boolean;
  /** Oldest first; the last one is the current status. */
  events: MessageEvent[];
  createdAt: Date;
}

export const CENTRAL_SYSTEM: Party = {
  mailbox_id: "",
  mailbox_name: "Central System Mailbox",
  ods_code: "X26",
  org_code: "X26",
  org_name: "NHS England",
};

export const statusOf = (m: StoredMessage): MessageStatus => m.events[m.events.length - 1]!.status;

/** The latest error event (a report's reason, or why a DATA message failed). */
export function errorEventOf(m: StoredMessage): MessageEvent | undefined {
  for (let i = m.events.length - 1; i >= 0; i--) {
    const e = m.events[i]!;
    if (e.status === "error" || e.status === "undeliverable") return e;
  }
  return undefined;
}

export const fileSizeOf = (m: StoredMessage) => m.chunks.reduce((n, c) => n + (c?.byteLength ?? 0), 0);

export function party(mailbox: MeshMockMailbox): Party {
  const { mailbox_id, mailbox_name, ods_code, org_code, org_name } = mailbox;
  return { mailbox_id, mailbox_name, ods_code, org_code, org_name };
}

/** In-memory mailboxes and messages for one handler set. */
export class MeshStore {
  readonly mailboxes = new Map<string, MeshMockMailbox>();
  readonly workflows: MeshMockWorkflow[];
  /** Insertion order is creation order, which is inbox order. */
  readonly messages = new Map<string, StoredMessage>();
  /** Resolves once the canned messages (which need gzip) are in place. */
  ready: Promise<void>;

  constructor(
    readonly writable: boolean,
    private readonly canned: boolean,
    extraMailboxes: readonly MeshMockMailbox[] = [],
    extraWorkflows: readonly MeshMockWorkflow[] = [],
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const mailbox of [...MESH_MAILBOXES, ...extraMailboxes]) {
      this.mailboxes.set(mailbox.mailbox_id.toUpperCase(), { active: true, ...mailbox });
    }
    this.workflows = [...MESH_WORKFLOWS, ...extraWorkflows];
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    if (!this.canned) return;
    const { simple, undelivered, chunkedGzip } = CANNED_MESSAGES;
    const base = (c: { messageId: string; from: string; to: string; workflowId: string; createdAt: string }) => ({
      id: c.messageId,
      type: "DATA" as const,
      sender: party(this.mailboxes.get(c.from)!),
      recipient: party(this.mailboxes.get(c.to)!),
      workflowId: c.workflowId,
      contentType: "text/plain",
      encrypted: false,
      compressed: false,
      createdAt: new Date(c.createdAt),
    });
    this.messages.set(simple.messageId, {
      ...base(simple),
      totalChunks: 1,
      chunks: [utf8(simple.text)],
      contentEncoding: "",
      events: [{ status: "accepted", at: new Date(simple.createdAt) }],
    });
    this.messages.set(undelivered.messageId, {
      ...base(undelivered),
      totalChunks: 1,
      chunks: [utf8(undelivered.text)],
      contentEncoding: "",
      events: [
        { status: "accepted", at: new Date(undelivered.createdAt) },
        {
          status: "undeliverable",
          at: new Date(Date.parse(undelivered.createdAt) + 5 * 86_400_000),
          code: "14",
          event: "SEND",
          description: "Message not collected by recipient after 5 days",
        },
      ],
    });
    const bytes = utf8(chunkedGzip.text);
    this.messages.set(chunkedGzip.messageId, {
      ...base(chunkedGzip),
      totalChunks: 2,
      chunks: [await gzip(bytes.subarray(0, chunkedGzip.split)), await gzip(bytes.subarray(chunkedGzip.split))],
      contentEncoding: "gzip",
      events: [{ status: "accepted", at: new Date(chunkedGzip.createdAt) }],
    });
  }

  time(): Date {
    return this.now();
  }

  mailbox(id: string): MeshMockMailbox | undefined {
    return this.mailboxes.get(id.toUpperCase());
  }

  /** Accepted messages waiting in a mailbox's inbox, oldest first. */
  inbox(mailboxId: string): StoredMessage[] {
    return [...this.messages.values()].filter(
      (m) => m.recipient.mailbox_id === mailboxId && statusOf(m) === "accepted",
    );
  }

  /** Messages a mailbox sent, newest first. */
  outbox(mailboxId: string): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.sender.mailbox_id === mailboxId).reverse();
  }

  /** Receiving mailboxes of a workflow, optionally only those of one ODS code. */
  receivers(workflowId: string, odsCode?: string): MeshMockMailbox[] {
    const found: MeshMockMailbox[] = [];
    for (const workflow of this.workflows) {
      if (workflow.workflow_id !== workflowId) continue;
      for (const id of workflow.receivers) {
        const mailbox = this.mailbox(id);
        if (!mailbox) continue;
        if (odsCode !== undefined && mailbox.ods_code.toUpperCase() !== odsCode.toUpperCase()) continue;
        found.push(mailbox);
      }
    }
    return found;
  }

  /** Stores a message (a read-only store keeps nothing, as the sandbox's canned mode). */
  save(message: StoredMessage): void {
    if (this.writable) this.messages.set(message.id, message);
  }

  addEvent(message: StoredMessage, event: Omit<MessageEvent, "at">): void {
    if (this.writable) message.events.push({ ...event, at: this.now() });
  }

  reset(mailboxId?: string): void {
    for (const [id, message] of this.messages) {
      if (mailboxId === undefined || message.recipient.mailbox_id === mailboxId) this.messages.delete(id);
    }
  }
}
