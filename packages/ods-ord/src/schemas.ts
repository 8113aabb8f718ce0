import { validationError } from "@nhskit/core";
import * as z from "zod/mini";

// zod/mini keeps browser bundles small; every check carries its own message because mini ships no locale.

const show = (value: unknown) => JSON.stringify(value);

/** ODS codes: letters and digits, e.g. `X26`, `RR8`, `G81086`. */
export const odsCodeSchema = z.string({ error: "must be an ODS code (a string such as X26)" }).check(
  z.regex(/^[A-Za-z0-9]{3,12}$/, {
    error: (issue) => `${show(issue.input)} is not an ODS code: use 3 to 12 letters or digits, such as X26`,
  }),
);

/** Role ids (`RO177`); the API compares them case-insensitively. */
export const roleIdSchema = z.string({ error: "must be a role id such as RO177" }).check(
  z.regex(/^RO\d+$/i, {
    error: (issue) => `${show(issue.input)} is not a role id: use RO followed by digits, such as RO177`,
  }),
);

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD`, a real calendar date; a `Date` is turned into its UTC day. */
export const dateSchema = z.union(
  [
    z
      .string()
      .check(
        z.refine(isCalendarDate, { error: (issue) => `${show(issue.input)} must be a real date written YYYY-MM-DD` }),
      ),
    z.date().check(z.refine((d) => !Number.isNaN(d.getTime()), { error: "must be a valid Date" })),
  ],
  { error: "must be a date: YYYY-MM-DD or a Date" },
);

export function toDay(value: string | Date): string {
  return typeof value === "string" ? value : value.toISOString().slice(0, 10);
}

const whole = (min: number, max: number, what: string) =>
  z.number({ error: `must be a whole number from ${min}${max === Infinity ? " up" : ` to ${max}`} (${what})` }).check(
    z.refine((n) => Number.isInteger(n) && n >= min && n <= max, {
      error: `must be a whole number from ${min}${max === Infinity ? " up" : ` to ${max}`} (${what})`,
    }),
  );

/** The documented page size limits. */
export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 20;

const searchShape = {
  Name: z.optional(
    z.string({ error: "must be part of a name" }).check(
      z.refine((v) => v.length >= 1 && v.length <= 100 && [...v].every((c) => c >= " "), {
        error: "must be 1 to 100 characters of a name, without control characters",
      }),
    ),
  ),
  PostCode: z.optional(
    z.string({ error: "must be a postcode or outward code" }).check(
      z.regex(/^[A-Za-z0-9]{2,4}( ?[A-Za-z0-9]{3})?$/, {
        error: (issue) =>
          `${show(issue.input)} must be an outward code such as LS1, or a full postcode such as LS1 4BT`,
      }),
    ),
  ),
  LastChangeDate: z.optional(dateSchema),
  Status: z.optional(
    z
      .string({ error: "must be Active or Inactive" })
      .check(z.regex(/^(active|inactive)$/i, { error: (issue) => `${show(issue.input)} must be Active or Inactive` })),
  ),
  PrimaryRoleId: z.optional(roleIdSchema),
  NonPrimaryRoleId: z.optional(roleIdSchema),
  Roles: z.optional(
    z.union(
      [
        roleIdSchema,
        z
          .array(roleIdSchema, { error: "must be a list of role ids" })
          .check(z.minLength(1, { error: "must name at least one role" })),
      ],
      {
        error: "must be a role id or a list of role ids (any of them matches)",
      },
    ),
  ),
  OrgRecordClass: z.optional(
    z
      .string({ error: "must be RC1 (organisation) or RC2 (site)" })
      .check(
        z.regex(/^rc[12]$/i, { error: (issue) => `${show(issue.input)} must be RC1 (organisation) or RC2 (site)` }),
      ),
  ),
  Limit: z.optional(whole(1, MAX_LIMIT, "the page size")),
  Offset: z.optional(whole(0, Infinity, "records to skip")),
};

export const KNOWN_SEARCH_PARAMS: readonly string[] = Object.keys(searchShape);

/** ORD search parameters by their wire names. Anything else is refused before sending. */
export const searchParamsSchema = z.strictObject(searchShape, {
  error: (issue) =>
    issue.code === "unrecognized_keys"
      ? `unknown search parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map(show).join(", ")}; ORD knows ${KNOWN_SEARCH_PARAMS.join(", ")}`
      : "must be an object of search parameters",
});

export type OrganisationSearchParams = z.input<typeof searchParamsSchema>;

/** Checked parameters as the query the API wants: canonical case, roles joined by commas, dates as days. */
export function toQuery(params: z.infer<typeof searchParamsSchema>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (params.Name !== undefined) out.Name = params.Name;
  if (params.PostCode !== undefined) out.PostCode = params.PostCode;
  if (params.LastChangeDate !== undefined) out.LastChangeDate = toDay(params.LastChangeDate);
  if (params.Status !== undefined) out.Status = params.Status.toLowerCase() === "active" ? "Active" : "Inactive";
  if (params.PrimaryRoleId !== undefined) out.PrimaryRoleId = params.PrimaryRoleId.toUpperCase();
  if (params.NonPrimaryRoleId !== undefined) out.NonPrimaryRoleId = params.NonPrimaryRoleId.toUpperCase();
  if (params.Roles !== undefined) {
    out.Roles = (Array.isArray(params.Roles) ? params.Roles : [params.Roles]).map((r) => r.toUpperCase()).join(",");
  }
  if (params.OrgRecordClass !== undefined) out.OrgRecordClass = params.OrgRecordClass.toUpperCase();
  if (params.Limit !== undefined) out.Limit = params.Limit;
  if (params.Offset !== undefined) out.Offset = params.Offset;
  return out;
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
