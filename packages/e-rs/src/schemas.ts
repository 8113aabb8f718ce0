import { validationError } from "@nhskit/core";
import * as z from "zod/mini";

// zod/mini keeps browser bundles small; every check carries its own message because mini ships no locale.

/** The e-RS roles a user can act in, sent as `NHSD-eRS-Business-Function`. */
export const BUSINESS_FUNCTIONS = [
  "REFERRING_CLINICIAN",
  "REFERRING_CLINICIAN_ADMIN",
  "REFERRING_ADMIN",
  "SERVICE_PROVIDER_CLINICIAN",
  "SERVICE_PROVIDER_CLINICIAN_ADMIN",
  "SERVICE_PROVIDER_ADMIN",
] as const;
export type BusinessFunction = (typeof BUSINESS_FUNCTIONS)[number];

/** The one business function that acts for another user (and must say whom with the on-behalf-of header). */
export const ON_BEHALF_OF_BUSINESS_FUNCTION = "SERVICE_PROVIDER_CLINICIAN_ADMIN" satisfies BusinessFunction;

/** How the application calls e-RS: a signed-in NHS CIS2 user, or unattended with a signed JWT. */
export const ACCESS_MODES = ["user-restricted", "application-restricted"] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

/** Reference data code systems `getCodeSystem` can read. */
export const CODE_SYSTEM_TYPES = [
  "SPECIALTY",
  "CLINIC-TYPE",
  "APPOINTMENT-CANCELLATION-REASON",
  "REFERRAL-CANCELLATION-REASON",
  "APPOINTMENT-NON-ATTENDANCE-REASON",
  "PRIORITY",
] as const;
export type CodeSystemType = (typeof CODE_SYSTEM_TYPES)[number];

/** Appointment priorities a slot search takes (`appointmentType`). */
export const PRIORITIES = ["ROUTINE", "URGENT", "TWO_WEEK_WAIT"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** What `getAdviceConversation` can include beside the Communications (`_include`). */
export const CONVERSATION_INCLUDES = [
  "Communication:requester-practitionerrole:PractitionerRole",
  "Communication:sender-practitionerrole:PractionerRole",
  "Communication:content-reference:DocumentReference",
] as const;
export type ConversationInclude = (typeof CONVERSATION_INCLUDES)[number];

/** Files e-RS accepts as attachments (`uploadAttachment`), by MIME type. */
export const ATTACHMENT_CONTENT_TYPES = [
  "text/plain",
  "application/pdf",
  "text/xml",
  "text/rtf",
  "audio/basic",
  "audio/mpeg",
  "image/png",
  "image/gif",
  "image/jpeg",
  "image/tiff",
  "video/mpeg",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/dicom",
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/** The largest attachment e-RS takes: 5 MiB. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const show = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : String(value));

/** A Unique Booking Reference Number: 12 digits. */
export const ubrnSchema = z.string({ error: "must be a UBRN: a string of 12 digits" }).check(
  z.regex(/^\d{12}$/, {
    error: (issue) => `${show(issue.input)} must be a UBRN: 12 digits, such as "000000070000"`,
  }),
);

export const businessFunctionSchema = z.enum(BUSINESS_FUNCTIONS, {
  error: (issue) =>
    `${show(issue.input)} is not an e-RS business function; use one of ${BUSINESS_FUNCTIONS.join(", ")}`,
});

export const accessModeSchema = z.enum(ACCESS_MODES, {
  error: (issue) =>
    `${show(issue.input)} must be "user-restricted" (NHS CIS2) or "application-restricted" (signed JWT)`,
});

export const odsCodeSchema = z
  .string({ error: "must be an ODS code such as R69" })
  .check(z.regex(/^[A-Za-z0-9]{3,12}$/, { error: (issue) => `${show(issue.input)} must be an ODS code such as R69` }));

/** The e-RS user id of the clinician an admin acts for. */
export const userIdSchema = z.string({ error: "must be an e-RS user id (letters and digits)" }).check(
  z.regex(/^[A-Za-z0-9]{1,32}$/, {
    error: (issue) => `${show(issue.input)} must be an e-RS user id (letters and digits, such as 555021935107)`,
  }),
);

/** A FHIR logical id (appointments, services, attachments). */
export const fhirIdSchema = z.string({ error: "must be an id string" }).check(
  z.regex(/^[A-Za-z0-9\-.]{1,64}$/, {
    error: (issue) => `${show(issue.input)} must be a FHIR id (1 to 64 letters, digits, "-" or ".")`,
  }),
);

/** A resource version: a whole number, its digits, or the ETag form `W/"5"`. */
export const versionSchema = z.union(
  [
    z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0, { error: "must be a whole number" })),
    z.string().check(
      z.regex(/^(W\/"\d+"|\d+)$/, {
        error: (issue) => `${show(issue.input)} must be a version such as 5 or W/"5"`,
      }),
    ),
  ],
  { error: 'must be the version from the last read, such as 5 or W/"5"' },
);

/** `W/"5"` for 5, "5" or `W/"5"`. */
export function toIfMatch(version: number | string): string {
  const text = String(version);
  return text.startsWith('W/"') ? text : `W/"${text}"`;
}

/** The digits of a version (5 for 5, "5" or `W/"5"`). */
export function versionDigits(version: number | string): string {
  return String(version).replace(/^W\/"(\d+)"$/, "$1");
}

export const codeSystemTypeSchema = z.enum(CODE_SYSTEM_TYPES, {
  error: (issue) => `${show(issue.input)} is not a code system e-RS serves; use one of ${CODE_SYSTEM_TYPES.join(", ")}`,
});

export const conversationIncludeSchema = z.enum(CONVERSATION_INCLUDES, {
  error: (issue) => `${show(issue.input)} cannot be included; use one of ${CONVERSATION_INCLUDES.join(", ")}`,
});

const slotShape = {
  serviceId: fhirIdSchema,
  priority: z.enum(PRIORITIES, { error: `must be one of ${PRIORITIES.join(", ")}` }),
  pageSize: z
    .number({ error: "must be a whole number from 1 to 100" })
    .check(
      z.refine((n) => Number.isInteger(n) && n >= 1 && n <= 100, { error: "must be a whole number from 1 to 100" }),
    ),
  page: z
    .number({ error: "must be a whole number from 1" })
    .check(z.refine((n) => Number.isInteger(n) && n >= 1, { error: "must be a whole number from 1" })),
  practitionerId: z.optional(userIdSchema),
  include: z.optional(
    z.string({ error: "must be an _include value" }).check(z.minLength(1, { error: "must not be empty" })),
  ),
  commissioningRuleOrg: z.optional(odsCodeSchema),
};

export const SLOT_SEARCH_PARAMS: readonly string[] = Object.keys(slotShape);

/** `searchSlots` input: friendly names for the query parameters and the commissioning-rule header. */
export const slotSearchSchema = z.strictObject(slotShape, {
  error: (issue) =>
    issue.code === "unrecognized_keys"
      ? `unknown slot search parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; use ${SLOT_SEARCH_PARAMS.join(", ")}`
      : "must be an object with serviceId, priority, pageSize and page",
});
export type SlotSearch = z.infer<typeof slotSearchSchema>;

/** A request body must be the FHIR resource the operation takes; the API checks the rest. */
export function resourceSchema(resourceType: string) {
  return z.looseObject(
    {
      resourceType: z.literal(resourceType, {
        error: (issue) =>
          `must be ${JSON.stringify(resourceType)} (got ${issue.input === undefined ? "nothing" : show(issue.input)})`,
      }),
    },
    { error: `must be a FHIR ${resourceType} resource` },
  );
}

/** Parameters bodies also need their parameter list. */
export const parametersSchema = z.looseObject(
  {
    resourceType: z.literal("Parameters", {
      error: (issue) => `must be "Parameters" (got ${issue.input === undefined ? "nothing" : show(issue.input)})`,
    }),
    parameter: z
      .array(
        z.looseObject(
          { name: z.string({ error: "each parameter needs a name" }) },
          { error: "each parameter must be an object with a name" },
        ),
        {
          error: "must be a list of parameters",
        },
      )
      .check(z.minLength(1, { error: "must hold at least one parameter" })),
  },
  { error: "must be a FHIR Parameters resource" },
);

/** Header values the fetch standard can carry: printable Latin-1, no line breaks. */
const headerSafe = /^[\u0020-\u007e\u00a0-\u00ff]+$/;

export const uploadSchema = z.strictObject(
  {
    file: z.custom<Blob | ArrayBuffer | ArrayBufferView>(
      (v) => v instanceof Blob || v instanceof ArrayBuffer || ArrayBuffer.isView(v),
      { error: "must be the file's bytes: a Blob, File, ArrayBuffer or Uint8Array" },
    ),
    fileName: z.string({ error: "must be the file's name" }).check(
      z.minLength(1, { error: "must not be empty" }),
      z.maxLength(255, { error: "must be at most 255 characters" }),
      z.regex(headerSafe, {
        error: "must use printable Latin-1 characters only (it travels in the NHSD-eRS-File-Name header)",
      }),
    ),
    referralId: ubrnSchema,
    contentType: z.optional(
      z.enum(ATTACHMENT_CONTENT_TYPES, {
        error: (issue) =>
          `${show(issue.input)} is not a file type e-RS accepts; use one of ${ATTACHMENT_CONTENT_TYPES.join(", ")}`,
      }),
    ),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unexpected ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}: give file, fileName, referralId and contentType`
        : "must be { file, fileName, referralId, contentType? }",
  },
);
export type UploadInput = z.input<typeof uploadSchema>;

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
