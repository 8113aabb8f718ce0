// BaRS identifies the receiver and the caller with base64-encoded JSON headers. They are built here from
// typed inputs (checked in schemas.ts), never by hand. No Node Buffer: btoa/atob over UTF-8 bytes, so the
// same code runs in browsers.

/** Identifier systems BaRS headers and searches use. */
export const DOS_SERVICE_ID_SYSTEM = "https://fhir.nhs.uk/Id/dos-service-id";
export const ODS_ORGANIZATION_CODE_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
export const SDS_ROLE_PROFILE_ID_SYSTEM = "https://fhir.nhs.uk/Id/sds-role-profile-id";
export const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
export const SNOMED_SYSTEM = "http://snomed.info/sct";

/** Who should receive the call (`NHSD-Target-Identifier`): usually a Directory of Services service id. */
export interface TargetIdentifier {
  value: string;
  system: string;
}

/** The organisation the end user works for (`NHSD-End-User-Organisation`). */
export interface EndUserOrganisation {
  /** ODS code, e.g. `A1001`. */
  odsCode: string;
  name: string;
  /** Other identifiers the receiver asks for, sent after the ODS code. */
  otherIdentifiers?: ReadonlyArray<{ system: string; value: string }>;
}

/** The calling product (`NHSD-Requesting-Software`): keep these the same across every install of it. */
export interface RequestingSoftware {
  name: string;
  version: string;
  /** Your product's own identifier, e.g. `{ system: "https://example.com/Id/device-identifier", value: "APP-1" }`. */
  identifier: { system: string; value: string };
}

/** The clinician making the request (`NHSD-Requesting-Practitioner`): send it whenever you know it. */
export interface RequestingPractitioner {
  /** SDS role profile id (digits). */
  sdsRoleProfileId?: string;
  /** Other identifiers, sent after the SDS role profile id. */
  otherIdentifiers?: ReadonlyArray<{ system: string; value: string }>;
  /** The role as a coded concept; `system` defaults to SNOMED CT, e.g. `{ code: "62247001", display: "General practitioner" }`. */
  role?: { code: string; display?: string; system?: string };
}

/** `NHSD-Target-Identifier` for a Directory of Services service id (the hosted sandbox accepts ids starting 2000). */
export function dosService(serviceId: string): TargetIdentifier {
  return { value: serviceId, system: DOS_SERVICE_ID_SYSTEM };
}

/** Targets the hosted sandbox routes to its mock receiver. */
export const SANDBOX_TARGETS = {
  /** A DoS service id: the sandbox accepts any value starting 2000. */
  dosService: dosService("2000011147"),
  /** The sandbox's test system: any value starting NHS. */
  tests: { value: "NHS0001", system: "tests" },
} as const satisfies Record<string, TargetIdentifier>;

/** The FHIR Organization sent as `NHSD-End-User-Organisation`. */
export function organizationResource(org: EndUserOrganisation) {
  return {
    resourceType: "Organization",
    identifier: [
      { system: ODS_ORGANIZATION_CODE_SYSTEM, value: org.odsCode },
      ...(org.otherIdentifiers ?? []).map((i) => ({ system: i.system, value: i.value })),
    ],
    name: org.name,
  };
}

/** The FHIR Device sent as `NHSD-Requesting-Software` (the shape BaRS documents for this header). */
export function deviceResource(software: RequestingSoftware) {
  return {
    resourceType: "Device",
    identifier: [{ system: software.identifier.system, value: software.identifier.value }],
    deviceName: { name: software.name, type: "manufacturer-name" },
    version: { value: software.version },
  };
}

/** The FHIR PractitionerRole sent as `NHSD-Requesting-Practitioner`. */
export function practitionerRoleResource(practitioner: RequestingPractitioner) {
  const identifier = [
    ...(practitioner.sdsRoleProfileId
      ? [{ system: SDS_ROLE_PROFILE_ID_SYSTEM, value: practitioner.sdsRoleProfileId }]
      : []),
    ...(practitioner.otherIdentifiers ?? []).map((i) => ({ system: i.system, value: i.value })),
  ];
  const role = practitioner.role;
  return {
    resourceType: "PractitionerRole",
    ...(identifier.length ? { identifier } : {}),
    ...(role
      ? {
          code: [
            {
              coding: [
                {
                  system: role.system ?? SNOMED_SYSTEM,
                  code: role.code,
                  ...(role.display ? { display: role.display } : {}),
                },
              ],
            },
          ],
        }
      : {}),
  };
}

/** Standard base64 of the value's JSON, encoded as UTF-8 (names with accents survive). */
export function encodeJsonHeader(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Reverses `encodeJsonHeader`. Throws when the text is not base64 or the bytes are not UTF-8 JSON. */
export function decodeJsonHeader(text: string): unknown {
  return JSON.parse(decodeBase64Text(text));
}

/** base64 -> UTF-8 text; throws on anything that is not valid base64 or valid UTF-8. */
export function decodeBase64Text(text: string): string {
  const binary = atob(text.trim());
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}
