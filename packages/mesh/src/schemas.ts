import { validationError } from "@nhskit/core";
import * as z from "zod/mini";

// Input checks, run before anything is sent. zod/mini ships no messages, so every check has its own.

const show = (value: unknown) => {
  const text = typeof value === "string" ? value : String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
};

/** A mailbox id such as `X26ABC1`: letters and digits. */
export const mailboxIdSchema = z.string({ error: "must be a mailbox id such as X26ABC1" }).check(
  z.regex(/^[A-Za-z0-9]{1,20}$/, {
    error: (i) => `${show(i.input)} must be a mailbox id: 1 to 20 letters and digits, such as X26ABC1`,
  }),
);

/** A MESH message id: letters, digits, `_` and `-` (e.g. `20200529155357895317_3573F8`). */
export const messageIdSchema = z.string({ error: "must be a message id such as 20200529155357895317_3573F8" }).check(
  z.regex(/^[A-Za-z0-9_-]{1,100}$/, {
    error: (i) =>
      `${show(i.input)} must be a MESH message id: 1 to 100 letters, digits, "_" or "-", such as 20200529155357895317_3573F8`,
  }),
);

/** A workflow id such as `TEST_WORKFLOW` or `API-DOCS-TEST`. */
export const workflowIdSchema = z.string({ error: "must be a workflow id such as TEST_WORKFLOW" }).check(
  z.regex(/^[A-Za-z0-9_.-]{1,255}$/, {
    error: (i) => `${show(i.input)} must be a workflow id: letters, digits, "_", "-" or ".", such as TEST_WORKFLOW`,
  }),
);

/** An ODS code such as `X26` or `Y12345`. */
export const odsCodeSchema = z.string({ error: "must be an ODS code such as X26" }).check(
  z.regex(/^[A-Za-z0-9]{2,12}$/, {
    error: (i) => `${show(i.input)} must be an ODS code: 2 to 12 letters and digits, such as X26`,
  }),
);

// A header value fetch can send unchanged: Latin-1 text, no control characters, no surrounding spaces.
const NOT_HEADER_TEXT = /[^\u0020-\u007e\u00a0-\u00ff]/;

/** Text sent in a `mex-*` header. */
export function headerText(what: string, max = 255) {
  return z.string({ error: `must be text (${what})` }).check(
    z.minLength(1, { error: `must not be empty (${what})` }),
    z.maxLength(max, { error: `must be at most ${max} characters (${what})` }),
    z.refine((s) => !NOT_HEADER_TEXT.test(s), {
      error: `must be plain Latin-1 text without line breaks or control characters, since it is sent as a header (${what})`,
    }),
    z.refine((s) => s.trim() === s, { error: `must not start or end with spaces (${what})` }),
  );
}

const wholeNumber = (min: number, max: number, message: string) =>
  z.number({ error: message }).check(z.refine((n) => Number.isInteger(n) && n >= min && n <= max, { error: message }));

/** The `workflow_filter` grammar: `X`, `!X`, `X*`, `!X*`, `*X*`, `!*X*` (2 to 255 characters). */
export const workflowFilterSchema = z
  .string({ error: "must be a workflow filter such as TEST_WORKFLOW, !*_ACK* or TEST*" })
  .check(
    z.refine((s) => s.length >= 2 && s.length <= 255, { error: "must be 2 to 255 characters long" }),
    z.refine((s) => /^!?(\*[^*!]+\*|[^*!]+\*?)$/.test(s), {
      error: (i) =>
        `${show(i.input)} is not a workflow filter: use X (equals), !X (not equal), X* (begins with), !X* (does not begin with), *X* (contains) or !*X* (does not contain)`,
    }),
  );

export const listInboxSchema = z.strictObject(
  {
    maxResults: z.optional(wholeNumber(10, 5000, "must be a whole number from 10 to 5000")),
    continueFrom: z.optional(
      z
        .string({ error: "must be the continue_from value of the previous page" })
        .check(z.minLength(1, { error: "must not be empty" }), z.maxLength(2048, { error: "is too long" })),
    ),
    workflowFilter: z.optional(workflowFilterSchema),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; listInbox takes maxResults, continueFrom and workflowFilter`
        : "must be an object { maxResults?, continueFrom?, workflowFilter? }",
  },
);

/** The largest chunk nhskit will send: MESH takes at most 100 MB per request. */
export const MAX_CHUNK_BYTES = 100 * 1000 * 1000;

export const chunkSizeSchema = wholeNumber(
  1,
  MAX_CHUNK_BYTES,
  `must be a whole number of bytes from 1 to ${MAX_CHUNK_BYTES} (MESH takes at most 100 MB per request)`,
);

export const chunkNumberSchema = wholeNumber(1, 1_000_000, "must be a whole number of at least 1");

/** The message fields of `sendMessage` (the body is checked separately). */
export const sendFieldsSchema = z.strictObject(
  {
    to: headerText("the recipient's mailbox id, sent as mex-To"),
    workflowId: workflowIdSchema,
    subject: z.optional(headerText("mex-Subject", 500)),
    localId: z.optional(headerText("your own reference, sent as mex-LocalID; no patient data")),
    fileName: z.optional(headerText("mex-FileName")),
    checksum: z.optional(headerText("mex-Content-Checksum")),
    contentType: z.optional(
      z.string({ error: "must be a media type such as text/csv" }).check(
        z.regex(
          /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[A-Za-z0-9_.-]+=("[^"\r\n]*"|[A-Za-z0-9_.+-]+))*$/,
          {
            error: (i) => `${show(i.input)} must be a media type such as text/csv or application/json`,
          },
        ),
      ),
    ),
    encrypted: z.optional(z.boolean({ error: "must be true or false" })),
    compress: z.optional(z.boolean({ error: "must be true or false" })),
    chunkSize: z.optional(chunkSizeSchema),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; sendMessage takes to, workflowId, body, subject, localId, fileName, checksum, contentType, encrypted, compress and chunkSize`
        : "must be an object { to, workflowId, body, ... }",
  },
);

export type SendFields = z.infer<typeof sendFieldsSchema>;

/** Parses with zod and throws core's NhsValidationError naming every problem. */
export function check<S extends z.ZodMiniType>(
  operation: string,
  schema: S,
  value: unknown,
  where?: string,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(operation, result.error.issues, where);
  return result.data as z.infer<S>;
}
