import { validationError } from "@nhskit/core";
import * as z from "zod/mini";
import {
  APPOINTMENT_INCLUDE_RECURSE,
  APPOINTMENT_STATUSES,
  bound,
  dayText,
  isFhirDate,
  isFhirDateTime,
  MAX_SLOT_SEARCH_DAYS,
  SLOT_INCLUDE_RECURSE,
} from "./rules.js";

// zod/mini keeps browser bundles small; every check names its own message because mini ships no locale.

const validDate = z.date().check(z.refine((d) => !Number.isNaN(d.getTime()), { error: "must be a valid Date" }));

/** `start`/`end` of a slot search: the value nhskit sends after the prefix, or a message saying what is wrong. */
function slotBound(prefix: "ge" | "le") {
  return z.union(
    [
      z.string().check(
        z.refine(
          (v) => {
            const body = v.startsWith(prefix) ? v.slice(2) : v;
            return isFhirDate(body) || isFhirDateTime(body);
          },
          {
            error: (issue) => {
              const text = String(issue.input);
              const other = /^([a-z]{2})\d/.exec(text)?.[1];
              if (other && other !== prefix) {
                return `${JSON.stringify(text)} uses the "${other}" prefix; GP Connect allows only "${prefix}" here (nhskit adds it, so give just the date)`;
              }
              return `${JSON.stringify(text)} must be a date (YYYY-MM-DD) or a date-time with an offset (YYYY-MM-DDThh:mm:ss+01:00)`;
            },
          },
        ),
      ),
      validDate,
    ],
    { error: "must be a date string or a Date" },
  );
}

const noDuplicates = <T>(what: string) =>
  z.refine<T[]>((list) => new Set(list).size === list.length, { error: `must not repeat a ${what}` });

const odsCode = z
  .string({ error: "must be an ODS code such as A20047" })
  .check(z.regex(/^[A-Za-z0-9]{3,12}$/, { error: (i) => `${JSON.stringify(i.input)} is not an ODS code` }));

export const slotSearchSchema = z
  .strictObject(
    {
      start: slotBound("ge"),
      end: slotBound("le"),
      includeRecurse: z.optional(
        z
          .array(
            z.enum(SLOT_INCLUDE_RECURSE, {
              error: (i) => `${JSON.stringify(i.input)} is not one of ${SLOT_INCLUDE_RECURSE.join(", ")}`,
            }),
            { error: "must be a list of _include:recurse values" },
          )
          .check(noDuplicates("value")),
      ),
      searchFilter: z.optional(
        z.strictObject(
          {
            odsCode: z.optional(odsCode),
            organisationType: z.optional(
              z.string({ error: "must be an organisation type code such as gp-practice" }).check(
                z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
                  error: (i) => `${JSON.stringify(i.input)} must be a lower-case code such as gp-practice`,
                }),
              ),
            ),
          },
          { error: "must be { odsCode?, organisationType? } (the booking organisation)" },
        ),
      ),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown slot search option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; use start, end, includeRecurse, searchFilter`
          : "must be an object such as { start, end }",
    },
  )
  .check(
    z.refine(
      (s) => {
        const [start, end] = [bound(s.start, "ge"), bound(s.end, "le")];
        return end.day > start.day || (end.day === start.day && end.instant >= start.instant);
      },
      { error: "must not be before start", path: ["end"] },
    ),
    z.refine((s) => (bound(s.end, "le").day - bound(s.start, "ge").day) / 86_400_000 <= MAX_SLOT_SEARCH_DAYS, {
      error: `must be at most ${MAX_SLOT_SEARCH_DAYS} days after start (GP Connect's longest search window)`,
      path: ["end"],
    }),
  );

const day = z.union(
  [
    z
      .string()
      .check(z.refine(isFhirDate, { error: (i) => `${JSON.stringify(i.input)} must be a date written YYYY-MM-DD` })),
    validDate,
  ],
  { error: "must be a YYYY-MM-DD string or a Date" },
);
const windowShape = { from: day, to: day };
const windowOrder = z.refine<{ from: string | Date; to: string | Date }>((w) => dayText(w.from) <= dayText(w.to), {
  error: "must not be after to",
  path: ["from"],
});

export const providerAppointmentSearchSchema = z
  .strictObject(windowShape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; use from and to`
        : "must be { from, to }",
  })
  .check(windowOrder);

export const patientAppointmentSearchSchema = z
  .strictObject(
    {
      ...windowShape,
      includeRecurse: z.optional(
        z
          .array(
            z.enum(APPOINTMENT_INCLUDE_RECURSE, {
              error: (i) => `${JSON.stringify(i.input)} is not one of ${APPOINTMENT_INCLUDE_RECURSE.join(", ")}`,
            }),
            { error: "must be a list of _include:recurse values" },
          )
          .check(noDuplicates("value")),
      ),
      pastAppointmentLimit: z.optional(
        z
          .number({ error: "must be a whole number of appointments" })
          .check(z.refine((n) => Number.isInteger(n) && n >= 1, { error: "must be a whole number from 1" })),
      ),
      status: z.optional(
        z.enum(APPOINTMENT_STATUSES, {
          error: (i) => `${JSON.stringify(i.input)} is not an appointment status (${APPOINTMENT_STATUSES.join(", ")})`,
        }),
      ),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; use from, to, includeRecurse, pastAppointmentLimit, status`
          : "must be { from, to, ... }",
    },
  )
  .check(windowOrder);

/** A FHIR logical id: letters, digits, `-` and `.`, up to 64. */
export const idSchema = z.string({ error: "must be a FHIR logical id (letters, digits, - and .)" }).check(
  z.regex(/^[A-Za-z0-9\-.]{1,64}$/, {
    error: (i) => `${JSON.stringify(i.input)} is not a FHIR logical id (letters, digits, - and ., up to 64)`,
  }),
);

export const odsCodeSchema = odsCode;

export const sdsUserIdSchema = z
  .string({ error: "must be an SDS user id such as G13579135" })
  .check(z.regex(/^[A-Za-z0-9]{1,20}$/, { error: (i) => `${JSON.stringify(i.input)} is not an SDS user id` }));

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
