import { validationError } from "@nhskit/core";
import * as z from "zod/mini";

// zod/mini keeps browser bundles small; every check carries its own message because mini ships no locale.

/** Largest `$top` / `top` accepted: the Azure Cognitive Search limit behind this API (not stated in its spec). */
export const MAX_TOP = 1000;
/** Largest `$skip` / `skip`: Azure Cognitive Search's limit. Page further with a `$filter` instead. */
export const MAX_SKIP = 100_000;

const text = (what: string) =>
  z.string({ error: `must be a string (${what})` }).check(z.minLength(1, { error: `must not be empty (${what})` }));

const wholeNumber = (min: number, max: number, what: string) =>
  z.number({ error: `must be a whole number from ${min} to ${max} (${what})` }).check(
    z.refine((n) => Number.isInteger(n) && n >= min && n <= max, {
      error: (issue) => `must be a whole number from ${min} to ${max} (${what}); got ${JSON.stringify(issue.input)}`,
    }),
  );

/** A comma-separated list, given either as the string the API takes or as a list the client joins with ",". */
const fieldList = (what: string) =>
  z.union(
    [
      text(what),
      z
        .array(
          z.string({ error: "must be a field name" }).check(
            z.regex(/^[A-Za-z@][A-Za-z0-9_./@ ]*$/, {
              error: (issue) => `${JSON.stringify(issue.input)} is not a field name`,
            }),
          ),
          { error: `must be a list of field names (${what})` },
        )
        .check(z.minLength(1, { error: `must name at least one field (${what})` })),
    ],
    { error: `must be a comma-separated string or a list of field names (${what})` },
  );

const searchMode = z.enum(["any", "all"], { error: "must be any or all" });

/** `GET /` parameters by their wire names (OData names keep their `$`). */
const searchShape = {
  search: z.optional(text("the text to search for; * matches everything")),
  searchMode: z.optional(searchMode),
  searchFields: z.optional(fieldList("fields the search text is matched against, e.g. OrganisationName")),
  queryType: z.optional(z.enum(["simple", "full"], { error: "must be simple or full (Lucene syntax)" })),
  $skip: z.optional(wholeNumber(0, MAX_SKIP, "results to skip")),
  $top: z.optional(wholeNumber(0, MAX_TOP, "results to return; 0 with $count for the count alone")),
  $count: z.optional(z.boolean({ error: "must be true or false" })),
  $orderby: z.optional(fieldList("order expressions, e.g. OrganisationName desc or geoDistance(...)")),
  /** The spelling the upstream spec uses; the client sends it as `$orderby`, which is what the service reads. */
  $orderBy: z.optional(fieldList("order expressions")),
  $select: z.optional(fieldList("fields to return")),
  $filter: z.optional(text("an OData filter such as OrganisationTypeId eq 'PHA'")),
};

export const SEARCH_PARAMS: readonly string[] = Object.keys(searchShape);

export const searchParamsSchema = z
  .strictObject(searchShape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown search parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; Service Search takes ${SEARCH_PARAMS.filter((p) => p !== "$orderBy").join(", ")} (api-version is added for you)`
        : "must be an object of search parameters",
  })
  .check(
    z.refine((p) => !(p.$orderby !== undefined && p.$orderBy !== undefined), {
      error: "give $orderby or $orderBy, not both (they are the same parameter)",
      path: ["$orderBy"],
    }),
  );

/** `POST /` body keys (no `$`, lower-case `orderby`), as the service reads them. */
const bodyShape = {
  search: z.optional(text("the text to search for; * matches everything")),
  searchMode: z.optional(searchMode),
  searchFields: z.optional(fieldList("fields the search text is matched against")),
  top: z.optional(wholeNumber(0, MAX_TOP, "results to return")),
  skip: z.optional(wholeNumber(0, MAX_SKIP, "results to skip")),
  count: z.optional(z.boolean({ error: "must be true or false" })),
  select: z.optional(fieldList("fields to return")),
  filter: z.optional(text("an OData filter")),
  orderby: z.optional(fieldList("order expressions")),
};

export const SEARCH_BODY_KEYS: readonly string[] = Object.keys(bodyShape);

export const searchBodySchema = z.strictObject(bodyShape, {
  error: (issue) =>
    issue.code === "unrecognized_keys"
      ? `unknown body key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; the POST search takes ${SEARCH_BODY_KEYS.join(", ")}`
      : "must be an object of search options",
});

type List = string | readonly string[];

/** Parameters of `searchOrganisations` (GET), by their wire names. */
export interface OrganisationSearchParams {
  /** Text to search for (simple syntax unless `queryType: "full"`). Leave out, or `*`, to match everything. */
  search?: string;
  searchMode?: "any" | "all";
  /** Fields the text is matched against: `"Address3,City,County"` or `["Address3", "City", "County"]`. */
  searchFields?: List;
  queryType?: "simple" | "full";
  $skip?: number;
  /** At most {@link MAX_TOP}; the service's default is 50. */
  $top?: number;
  $count?: boolean;
  /** Sort expressions; use `geoDistance()` to order by distance from a point. */
  $orderby?: List;
  /** Accepted for the upstream spec's spelling; sent as `$orderby`. */
  $orderBy?: List;
  $select?: List;
  /** An OData filter; quote strings with `odataString()`. */
  $filter?: string;
}

/** Body of `searchOrganisationsWithBody` (POST). */
export interface OrganisationSearchBody {
  search?: string;
  searchMode?: "any" | "all";
  searchFields?: List;
  top?: number;
  skip?: number;
  count?: boolean;
  select?: List;
  filter?: string;
  orderby?: List;
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

/** A list joined as the API expects (`a,b,c`); strings are sent exactly as given. */
export function joinList(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : value.join(",");
}
