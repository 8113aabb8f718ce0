import { NhsValidationError, validationError } from "@nhskit/core";
import * as z from "zod/mini";

// zod/mini keeps browser bundles small; every check carries its own message because mini ships no locale.

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isoDate = z.string({ error: "must be a date written YYYY-MM-DD" }).check(
  z.refine(isIsoDate, {
    error: (issue) => `${JSON.stringify(issue.input)} must be a real date written YYYY-MM-DD`,
  }),
);

/** A page number: 1 or more, as a number or a string of digits. */
export const pageNumber = z.union(
  [
    z.number().check(z.refine((n) => Number.isInteger(n) && n >= 1, { error: "must be a whole number from 1" })),
    z
      .string()
      .check(z.regex(/^[1-9]\d*$/, { error: (i) => `${JSON.stringify(i.input)} must be a page number from 1` })),
  ],
  { error: "must be a page number from 1" },
);

const listingShape = {
  page: z.optional(pageNumber),
  category: z.optional(
    z
      .string({ error: "must be one letter from A to Z" })
      .check(z.regex(/^[A-Za-z]$/, { error: (i) => `${JSON.stringify(i.input)} must be one letter from A to Z` })),
  ),
  orderBy: z.optional(
    z.enum(["dateModified", "lastReviewed", "nextReview"], {
      error: "must be dateModified, lastReviewed or nextReview",
    }),
  ),
  startDate: z.optional(isoDate),
  endDate: z.optional(isoDate),
  order: z.optional(z.enum(["newest", "oldest"], { error: "must be newest or oldest" })),
};

const conditionsShape = {
  ...listingShape,
  synonyms: z.optional(z.boolean({ error: "must be true or false" })),
  /** Not in the spec; the sandbox answers `condition` and `hub` (with `category=a`). */
  genre: z.optional(
    z.string({ error: "must be a genre such as condition or hub" }).check(
      z.regex(/^[a-z][a-z-]*$/, {
        error: (i) => `${JSON.stringify(i.input)} must be a genre such as condition or hub`,
      }),
    ),
  ),
};

function strict<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  const known = Object.keys(shape);
  return z
    .strictObject(shape, {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; ${what} takes ${known.join(", ")}`
          : "must be an object of parameters",
    })
    .check(
      z.refine(
        (p: Record<string, unknown>) =>
          !(p.startDate !== undefined && p.endDate !== undefined && String(p.startDate) > String(p.endDate)),
        { error: "must not be after endDate", path: ["startDate"] },
      ),
      z.refine(
        (p: Record<string, unknown>) =>
          !((p.startDate !== undefined || p.endDate !== undefined) && p.orderBy === undefined),
        { error: "startDate and endDate filter on the date orderBy names: give orderBy too", path: ["orderBy"] },
      ),
    );
}

export const listingParamsSchema = strict(listingShape, "this A to Z listing");
export const conditionsParamsSchema = strict(conditionsShape, "the conditions listing");
export const manifestParamsSchema = z.strictObject(
  { page: z.optional(pageNumber) },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown parameter ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; the manifest takes page`
        : "must be an object of parameters",
  },
);
export const pageOptionsSchema = z.strictObject(
  { modules: z.optional(z.boolean({ error: "must be true or false" })) },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown option ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; a page takes modules`
        : "must be an object of options",
  },
);

/** Parameters of the A to Z listings (`/symptoms`, `/tests-and-treatments`, `/medicines`). */
export interface ListingParams {
  /** Page of the listing, from 1. */
  page?: number | string;
  /** One letter: only pages whose name starts with it. */
  category?: string;
  /** Which date `startDate`, `endDate` and `order` apply to. */
  orderBy?: "dateModified" | "lastReviewed" | "nextReview";
  /** YYYY-MM-DD; needs `orderBy`. */
  startDate?: string;
  /** YYYY-MM-DD; needs `orderBy`. */
  endDate?: string;
  order?: "newest" | "oldest";
}

/** Parameters of the conditions listing: the A to Z ones plus `synonyms` and (undocumented) `genre`. */
export interface ConditionsParams extends ListingParams {
  /** List a page once for each of its names. */
  synonyms?: boolean;
  /** Not in the spec. The sandbox knows `condition` and `hub` (with `category: "a"`). */
  genre?: string;
}

export interface PageOptions {
  /** Only the labelled sections (health aspects) of a modularised page; the full page otherwise. */
  modules?: boolean;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A page name such as `acne` or `6-in-1-vaccine`: lower-case letters, digits and single hyphens. */
export function checkSlug(operation: string, slug: unknown, where = "slug"): string {
  if (typeof slug !== "string" || !SLUG.test(slug)) {
    throw new NhsValidationError(operation, [
      {
        path: where,
        message: `${JSON.stringify(slug)} must be a page name such as acne (lower-case letters, digits and hyphens)`,
      },
    ]);
  }
  return slug;
}

/** A path below the API root such as `live-well/exercise`, one page name per segment. */
export function checkPagePath(operation: string, path: unknown): string[] {
  if (typeof path !== "string") {
    throw new NhsValidationError(operation, [{ path: "path", message: "must be a path such as live-well/exercise" }]);
  }
  const segments = path.replace(/^\/+|\/+$/g, "").split("/");
  if (segments.length > 8 || segments.some((s) => !SLUG.test(s))) {
    throw new NhsValidationError(operation, [
      {
        path: "path",
        message: `${JSON.stringify(path)} must be a path such as live-well/exercise (page names of lower-case letters, digits and hyphens)`,
      },
    ]);
  }
  return segments;
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
