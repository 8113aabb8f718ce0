import { validationError } from "@nhskit/core";
import * as z from "zod/mini";
import { prescriptionIdProblem } from "./prescription-id.js";

// zod/mini keeps browser bundles small; every check carries its own message because mini ships no locale.

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** `NHSD-Session-URID`: the CIS2 role profile id the user picked (digits only, e.g. 555254240100). */
export const sessionUridSchema = z
  .string({ error: "must be the user's role profile id (digits), e.g. 555254240100" })
  .check(
    z.regex(/^\d{1,20}$/, {
      error: (issue) => `${JSON.stringify(issue.input)} must be the role profile id's digits, e.g. 555254240100`,
    }),
  );

/** `X-Request-ID`: EPS refuses anything but a UUID. */
export const requestIdSchema = z.string({ error: "must be a UUID string" }).check(
  z.regex(UUID, {
    error: (issue) => `${JSON.stringify(issue.input)} must be a UUID: EPS refuses any other X-Request-ID`,
  }),
);

/** A short-form prescription id with a correct check character. */
export const prescriptionIdSchema = z
  .string({ error: "must be a short-form prescription id such as 58EFB9-A83008-27693K" })
  .check(z.refine((v) => prescriptionIdProblem(v) === undefined, { error: (i) => prescriptionIdProblem(i.input)! }));

/** An ODS organisation code: letters and digits, 3 to 10 characters (pharmacies look like FCG71 or VNE51). */
export const odsCodeSchema = z.string({ error: "must be an ODS code such as VNE51" }).check(
  z.regex(/^[A-Za-z0-9]{3,10}$/, {
    error: (issue) => `${JSON.stringify(issue.input)} must be an ODS code of 3 to 10 letters and digits, e.g. VNE51`,
  }),
);

/** Per-call options shared by every EPS method. */
const CALL_OPTIONS = ["signal", "requestId", "correlationId", "timeoutMs", "sessionUrid", "skipValidation"];
export const callOptionsSchema = z.optional(
  z.strictObject(
    {
      signal: z.optional(z.custom<AbortSignal>((v) => v instanceof AbortSignal, { error: "must be an AbortSignal" })),
      requestId: z.optional(requestIdSchema),
      correlationId: z.optional(
        z
          .string({ error: "must be a string" })
          .check(z.minLength(1, { error: "must not be empty (leave it out instead)" })),
      ),
      timeoutMs: z.optional(
        z
          .number({ error: "must be a number of milliseconds" })
          .check(z.refine((n) => n > 0, { error: "must be a positive number of milliseconds" })),
      ),
      sessionUrid: z.optional(sessionUridSchema),
      skipValidation: z.optional(z.boolean({ error: "must be true or false" })),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; EPS calls take ${CALL_OPTIONS.join(", ")}`
          : "must be an object of call options",
    },
  ),
);

/** Friendly input for {@link releaseParameters}. */
export const releaseInputSchema = z.strictObject(
  {
    ownerOdsCode: odsCodeSchema,
    ownerName: z.optional(z.string({ error: "must be the pharmacy's name" })),
    prescriptionId: z.optional(prescriptionIdSchema),
    agent: z.optional(z.record(z.string(), z.unknown(), { error: "must be a PractitionerRole resource" })),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unexpected ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}: give ownerOdsCode, and optionally ownerName, prescriptionId, agent`
        : "must be { ownerOdsCode, ownerName?, prescriptionId?, agent? }",
  },
);
export type ReleaseInput = z.infer<typeof releaseInputSchema>;

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
