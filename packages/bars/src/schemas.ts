import { isValidNhsNumber, NhsNumberError, nhsNumberProblem, validationError } from "@nhskit/core";
import * as z from "zod/mini";

// zod/mini keeps browser bundles small; it ships no messages, so every check below carries its own.

/** BaRS Core versions the API publishes; the client sends one in `Accept: application/fhir+json; version=...`. */
export const BARS_CORE_VERSIONS = ["1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.0"] as const;
export type BarsCoreVersion = (typeof BARS_CORE_VERSIONS)[number];

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// Printable text only: header values must not carry line breaks or control characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

const text = (what: string, max = 256) =>
  z.string({ error: `must be a string (${what})` }).check(
    z.refine((s) => s.trim().length > 0, { error: `must not be empty (${what})` }),
    z.refine((s) => !CONTROL.test(s), { error: "must not contain line breaks or control characters" }),
    z.maxLength(max, { error: `must be at most ${max} characters` }),
  );

export const barsVersionSchema = z.enum(BARS_CORE_VERSIONS, {
  error: `must be a BaRS Core version: ${BARS_CORE_VERSIONS.join(", ")}`,
});

export const uuidSchema = z.string({ error: "must be a UUID string" }).check(
  z.regex(UUID, {
    error: (i) => `${JSON.stringify(i.input)} must be a UUID such as 91607239-b002-470a-8709-6b25bd50fdd1`,
  }),
);

/** ODS organisation code: letters and digits, 3 to 12 of them (e.g. A1001, RJ11, 8J008). */
export const odsCodeSchema = z
  .string({ error: "must be an ODS code such as A1001" })
  .check(
    z.regex(/^[A-Za-z0-9]{3,12}$/, { error: (i) => `${JSON.stringify(i.input)} must be an ODS code such as A1001` }),
  );

export const nhsNumberSchema = z
  .string({ error: "must be a string of 10 digits" })
  .check(z.refine(isValidNhsNumber, { error: (i) => nhsNumberProblem(i.input) ?? "is not a valid NHS number" }));

const identifierShape = z.strictObject(
  { system: text("an identifier system"), value: text("an identifier value") },
  {
    error: (i) =>
      i.code === "unrecognized_keys"
        ? `unexpected ${i.keys.join(", ")}: give system and value`
        : "must be { system, value }",
  },
);

export const targetSchema = z.strictObject(
  {
    value: text("the receiver's id, e.g. a DoS service id"),
    system: text("the id's system, e.g. https://fhir.nhs.uk/Id/dos-service-id"),
  },
  {
    error: (i) =>
      i.code === "unrecognized_keys"
        ? `unexpected ${i.keys.join(", ")}: a target is { value, system }`
        : 'must be { value, system }, e.g. dosService("2000011147")',
  },
);

export const endUserOrganisationSchema = z.strictObject(
  {
    odsCode: odsCodeSchema,
    name: text("the organisation's name"),
    otherIdentifiers: z.optional(z.array(identifierShape, { error: "must be a list of { system, value }" })),
  },
  {
    error: (i) =>
      i.code === "unrecognized_keys"
        ? `unexpected ${i.keys.join(", ")}: give odsCode, name and optionally otherIdentifiers`
        : "must be { odsCode, name }",
  },
);

export const requestingSoftwareSchema = z.strictObject(
  {
    name: text("your product's name"),
    version: text("your product's version"),
    identifier: identifierShape,
  },
  {
    error: (i) =>
      i.code === "unrecognized_keys"
        ? `unexpected ${i.keys.join(", ")}: give name, version and identifier`
        : "must be { name, version, identifier: { system, value } }",
  },
);

export const requestingPractitionerSchema = z
  .strictObject(
    {
      sdsRoleProfileId: z.optional(
        z.string({ error: "must be a string of digits" }).check(
          z.regex(/^\d{1,20}$/, {
            error: (i) => `${JSON.stringify(i.input)} must be an SDS role profile id (digits)`,
          }),
        ),
      ),
      otherIdentifiers: z.optional(z.array(identifierShape, { error: "must be a list of { system, value }" })),
      role: z.optional(
        z.strictObject(
          {
            code: text("a role code such as 62247001"),
            display: z.optional(text("the role's display text")),
            system: z.optional(text("the code system")),
          },
          { error: "must be { code, display?, system? }" },
        ),
      ),
    },
    {
      error: (i) =>
        i.code === "unrecognized_keys"
          ? `unexpected ${i.keys.join(", ")}: give sdsRoleProfileId, otherIdentifiers or role`
          : "must be { sdsRoleProfileId?, otherIdentifiers?, role? }",
    },
  )
  .check(
    z.refine((p) => Boolean(p.sdsRoleProfileId) || (p.otherIdentifiers?.length ?? 0) > 0, {
      error: "needs sdsRoleProfileId or otherIdentifiers to say who the practitioner is",
    }),
  );

/** `use-context`: the workflow a write belongs to, pipe-separated (e.g. `a4t2|validation|servicerequest-response|new`). */
export const useContextSchema = text("the use-context, e.g. a4t2|validation|servicerequest-response|new", 512).check(
  z.refine((s) => s.split("|").every((part) => part.trim().length > 0), {
    error: (i) => `${JSON.stringify(i.input)} must be |-separated parts with none empty`,
  }),
);

/** X-Correlation-Id / X-Request-Id: BaRS asks for UUIDs. */
export const correlationIdSchema = uuidSchema;

// --- searches ---------------------------------------------------------------------------------------------

/** Slot `_include` values: the names BaRS 1.4.0 documents, and the older names the hosted sandbox accepts. */
export const SLOT_INCLUDES = [
  "Slot:schedule",
  "Schedule:actor:Practitioner",
  "Schedule:actor:PractitionerRole",
  "Schedule:actor:HealthcareService",
  "HealthcareService:providedBy",
  "HealthcareService:location",
  "Slot:*",
  // Only the hosted sandbox's mock uses these spellings (it refuses the documented ones above but the
  // Schedule:actor:* three).
  "Schedule",
  "HealthcareService.providedBy",
  "HealthcareService.location",
] as const;
export type SlotInclude = (typeof SLOT_INCLUDES)[number];

const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

const slotStart = z.string({ error: "must be a string like 2022-03-01T12:00:00+00:00" }).check(
  z.refine((s) => DATE_TIME.test(s.replace(/^(eq|ge|le|gt|lt)/, "")), {
    error: (i) =>
      `${JSON.stringify(i.input)} must be a date-time with an offset (2022-03-01T12:00:00+00:00), optionally prefixed with ge, le, gt, lt or eq`,
  }),
);

const strict = (name: string, keys: readonly string[]) => (issue: { code?: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys"
    ? `unknown ${name} parameter${(issue.keys?.length ?? 0) > 1 ? "s" : ""} ${issue.keys?.map((k) => JSON.stringify(k)).join(", ")}; known: ${keys.join(", ")}`
    : `must be an object of ${name} parameters`;

const slotShape = {
  status: z.union(
    [
      z.enum(["free", "busy"], { error: "must be free or busy" }),
      z
        .array(z.enum(["free", "busy"], { error: "must be free or busy" }), {
          error: "must be free, busy or a list of them",
        })
        .check(
          z.minLength(1, { error: "must name at least one status" }),
          z.maxLength(2, { error: "must name free, busy or both" }),
        ),
    ],
    { error: "must be free, busy or a list of them" },
  ),
  start: z.union(
    [
      slotStart,
      z
        .array(slotStart, { error: "must be a date-time or a [from, to] pair" })
        .check(
          z.minLength(1, { error: "must hold one or two date-times" }),
          z.maxLength(2, { error: "must hold one or two date-times (a window)" }),
        ),
    ],
    {
      error:
        'must be a date-time or a [from, to] pair, e.g. ["ge2022-03-01T12:00:00+00:00", "le2022-03-01T13:30:00+00:00"]',
    },
  ),
  include: z
    .array(
      z.enum(SLOT_INCLUDES, {
        error: (i) => `${JSON.stringify(i.input)} is not an _include BaRS knows (${SLOT_INCLUDES.join(", ")})`,
      }),
      {
        error: 'must be a list of _include values, e.g. ["Slot:schedule", "Schedule:actor:HealthcareService"]',
      },
    )
    .check(z.minLength(1, { error: "must name at least one _include" })),
  healthcareService: z.optional(text("a service id, e.g. 2000099999")),
};
export const slotSearchSchema = z.strictObject(slotShape, { error: strict("Slot search", Object.keys(slotShape)) });
export type SlotSearch = {
  status: "free" | "busy" | ReadonlyArray<"free" | "busy">;
  /** One date-time, or a window `["ge...", "le..."]`; always with a UTC offset. */
  start: string | readonly [string] | readonly [string, string];
  /** `_include`: at least one; BaRS asks for `Slot:schedule` and `Schedule:actor:HealthcareService` as a minimum. */
  include: readonly SlotInclude[];
  /** `Schedule.actor:HealthcareService`: one service id. */
  healthcareService?: string;
};

const birthDate = z.string({ error: "must be a date like 1974-12-25" }).check(
  z.regex(/^(eq)?\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    error: (i) => `${JSON.stringify(i.input)} must be YYYY-MM-DD`,
  }),
);

const patientShape = {
  nhsNumber: z.optional(nhsNumberSchema),
  name: z.optional(text("the patient's name")),
  birthDate: z.optional(birthDate),
  postcode: z.optional(text("a postcode")),
};
export const appointmentSearchSchema = z
  .strictObject(patientShape, { error: strict("Appointment search", Object.keys(patientShape)) })
  .check(
    z.refine((p) => Boolean(p.nhsNumber) || Boolean(p.name && p.birthDate), {
      error: "give nhsNumber, or name and birthDate (postcode helps a unique match)",
    }),
  );
export type AppointmentSearch = z.infer<typeof appointmentSearchSchema>;

const referralShape = { ...patientShape, identifier: z.optional(text("a referral identifier, system|value or value")) };
export const referralSearchSchema = z
  .strictObject(referralShape, { error: strict("ServiceRequest search", Object.keys(referralShape)) })
  .check(
    z.refine((p) => Boolean(p.identifier) || Boolean(p.nhsNumber) || Boolean(p.name && p.birthDate), {
      error: "give nhsNumber, identifier, or name and birthDate (postcode helps a unique match)",
    }),
  );
export type ReferralSearch = z.infer<typeof referralSearchSchema>;

export const messageDefinitionSearchSchema = z.strictObject(
  {
    context: z.union(
      [
        text("a context token such as https://fhir.nhs.uk/Id/dos-service-id|2000099999", 512),
        z
          .array(text("a context token", 512), { error: "must be a list of context tokens" })
          .check(z.minLength(1, { error: "must hold at least one context" })),
      ],
      { error: "must be a context token or a list of them (service id, use-case category)" },
    ),
  },
  { error: strict("MessageDefinition search", ["context"]) },
);
export type MessageDefinitionSearch = { context: string | readonly string[] };

/** `system|value`, or `{ system, value }` turned into one. */
export const tokenSchema = z.union([text("a token: system|value or value", 512), identifierShape], {
  error: "must be a token string (system|value) or { system, value }",
});
export type Token = string | { system: string; value: string };

const pointerShape = {
  nhsNumber: nhsNumberSchema,
  custodian: z.optional(odsCodeSchema),
  type: z.optional(
    z.union(
      [
        text("a SNOMED CT code such as 736253002"),
        z.strictObject(
          { code: text("a code"), system: z.optional(text("a code system")) },
          { error: "must be { code, system? }" },
        ),
      ],
      { error: "must be a SNOMED CT code or { code, system }" },
    ),
  ),
  nextPageToken: z.optional(text("the next-page-token from the last page", 2048)),
};
export const pointerSearchSchema = z.strictObject(pointerShape, {
  error: strict("DocumentReference search", Object.keys(pointerShape)),
});
export type PointerSearch = {
  nhsNumber: string;
  custodian?: string;
  type?: string | { code: string; system?: string };
  nextPageToken?: string;
};

/** NRL pointer ids are `<custodian ODS>-<local id>`; the BaRS spec calls them UUIDs, NRL does not issue those. */
export const pointerIdSchema = z.string({ error: "must be a pointer id string" }).check(
  z.regex(/^[A-Za-z0-9]{1,12}-[A-Za-z0-9._-]{1,200}$/, {
    error: (i) =>
      `${JSON.stringify(i.input)} must be a pointer id such as RJ11-DEMO_1002 (custodian ODS code, "-", local id)`,
  }),
);

const hsShape = { providedBy: z.optional(odsCodeSchema), identifier: z.optional(tokenSchema) };
export const healthcareServiceSearchSchema = z.strictObject(hsShape, {
  error: strict("HealthcareService search", Object.keys(hsShape)),
});
export type HealthcareServiceSearch = { providedBy?: string; identifier?: Token };

const endpointShape = {
  healthcareServiceId: z.optional(uuidSchema),
  healthcareServiceIdentifier: z.optional(tokenSchema),
  identifier: z.optional(tokenSchema),
};
export const endpointSearchSchema = z.strictObject(endpointShape, {
  error: strict("Endpoint search", Object.keys(endpointShape)),
});
export type EndpointSearch = { healthcareServiceId?: string; healthcareServiceIdentifier?: Token; identifier?: Token };

const templateShape = {
  identifier: z.optional(tokenSchema),
  connectionType: z.optional(tokenSchema),
  payloadType: z.optional(tokenSchema),
};
export const endpointTemplateSearchSchema = z.strictObject(templateShape, {
  error: strict("Endpoint template search", Object.keys(templateShape)),
});
export type EndpointTemplateSearch = { identifier?: Token; connectionType?: Token; payloadType?: Token };

// --- bodies -----------------------------------------------------------------------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The checks every BaRS resource body gets before it is sent: the right resourceType, and a meta.profile
 * list (BaRS receivers validate against the profile it names; the sandbox refuses bodies without it).
 */
export function resourceProblems(value: unknown, resourceType: string, requireProfile = true) {
  const issues: Array<{ path: string; message: string }> = [];
  if (!isRecord(value)) return [{ path: "", message: `must be a FHIR ${resourceType} resource (an object)` }];
  if (value.resourceType !== resourceType)
    issues.push({
      path: "resourceType",
      message: `must be "${resourceType}" (got ${JSON.stringify(value.resourceType)})`,
    });
  if (requireProfile) {
    const profile = isRecord(value.meta) ? value.meta.profile : undefined;
    if (!Array.isArray(profile) || profile.length === 0 || !profile.every((p) => typeof p === "string" && p.length > 0))
      issues.push({
        path: "meta.profile",
        message:
          'must list the profile(s) the resource claims, e.g. ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Appointment"]',
      });
  }
  return issues;
}

/** A FHIR message Bundle: type `message`, first entry a MessageHeader. */
export function messageProblems(value: unknown) {
  if (!isRecord(value)) return [{ path: "", message: "must be a FHIR Bundle of type message (an object)" }];
  const issues: Array<{ path: string; message: string }> = [];
  if (value.resourceType !== "Bundle")
    issues.push({ path: "resourceType", message: `must be "Bundle" (got ${JSON.stringify(value.resourceType)})` });
  if (value.type !== "message")
    issues.push({ path: "type", message: `must be "message" (got ${JSON.stringify(value.type)})` });
  const entry = value.entry;
  if (!Array.isArray(entry) || entry.length === 0)
    issues.push({ path: "entry", message: "must hold the MessageHeader and the resources it points to" });
  else {
    const first = isRecord(entry[0]) && isRecord(entry[0].resource) ? entry[0].resource : undefined;
    if (first?.resourceType !== "MessageHeader")
      issues.push({
        path: "entry[0].resource",
        message: "must be the MessageHeader (a message Bundle starts with it)",
      });
  }
  return issues;
}

/** What NRL needs in a pointer before it is sent: subject NHS number, type code, custodian ODS code. */
export function pointerProblems(value: unknown) {
  const issues = resourceProblems(value, "DocumentReference", false);
  if (!isRecord(value)) return issues;
  const subject = isRecord(value.subject) && isRecord(value.subject.identifier) ? value.subject.identifier : undefined;
  const nhs = subject?.value;
  if (!isValidNhsNumber(nhs))
    issues.push({
      path: "subject.identifier.value",
      message: nhsNumberProblem(nhs) ?? "must be the patient's NHS number",
    });
  const coding = isRecord(value.type) && Array.isArray(value.type.coding) ? value.type.coding[0] : undefined;
  if (!isRecord(coding) || typeof coding.code !== "string" || !coding.code)
    issues.push({ path: "type.coding[0].code", message: "must give the pointer type (a SNOMED CT code)" });
  const custodian =
    isRecord(value.custodian) && isRecord(value.custodian.identifier) ? value.custodian.identifier.value : undefined;
  if (typeof custodian !== "string" || !/^[A-Za-z0-9]{3,12}$/.test(custodian))
    issues.push({ path: "custodian.identifier.value", message: "must be the custodian's ODS code" });
  return issues;
}

// --- helpers ----------------------------------------------------------------------------------------------

/** Throws NhsNumberError (naming the value) unless it is a valid NHS number. */
export function checkNhsNumber(operation: string, value: unknown, where = "nhsNumber"): string {
  if (!isValidNhsNumber(value)) throw new NhsNumberError(operation, value, where);
  return value;
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

/** `system|value` for a token given either way. */
export function tokenText(token: Token): string {
  return typeof token === "string" ? token : `${token.system}|${token.value}`;
}
