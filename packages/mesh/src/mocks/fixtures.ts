// nhskit's own test data for the MESH mocks. Ids, names, ODS codes, passwords, workflows and sizes follow the
// facts about NHS England's mesh-sandbox; the message texts are ours.

export interface MeshMockMailbox {
  mailbox_id: string;
  mailbox_name: string;
  ods_code: string;
  org_code: string;
  org_name: string;
  billing_entity: string;
  /** Goes into the NHSMESH HMAC; never sent. */
  password: string;
  active?: boolean;
}

export interface MeshMockWorkflow {
  workflow_id: string;
  senders: string[];
  receivers: string[];
}

/** Every canned mailbox's password, as in the MESH sandbox. TEST-ONLY. */
export const MESH_SANDBOX_PASSWORD = "password";
/** The shared secret the MESH sandbox's Docker image uses (and these mocks by default). TEST-ONLY. */
export const MESH_SANDBOX_SHARED_KEY = "TestKey";
/** The shared secret the MESH sandbox's code falls back to when none is configured. TEST-ONLY. */
export const MESH_SANDBOX_CODE_DEFAULT_KEY = "Banana";

export const MESH_MAILBOXES: readonly MeshMockMailbox[] = [
  {
    mailbox_id: "X26ABC1",
    mailbox_name: "TESTMB1",
    ods_code: "X26",
    org_code: "X26",
    org_name: "nhskit test organisation X26",
    billing_entity: "England",
    password: MESH_SANDBOX_PASSWORD,
  },
  {
    mailbox_id: "X26ABC2",
    mailbox_name: "TESTMB2",
    ods_code: "X26",
    org_code: "X26",
    org_name: "nhskit test organisation X26",
    billing_entity: "Wales",
    password: MESH_SANDBOX_PASSWORD,
  },
  {
    mailbox_id: "X26ABC3",
    mailbox_name: "TESTMB3",
    ods_code: "X27",
    org_code: "X27",
    org_name: "nhskit test organisation X27",
    billing_entity: "England",
    password: MESH_SANDBOX_PASSWORD,
  },
];

export const MESH_WORKFLOWS: readonly MeshMockWorkflow[] = [
  { workflow_id: "TEST_WORKFLOW", senders: ["X26ABC1"], receivers: ["X26ABC2"] },
  { workflow_id: "TEST_WORKFLOW_ACK", senders: ["X26ABC2"], receivers: ["X26ABC1", "X26ABC3"] },
  { workflow_id: "TEST_WORKFLOW2", senders: ["X26ABC1"], receivers: ["X26ABC1", "X26ABC2", "X26ABC3"] },
];

const PROSE =
  "This is a canned test message from the nhskit MESH mocks. It carries no patient data and exists only so " +
  "that a client has something to download, read and acknowledge while it is being built. ";

/** `length` bytes of our filler text (ASCII, so bytes and characters agree). */
export function fillerText(length: number): string {
  return PROSE.repeat(Math.ceil(length / PROSE.length)).slice(0, length);
}

/** The canned messages: SIMPLE_MESSAGE and UNDELIVERED_MESSAGE in X26ABC1, CHUNKED_MESSAGE_GZ in X26ABC2. */
export const CANNED_MESSAGES = {
  simple: {
    messageId: "SIMPLE_MESSAGE",
    from: "X26ABC2",
    to: "X26ABC1",
    workflowId: "TEST_WORKFLOW",
    text: fillerText(662),
    createdAt: "2026-01-05T09:00:00.000Z",
  },
  undelivered: {
    messageId: "UNDELIVERED_MESSAGE",
    from: "X26ABC2",
    to: "X26ABC1",
    workflowId: "TEST_WORKFLOW",
    text: fillerText(120),
    createdAt: "2026-01-05T09:05:00.000Z",
  },
  chunkedGzip: {
    messageId: "CHUNKED_MESSAGE_GZ",
    from: "X26ABC1",
    to: "X26ABC2",
    workflowId: "TEST_WORKFLOW",
    /** 439 bytes in all, sent as two chunks gzipped one by one. */
    text: fillerText(439),
    split: 220,
    createdAt: "2026-01-05T09:10:00.000Z",
  },
} as const;
