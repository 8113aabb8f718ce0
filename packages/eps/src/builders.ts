import { PRESCRIPTION_ORDER_NUMBER_SYSTEM } from "./prescription-id.js";
import { check, type ReleaseInput, releaseInputSchema } from "./schemas.js";
import type { FhirParameters } from "./types.js";

export const ODS_ORGANIZATION_CODE_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

/**
 * `Task/$release` Parameters from plain values. Without `prescriptionId` it asks for every prescription
 * nominated to the pharmacy (nominated release); with one, for that prescription only (patient release).
 * `agent` is the dispenser's PractitionerRole, needed in user-restricted (CIS2) mode.
 */
export function releaseParameters(input: ReleaseInput): FhirParameters {
  const { ownerOdsCode, ownerName, prescriptionId, agent } = check(
    "releaseParameters",
    releaseInputSchema,
    input,
    "input",
  );
  return {
    resourceType: "Parameters",
    parameter: [
      ...(prescriptionId
        ? [
            {
              name: "group-identifier",
              valueIdentifier: { system: PRESCRIPTION_ORDER_NUMBER_SYSTEM, value: prescriptionId },
            },
          ]
        : []),
      {
        name: "owner",
        resource: {
          resourceType: "Organization",
          identifier: [{ system: ODS_ORGANIZATION_CODE_SYSTEM, value: ownerOdsCode.toUpperCase() }],
          ...(ownerName ? { name: ownerName } : {}),
        },
      },
      { name: "status", valueCode: "accepted" },
      ...(agent ? [{ name: "agent", resource: { resourceType: "PractitionerRole", ...agent } }] : []),
    ],
  };
}
