import { validationError } from "@nhskit/core";
import * as z from "zod/mini";

// zod/mini keeps browser bundles small; every check carries its own message because mini ships no locale.

/** The UUID shape SDS insists on for X-Correlation-Id (anything else is a 400). */
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** ODS codes as SDS holds them: letters and digits (`YES`, `X26`, `B82617`). */
export const odsCodeSchema = z.string({ error: "must be an ODS code (a string such as YES or B82617)" }).check(
  z.regex(/^[A-Za-z0-9]{2,12}$/, {
    error: (issue) => `${JSON.stringify(issue.input)} is not an ODS code: use 2 to 12 letters or digits, such as YES`,
  }),
);

/** Spine interaction ids are URNs: `urn:nhs:names:services:psis:REPC_IN150016UK05`. */
export const interactionIdSchema = z
  .string({ error: "must be an interaction id such as urn:nhs:names:services:psis:REPC_IN150016UK05" })
  .check(
    z.regex(/^urn:[^\s|,]+$/, {
      error: (issue) =>
        `${JSON.stringify(issue.input)} is not an interaction id: it starts with urn: and has no spaces, "|" or ","`,
    }),
  );

/** MHS party keys: ODS code, dash, digits (`YES-0000806`), though SDS does not enforce the digits. */
export const partyKeySchema = z.string({ error: "must be a party key such as YES-0000806" }).check(
  z.regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)+$/, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a party key: use the form YES-0000806`,
  }),
);

const onlyKeys = (what: string, keys: string) => (issue: { code?: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys"
    ? `unknown field${(issue.keys?.length ?? 0) > 1 ? "s" : ""} ${issue.keys?.map((k) => JSON.stringify(k)).join(", ")}; ${what} takes ${keys}`
    : `must be an object with ${keys}`;

/** GET /Device: organisation and interaction are required; party key and manufacturer narrow it down. */
export const deviceQuerySchema = z.strictObject(
  {
    odsCode: odsCodeSchema,
    interactionId: interactionIdSchema,
    partyKey: z.optional(partyKeySchema),
    manufacturerOdsCode: z.optional(odsCodeSchema),
  },
  { error: onlyKeys("findDevices", "odsCode, interactionId, partyKey and manufacturerOdsCode") },
);
export type DeviceQuery = z.infer<typeof deviceQuerySchema>;

/**
 * GET /Endpoint: the combinations SDS accepts are ODS code with an interaction id, a party key or both,
 * or an interaction id with a party key and no ODS code.
 */
export const endpointQuerySchema = z
  .strictObject(
    {
      odsCode: z.optional(odsCodeSchema),
      interactionId: z.optional(interactionIdSchema),
      partyKey: z.optional(partyKeySchema),
    },
    { error: onlyKeys("findEndpoints", "odsCode, interactionId and partyKey") },
  )
  .check(
    z.refine((q) => (q.odsCode ? Boolean(q.interactionId || q.partyKey) : Boolean(q.interactionId && q.partyKey)), {
      error:
        "give odsCode with interactionId and/or partyKey, or interactionId with partyKey (SDS accepts no other combination)",
    }),
  );
export type EndpointQuery = z.infer<typeof endpointQuerySchema>;

export const correlationIdSchema = z
  .string({ error: "must be a UUID string" })
  .check(z.regex(UUID_PATTERN, { error: (issue) => `${JSON.stringify(issue.input)} is not a UUID; SDS refuses it` }));

/** Media types SDS can answer in (anything else is a 406). */
export const SDS_ACCEPT_TYPES = ["application/fhir+json", "application/json"] as const;
export type SdsAcceptType = (typeof SDS_ACCEPT_TYPES)[number];
export const acceptSchema = z.enum(SDS_ACCEPT_TYPES, {
  error: `must be ${SDS_ACCEPT_TYPES.join(" or ")} (SDS answers 406 to anything else)`,
});

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
