import { isValidNhsNumber, nhsNumberProblem, validationError } from "@nhskit/core";
import * as z from "zod/mini";

// zod/mini keeps browser bundles small; every check carries its own message because mini ships no locale.

/** A GP practice ODS code as the patient report accepts it (not case sensitive): A12345 or A1B2C. */
export const GP_ODS_CODE = /^[A-Za-z]\d{5}$|^[A-Za-z]\d[A-Za-z]\d[A-Za-z]$/;
/** The requester's ODS code in an in-app message: upper-case letters and digits. */
export const REQUESTER_ODS_CODE = /^[0-9A-Z]+$/;
/** Text the API refuses in message bodies and identifiers: anything that looks like an HTML tag. */
export const HTML_TAG = /<(.|\n)*?>/;
/** Longest in-app message body, Markdown included. */
export const MAX_MESSAGE_LENGTH = 5000;
/** Longest push notification text. */
export const MAX_NOTIFICATION_LENGTH = 200;
/** Longest URL a push notification may open. */
export const MAX_NOTIFICATION_URL_LENGTH = 1000;
/** Longest campaign id, request reference or on-behalf-of value. */
export const MAX_IDENTIFIER_LENGTH = 128;
/** Most keyword reply options. */
export const MAX_KEYWORD_OPTIONS = 6;

export const nhsNumberSchema = z
  .string({ error: "must be a string of 10 digits" })
  .check(
    z.refine(isValidNhsNumber, { error: (issue) => nhsNumberProblem(issue.input) ?? "is not a valid NHS number" }),
  );

export const gpOdsCodeSchema = z.string({ error: "must be a GP practice ODS code such as A12345" }).check(
  z.regex(GP_ODS_CODE, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a GP practice ODS code (a letter and five digits, e.g. A12345, or letter-digit-letter-digit-letter, e.g. A1B2C)`,
  }),
);

export const requesterOdsCodeSchema = z.string({ error: "must be your organisation's ODS code" }).check(
  z.regex(REQUESTER_ODS_CODE, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} must be an ODS code of upper-case letters and digits, e.g. B82041`,
  }),
);

function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const daySchema = z.string({ error: "must be a day as YYYY-MM-DD" }).check(
  z.refine(isCalendarDay, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a real day written YYYY-MM-DD (e.g. 2024-03-09)`,
  }),
);

export const pageSchema = z.number({ error: "must be a whole number from 1" }).check(
  z.refine((n) => Number.isInteger(n) && n >= 1 && n <= 2147483647, {
    error: "must be a whole number from 1 to 2147483647",
  }),
);

const identifierValue = (what: string) =>
  z.string({ error: `must be a string (${what})` }).check(
    z.minLength(1, { error: `must not be empty (${what})` }),
    z.maxLength(MAX_IDENTIFIER_LENGTH, { error: `must be at most ${MAX_IDENTIFIER_LENGTH} characters (${what})` }),
    z.refine((v) => !HTML_TAG.test(v), { error: `must not contain anything that looks like an HTML tag (${what})` }),
  );

const trackingShape = {
  /** Groups many messages for later analysis (e.g. one invitation campaign). */
  campaignId: z.optional(identifierValue("a campaign id")),
  /** Your own reference for this one message. */
  requestReference: z.optional(identifierValue("a request reference")),
  /** For intermediaries: whom you send on behalf of. */
  onBehalfOf: z.optional(identifierValue("on behalf of")),
};

const replyId = z.optional(
  z
    .string({ error: "must be a string" })
    .check(z.regex(/^[A-Za-z0-9\-.]{1,64}$/, { error: "must be 1 to 64 letters, digits, '-' or '.' (a FHIR id)" })),
);

export const replySchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("keyword"),
      /** The keywords offered to the patient, e.g. ["YES", "NO"]. */
      options: z
        .array(
          z
            .string({ error: "must be a keyword string" })
            .check(
              z.minLength(1, { error: "must not be empty" }),
              z.maxLength(MAX_IDENTIFIER_LENGTH, { error: `must be at most ${MAX_IDENTIFIER_LENGTH} characters` }),
            ),
          { error: "must be a list of keywords" },
        )
        .check(
          z.minLength(1, { error: "must offer at least one keyword" }),
          z.maxLength(MAX_KEYWORD_OPTIONS, { error: `must offer at most ${MAX_KEYWORD_OPTIONS} keywords` }),
          z.refine((list) => new Set(list).size === list.length, { error: "must not repeat a keyword" }),
        ),
      id: replyId,
    }),
    z.strictObject({ type: z.literal("free-text"), id: replyId }),
  ],
  { error: 'must be { type: "keyword", options: [...] } or { type: "free-text" }' },
);

const unknownKeys = (known: string) => (issue: { code?: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys"
    ? `unknown field${(issue.keys?.length ?? 0) > 1 ? "s" : ""} ${issue.keys?.map((k) => JSON.stringify(k)).join(", ")}; expected ${known}`
    : `must be an object with ${known}`;

export const inAppMessageSchema = z.strictObject(
  {
    nhsNumber: nhsNumberSchema,
    /** Markdown (the NHS App's subset), at most 5000 characters, no HTML. */
    body: z.string({ error: "must be the message text (Markdown)" }).check(
      z.minLength(1, { error: "must not be empty" }),
      z.maxLength(MAX_MESSAGE_LENGTH, {
        error: `must be at most ${MAX_MESSAGE_LENGTH} characters, Markdown included`,
      }),
      z.refine((v) => !HTML_TAG.test(v), {
        error: "must not contain HTML tags; use the Markdown subset (see markdownWarnings)",
      }),
    ),
    /** Your organisation's ODS code: the requester. */
    odsCode: requesterOdsCodeSchema,
    reply: z.optional(replySchema),
    ...trackingShape,
  },
  { error: unknownKeys("nhsNumber, body, odsCode, reply, campaignId, requestReference, onBehalfOf") },
);
export type InAppMessageInput = z.infer<typeof inAppMessageSchema>;

export const pushNotificationSchema = z.strictObject(
  {
    nhsNumber: nhsNumberSchema,
    /** What the notification says: at most 200 characters, no personal or sensitive details, no links. */
    text: z.string({ error: "must be the notification text" }).check(
      z.minLength(1, { error: "must not be empty" }),
      z.maxLength(MAX_NOTIFICATION_LENGTH, { error: `must be at most ${MAX_NOTIFICATION_LENGTH} characters` }),
      z.refine((v) => !/https?:\/\/|www\./i.test(v), {
        error: "must not contain links; pass an NHS App page as url instead",
      }),
    ),
    /** The NHS App page to open when tapped; the App opens its home page when absent. */
    url: z.optional(
      z.string({ error: "must be a URL string" }).check(
        z.maxLength(MAX_NOTIFICATION_URL_LENGTH, {
          error: `must be at most ${MAX_NOTIFICATION_URL_LENGTH} characters`,
        }),
        z.refine(isNhsAppPage, {
          error: (issue) =>
            `${JSON.stringify(String(issue.input).slice(0, 60))} must be an https page within the NHS App, e.g. https://www.nhsapp.service.nhs.uk/patient/messages/app-messaging`,
        }),
      ),
    ),
    ...trackingShape,
  },
  { error: unknownKeys("nhsNumber, text, url, campaignId, requestReference, onBehalfOf") },
);
export type PushNotificationInput = z.infer<typeof pushNotificationSchema>;

/** True for an https URL on an NHS App host (`*.nhsapp.service.nhs.uk`). */
export function isNhsAppPage(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === "https:" &&
      (url.hostname === "nhsapp.service.nhs.uk" || url.hostname.endsWith(".nhsapp.service.nhs.uk"))
    );
  } catch {
    return false;
  }
}

/** Parses with zod and throws core's NhsValidationError naming every problem. */
export function check<S extends z.ZodMiniType>(
  operation: string,
  schema: S,
  value: unknown,
  where: string,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(operation, result.error.issues, where);
  return result.data as z.infer<S>;
}
