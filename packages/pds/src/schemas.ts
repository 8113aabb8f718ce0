import { isValidNhsNumber, nhsNumberProblem, validationError } from "@nhskit/core";
import * as z from "zod/mini";

// zod/mini keeps browser bundles small; every check carries its own message because mini ships no locale.

/** A 10-digit NHS number with a valid modulus-11 check digit. */
export const nhsNumberSchema = z
  .string({ error: "must be a string of 10 digits" })
  .check(
    z.refine(isValidNhsNumber, { error: (issue) => nhsNumberProblem(issue.input) ?? "is not a valid NHS number" }),
  );

/** `[eq|ge|le]YYYY-MM-DD`, the only date form PDS search accepts. */
export const searchDate = z.string({ error: "must be a string like ge2010-10-22" }).check(
  z.regex(/^(eq|ge|le)?\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    error: (issue) => `${JSON.stringify(issue.input)} must be YYYY-MM-DD, optionally prefixed with eq, ge or le`,
  }),
);

const nonEmpty = (what: string) =>
  z.string({ error: `must be a string (${what})` }).check(z.minLength(1, { error: `must not be empty (${what})` }));
const flag = z.boolean({ error: "must be true or false" });

/** The search parameters PDS knows, by their wire names. Anything else is rejected before sending. */
const searchShape = {
  "_fuzzy-match": z.optional(flag),
  "_exact-match": z.optional(flag),
  _history: z.optional(flag),
  "_max-results": z.optional(
    z
      .number({ error: "must be a whole number from 1 to 50" })
      .check(
        z.refine((n) => Number.isInteger(n) && n >= 1 && n <= 50, { error: "must be a whole number from 1 to 50" }),
      ),
  ),
  family: z.optional(nonEmpty("a family name; * is a wildcard after at least two characters")),
  given: z.optional(z.array(nonEmpty("a given name"), { error: "must be a list of given names" })),
  gender: z.optional(
    z.enum(["male", "female", "other", "unknown"], { error: "must be male, female, other or unknown" }),
  ),
  birthdate: z.optional(
    z
      .array(searchDate, { error: 'must be a list of one or two dates, e.g. ["ge2010-01-01", "le2011-01-01"]' })
      .check(
        z.minLength(1, { error: "must hold one or two dates" }),
        z.maxLength(2, { error: "must hold one or two dates (a range)" }),
      ),
  ),
  "death-date": z.optional(searchDate),
  "address-postalcode": z.optional(nonEmpty("a postcode")),
  "address-postcode": z.optional(nonEmpty("a postcode")),
  "general-practitioner": z.optional(nonEmpty("a GP practice ODS code")),
  email: z.optional(nonEmpty("an email address")),
  phone: z.optional(nonEmpty("a phone number")),
};

export const KNOWN_SEARCH_PARAMS: readonly string[] = Object.keys(searchShape);

export const searchParamsSchema = z.strictObject(searchShape, {
  error: (issue) =>
    issue.code === "unrecognized_keys"
      ? `unknown search parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; PDS knows ${KNOWN_SEARCH_PARAMS.join(", ")}`
      : "must be an object of search parameters",
});

type SearchQuery = z.infer<typeof searchParamsSchema>;
/** PDS search parameters by their wire names (`family`, `birthdate`, `_fuzzy-match`...); lists may be readonly. */
export type PatientSearchParams = {
  [K in keyof SearchQuery]?: NonNullable<SearchQuery[K]> extends Array<infer U> ? readonly U[] : SearchQuery[K];
};

const pointer = z
  .string({ error: "must be a JSON pointer such as /name/0/family" })
  .check(
    z.regex(/^\/.*/, { error: (issue) => `${JSON.stringify(issue.input)} must be a JSON pointer starting with /` }),
  );

const onlyKeys = (keys: string) => (issue: { code?: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys"
    ? `unexpected ${issue.keys?.map((k) => JSON.stringify(k)).join(", ")}: this op takes ${keys}`
    : `must be a patch object with ${keys}`;

const removeOperation = z.strictObject({ op: z.literal("remove"), path: pointer }, { error: onlyKeys("op and path") });
const valueOperation = z
  .strictObject(
    { op: z.enum(["add", "replace", "test"]), path: pointer, value: z.optional(z.unknown()) },
    { error: onlyKeys("op, path and value") },
  )
  .check(z.refine((p) => p.value !== undefined, { error: "needs a value for add, replace and test", path: ["value"] }));

/** One JSON Patch operation PDS accepts (RFC 6902 subset: add, replace, remove, test). */
export const patchOperationSchema = z.discriminatedUnion("op", [removeOperation, valueOperation], {
  error: (issue) => {
    const op = (issue.input as { op?: unknown } | undefined)?.op;
    return `${JSON.stringify(op)} is not one of add, replace, remove, test`;
  },
});

export const patchesSchema = z
  .array(patchOperationSchema, { error: "must be a list of JSON Patch operations" })
  .check(z.minLength(1, { error: "must contain at least one patch" }));

export type PatientPatch = z.infer<typeof patchOperationSchema>;

/** A resource version as PDS returns it in ETag (`W/"2"`), or just the number. */
export const versionSchema = z.union(
  [
    z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0, { error: "must be a whole number" })),
    z.string().check(
      z.regex(/^(W\/"\d+"|\d+)$/, {
        error: (i) => `${JSON.stringify(i.input)} must be a version such as 2 or W/"2"`,
      }),
    ),
  ],
  { error: 'must be the version from the last read, such as 2 or W/"2"' },
);

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

// Response shapes, checked only when the client is created with `validateResponses: true`. They pin the
// fields code relies on and let everything else through (PDS adds extensions over time).
const coding = z.looseObject({
  system: z.optional(z.string()),
  code: z.optional(z.string()),
  display: z.optional(z.string()),
});
const humanName = z.looseObject({
  use: z.optional(z.string()),
  family: z.optional(z.string()),
  given: z.optional(z.array(z.string())),
  prefix: z.optional(z.array(z.string())),
});

export const patientSchema = z.looseObject({
  resourceType: z.literal("Patient", { error: 'resourceType must be "Patient"' }),
  id: z
    .string({ error: "id must be a string" })
    .check(z.refine(isValidNhsNumber, { error: (i) => `id ${JSON.stringify(i.input)} is not a valid NHS number` })),
  meta: z.optional(z.looseObject({ versionId: z.optional(z.string()), security: z.optional(z.array(coding)) })),
  identifier: z.optional(z.array(z.looseObject({ system: z.optional(z.string()), value: z.optional(z.string()) }))),
  name: z.optional(z.array(humanName)),
  gender: z.optional(z.enum(["male", "female", "other", "unknown"], { error: "gender is not a FHIR gender" })),
  birthDate: z.optional(
    z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: "birthDate is not a FHIR date" })),
  ),
  address: z.optional(
    z.array(z.looseObject({ line: z.optional(z.array(z.string())), postalCode: z.optional(z.string()) })),
  ),
});

export const patientBundleSchema = z.looseObject({
  resourceType: z.literal("Bundle", { error: 'resourceType must be "Bundle"' }),
  type: z.optional(z.string()),
  total: z.optional(z.number({ error: "total must be a number" })),
  entry: z.optional(
    z.array(
      z.looseObject({
        fullUrl: z.optional(z.string()),
        search: z.optional(z.looseObject({ score: z.optional(z.number()) })),
        resource: patientSchema,
      }),
    ),
  ),
});

/** Throws core's NhsResponseError-style validation failure when a body does not have the expected shape. */
export function checkResponse<S extends z.ZodMiniType>(schema: S, body: unknown): string[] {
  const result = schema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
}
