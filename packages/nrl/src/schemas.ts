import { isValidNhsNumber, NhsNumberError, nhsNumberProblem, validationError } from "@nhskit/core";
import * as z from "zod/mini";
import type { CategoryCode, PointerTypeCode } from "./codes.js";

// zod/mini keeps browser bundles small; it has no default messages, so every check says what is wrong.

const ODS_CODE = /^[A-Za-z0-9]{3,12}$/;
/** `<custodian ODS code>-<local id>`, e.g. `RJ11-DEMO_1002` or `Y05868-2f0c...`; the ODS part may carry a `.suffix`. */
const POINTER_ID = /^([A-Za-z0-9]{3,12}(?:\.[A-Za-z0-9]+)?)-([A-Za-z0-9][A-Za-z0-9._-]*)$/;
const SNOMED_CODE = /^\d{6,18}$/;

/** A 10-digit NHS number with a valid modulus-11 check digit. */
export const nhsNumberSchema = z
  .string({ error: "must be a string of 10 digits" })
  .check(
    z.refine(isValidNhsNumber, { error: (issue) => nhsNumberProblem(issue.input) ?? "is not a valid NHS number" }),
  );

/** An organisation's ODS code, e.g. `RJ11` or `Y05868`. */
export const odsCodeSchema = z
  .string({ error: "must be an ODS code such as Y05868" })
  .check(z.regex(ODS_CODE, { error: (i) => `${JSON.stringify(i.input)} must be an ODS code such as Y05868` }));

/** A pointer id: `<ODS code>-<local id>`, at most 64 characters. */
export const pointerIdSchema = z.string({ error: "must be a pointer id such as RJ11-DEMO_1002" }).check(
  z.regex(POINTER_ID, {
    error: (i) => `${JSON.stringify(i.input)} must be a pointer id: <ODS code>-<local id>, such as RJ11-DEMO_1002`,
  }),
  z.maxLength(64, { error: "must be at most 64 characters" }),
);

const snomedCode = (what: string) =>
  z
    .string({ error: `must be a SNOMED CT code (${what})` })
    .check(z.regex(SNOMED_CODE, { error: (i) => `${JSON.stringify(i.input)} must be a SNOMED CT code (${what})` }));

const oneOrMore = (what: string) =>
  z.union(
    [
      snomedCode(what),
      z
        .array(snomedCode(what), { error: `must be a code or a list of codes (${what})` })
        .check(z.minLength(1, { error: "must hold at least one code" })),
    ],
    { error: `must be a SNOMED CT code or a list of them (${what})` },
  );

const typeParam = oneOrMore("a pointer type, e.g. NRL_POINTER_TYPES.MENTAL_HEALTH_CRISIS_PLAN");
const categoryParam = oneOrMore("a category, e.g. NRL_CATEGORIES.CARE_PLAN");

const unknownKeys = (what: string, known: string) => (issue: { code?: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys"
    ? `unknown search parameter${(issue.keys?.length ?? 0) > 1 ? "s" : ""} ${issue.keys?.map((k) => JSON.stringify(k)).join(", ")}; ${what} takes ${known}`
    : "must be an object of search parameters";

export const consumerSearchSchema = z.strictObject(
  {
    nhsNumber: nhsNumberSchema,
    type: z.optional(typeParam),
    category: z.optional(categoryParam),
    custodian: z.optional(odsCodeSchema),
  },
  { error: unknownKeys("NRL consumer search", "nhsNumber, type, category, custodian") },
);

export const producerSearchSchema = z.strictObject(
  {
    nhsNumber: nhsNumberSchema,
    type: z.optional(typeParam),
    category: z.optional(categoryParam),
  },
  { error: unknownKeys("NRL producer search", "nhsNumber, type, category") },
);

/** Consumer search: a patient (required) and optional filters. Several codes are OR-ed. */
export interface ConsumerSearchParams {
  nhsNumber: string;
  /** Pointer type code(s), e.g. `NRL_POINTER_TYPES.MENTAL_HEALTH_CRISIS_PLAN`. */
  type?: PointerTypeCode | readonly PointerTypeCode[];
  /** Category code(s), e.g. `NRL_CATEGORIES.CARE_PLAN`. */
  category?: CategoryCode | readonly CategoryCode[];
  /** Only pointers held by this organisation (ODS code). */
  custodian?: string;
}

/** Producer search: your own pointers for a patient, optionally filtered. */
export type ProducerSearchParams = Omit<ConsumerSearchParams, "custodian">;

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

/** The ODS code a pointer id starts with (`RJ11-DEMO_1002` -> `RJ11`). */
export function odsCodeOfPointerId(id: string): string {
  return id.slice(0, id.indexOf("-"));
}

/**
 * Checks search parameters: the NHS number first (an `NhsNumberError` naming it), then the rest (unknown
 * names, codes, ODS codes) as one `NhsValidationError`.
 */
export function searchParams<S extends z.ZodMiniType>(operation: string, schema: S, params: unknown): z.infer<S> {
  checkNhsNumber(operation, (params as { nhsNumber?: unknown } | null | undefined)?.nhsNumber, "params.nhsNumber");
  return check(operation, schema, params, "params");
}
