import { validationError } from "@nhskit/core";
import * as z from "zod/mini";
import { DELETION_LISTS, ODS_SYSTEMS } from "./ods.js";

// zod/mini keeps browser bundles small; every check carries its own message because mini ships no locale.

const show = (value: unknown) => JSON.stringify(value);

/** ODS codes: letters and digits, e.g. `RR8`, `G81086`, `C4O9I`. */
export const ODS_CODE_PATTERN = /^[A-Za-z0-9]{3,12}$/;
export const odsCodeSchema = z.string({ error: "must be an ODS code (a string such as RR8 or G81086)" }).check(
  z.regex(ODS_CODE_PATTERN, {
    error: (issue) => `${show(issue.input)} is not an ODS code: use 3 to 12 letters or digits, such as RR8 or G81086`,
  }),
);

/** A FHIR resource id (relationship ids are numbers such as `617400`). */
export const fhirIdSchema = z.string({ error: "must be a resource id (a string such as 617400)" }).check(
  z.regex(/^[A-Za-z0-9\-.]{1,64}$/, {
    error: (issue) => `${show(issue.input)} is not a FHIR id: 1 to 64 letters, digits, "-" or "."`,
  }),
);

const count = z
  .number({ error: "must be a whole number, 0 or more" })
  .check(z.refine((n) => Number.isInteger(n) && n >= 0, { error: "must be a whole number, 0 or more" }));

const flag = z.boolean({ error: "must be true or false" });

/** `[eq|gt|lt|ge|le]YYYY-MM-DD`, as lastChangeDate takes it. */
const changeDate = z.string({ error: "must be a date such as gt2024-02-01" }).check(
  z.regex(/^(eq|ne|gt|lt|ge|le)?\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    error: (issue) => `${show(issue.input)} must be YYYY-MM-DD, optionally prefixed with eq, gt, lt, ge or le`,
  }),
);
const oneOrMore = <T extends z.ZodMiniType>(item: T, what: string) =>
  z.union([item, z.array(item, { error: `must be ${what} or a list of them` })], {
    error: `must be ${what} or a list of them`,
  });

/** Names: 3 to 100 characters from the set ODS allows. */
const nameExpression = z.string({ error: "must be a string of 3 to 100 characters" }).check(
  z.regex(/^[A-Za-z0-9&()’'+\-_./:@ ]{3,100}$/, {
    error: (issue) =>
      `${show(issue.input)} must be 3 to 100 characters from A-Z a-z 0-9 & ( ) ’ ' + - _ . / : @ and space`,
  }),
);

/** Postcode, city and country expressions: at least 2 letters, digits or spaces. */
const placeExpression = z.string({ error: "must be a string of at least 2 letters, digits or spaces" }).check(
  z.regex(/^[A-Za-z0-9 ]{2,}$/, {
    error: (issue) => `${show(issue.input)} must be at least 2 characters, only letters, digits and spaces`,
  }),
);

const ROLE = `(${ODS_SYSTEMS.organisationRole.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\|)?RO\\d+`;
/** Role ids: `RO197`, `<ODSOrganisationRole system>|RO197`, or comma-separated for "any of". */
const roleExpression = z.string({ error: "must be role ids such as RO197 or RO197,RO198" }).check(
  z.regex(new RegExp(`^${ROLE}(,${ROLE})*$`), {
    error: (issue) => `${show(issue.input)} must be role ids such as RO197, comma-separated for "any of"`,
  }),
);

const identifierExpression = z.string({ error: "must be an ODS code, optionally with its system" }).check(
  z.regex(new RegExp(`^(${ODS_SYSTEMS.odsOrganizationCode.replace(/[./]/g, "\\$&")}\\|)?[A-Za-z0-9]{3,12}$`), {
    error: (issue) =>
      `${show(issue.input)} must be an ODS code such as G81086, optionally as ods-organization-code|G81086`,
  }),
);

const REVINCLUDE = [
  "OrganizationAffiliation:primary-organization",
  "OrganizationAffiliation:participating-organization",
] as const;
const INCLUDE = [
  "OrganizationAffiliation:primary-organization",
  "OrganizationAffiliation:participating-organization",
] as const;

function strictParams<T extends Record<string, z.ZodMiniType>>(shape: T, operation: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown search parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map(show).join(", ")}; ${operation} takes ${known.join(", ")}`
        : "must be an object of search parameters",
  });
}

const organizationShape = {
  _id: z.optional(odsCodeSchema),
  identifier: z.optional(identifierExpression),
  lastChangeDate: z.optional(oneOrMore(changeDate, "a date such as gt2024-02-01")),
  name: z.optional(nameExpression),
  "name:contains": z.optional(nameExpression),
  "name:exact": z.optional(nameExpression),
  active: z.optional(flag),
  "address-postalcode": z.optional(placeExpression),
  "address-postalcode:contains": z.optional(placeExpression),
  "address-postalcode:exact": z.optional(placeExpression),
  "address-city": z.optional(placeExpression),
  "address-city:contains": z.optional(placeExpression),
  "address-city:exact": z.optional(placeExpression),
  "address-country": z.optional(placeExpression),
  roleCode: z.optional(oneOrMore(roleExpression, "role ids such as RO197")),
  "roleCode:not": z.optional(oneOrMore(roleExpression, "role ids such as RO197")),
  activeRoleCode: z.optional(oneOrMore(roleExpression, "role ids such as RO197")),
  _count: z.optional(count),
  _offset: z.optional(count),
  _summary: z.optional(z.literal("count", { error: 'must be "count"' })),
  _revinclude: z.optional(
    oneOrMore(
      z.enum(REVINCLUDE, { error: `must be ${REVINCLUDE.join(" or ")}` }),
      "an OrganizationAffiliation include",
    ),
  ),
};

/** Organisation search parameters by their wire names. Anything else is refused before sending. */
export const organizationSearchSchema = strictParams(organizationShape, "searchOrganizations");
export type OrganizationSearchParams = z.input<typeof organizationSearchSchema>;

const affiliationShape = {
  _id: z.optional(fhirIdSchema),
  "primary-organization": z.optional(odsCodeSchema),
  "participating-organization": z.optional(odsCodeSchema),
  active: z.optional(flag),
  _count: z.optional(count),
  _offset: z.optional(count),
  _include: z.optional(oneOrMore(z.enum(INCLUDE, { error: `must be ${INCLUDE.join(" or ")}` }), "an include")),
  _summary: z.optional(z.literal("count", { error: 'must be "count"' })),
};

/** OrganizationAffiliation (relationship) search parameters by their wire names. */
export const affiliationSearchSchema = strictParams(affiliationShape, "searchAffiliations");
export type AffiliationSearchParams = z.input<typeof affiliationSearchSchema>;

const uri = z
  .string({ error: "must be a code system URI" })
  .check(z.regex(/^(https?|urn):\S+$/, { error: (issue) => `${show(issue.input)} is not an absolute URI` }));

const codeSystemShape = {
  system: z.optional(uri),
  code: z.optional(
    z.string({ error: "must be a code" }).check(z.regex(/^\S+$/, { error: "must be a code without spaces" })),
  ),
  property: z.optional(
    oneOrMore(
      z.string({ error: "must be a property name or *" }).check(z.minLength(1, { error: "must not be empty" })),
      "a property name",
    ),
  ),
  _summary: z.optional(
    z.union([flag, z.enum(["true", "false", "data", "count", "text"])], {
      error: 'must be true, false, "data", "count" or "text"',
    }),
  ),
  _count: z.optional(count),
  _offset: z.optional(count),
};

/** CodeSystem search parameters. */
export const codeSystemSearchSchema = strictParams(codeSystemShape, "searchCodeSystems");
export type CodeSystemSearchParams = z.input<typeof codeSystemSearchSchema>;

export const deletionListSchema = z.enum(DELETION_LISTS, { error: `must be one of ${DELETION_LISTS.join(", ")}` });

/** Largest expansion page ODS serves; above it the server refuses (422). */
export const MAX_EXPANSION = 50_000;

const FILTER_OPS = [
  "=",
  "is-a",
  "descendent-of",
  "is-not-a",
  "regex",
  "in",
  "not-in",
  "generalizes",
  "exists",
] as const;

export const expandSchema = z.strictObject(
  {
    system: uri,
    filters: z.optional(
      z.array(
        z.strictObject(
          {
            property: z
              .string({ error: "must be a property name" })
              .check(z.minLength(1, { error: "must not be empty" })),
            op: z.enum(FILTER_OPS, { error: `must be one of ${FILTER_OPS.join(", ")}` }),
            value: z.string({ error: "must be a string" }),
          },
          { error: "must be { property, op, value }" },
        ),
        { error: "must be a list of { property, op, value }" },
      ),
    ),
    inactive: z.optional(flag),
    activeOnly: z.optional(flag),
    properties: z.optional(
      z.array(z.string().check(z.minLength(1, { error: "must not be empty" })), { error: "must be a list of names" }),
    ),
    count: z.optional(
      z.number({ error: `must be a whole number from 1 to ${MAX_EXPANSION}` }).check(
        z.refine((n) => Number.isInteger(n) && n >= 1 && n <= MAX_EXPANSION, {
          error: `must be a whole number from 1 to ${MAX_EXPANSION} (ODS refuses larger expansions: page with offset)`,
        }),
      ),
    ),
    offset: z.optional(count),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map(show).join(", ")}; expandValueSet takes system, filters, inactive, activeOnly, properties, count and offset`
        : "must be { system, filters?, properties?, count?, offset?, ... } or a Parameters resource",
  },
);
export type ExpandValueSetInput = z.input<typeof expandSchema>;

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

/** Search parameters as query values: numbers and booleans as text, lists kept (they repeat on the wire). */
export function toQuery(params: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return out;
}
