import { validationError } from "@nhskit/core";
import * as z from "zod/mini";
import { IMMUNISATION_TARGETS, isCalendarDay, toDay } from "./checks.js";

// zod/mini keeps browser bundles small; every check names its own message because mini ships no locale.

const day = z.union(
  [
    z.string().check(
      z.refine(isCalendarDay, {
        error: (issue) => `${JSON.stringify(issue.input)} must be a date written YYYY-MM-DD, such as 2021-01-31`,
      }),
    ),
    z.date().check(z.refine((d) => !Number.isNaN(d.getTime()), { error: "must be a valid Date" })),
  ],
  { error: "must be a date: a YYYY-MM-DD string or a Date" },
);

export const searchParamsSchema = z
  .strictObject(
    {
      nhsNumber: z.string({ error: "must be the patient's 10-digit NHS number" }),
      target: z.optional(
        z.enum(IMMUNISATION_TARGETS, {
          error: (issue) => `${JSON.stringify(issue.input)} is not one of ${IMMUNISATION_TARGETS.join(", ")}`,
        }),
      ),
      procedureCode: z.optional(
        z.string({ error: "must be a SNOMED CT code (digits), such as 90640007" }).check(
          z.regex(/^\d{6,18}$/, {
            error: (issue) => `${JSON.stringify(issue.input)} must be a SNOMED CT code (6 to 18 digits)`,
          }),
        ),
      ),
      from: z.optional(day),
      to: z.optional(day),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown search parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; use nhsNumber, target or procedureCode, from, to`
          : "must be an object such as { nhsNumber, target }",
    },
  )
  .check(
    z.refine((p) => (p.target === undefined) !== (p.procedureCode === undefined), {
      error: "give exactly one of target (COVID19, HPV, FLU) or procedureCode (deprecated)",
      path: ["target"],
    }),
    z.refine((p) => !p.from || !p.to || toDay(p.from) <= toDay(p.to), {
      error: "must not be after to",
      path: ["from"],
    }),
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
