// The identifier systems SDS uses, and helpers that turn plain values into the `system|value` tokens its
// query parameters want. Callers pass `{ odsCode, interactionId, partyKey }`; only this file knows the URIs.

/** Identifier system URIs that appear in SDS queries and answers. */
export const SDS_SYSTEMS = {
  /** ODS code of an organisation (query `organization`, `manufacturing-organization`; Device owner). */
  odsOrganizationCode: "https://fhir.nhs.uk/Id/ods-organization-code",
  /** Spine service interaction id, e.g. `urn:nhs:names:services:psis:REPC_IN150016UK05`. */
  serviceInteractionId: "https://fhir.nhs.uk/Id/nhsServiceInteractionId",
  /** Message handling server party key, e.g. `YES-0000806`. */
  mhsPartyKey: "https://fhir.nhs.uk/Id/nhsMhsPartyKey",
  /** Accredited system id (ASID) on a Device. */
  spineAsid: "https://fhir.nhs.uk/Id/nhsSpineASID",
  /** Fully qualified domain name of a message handling server (Endpoint). */
  mhsFqdn: "https://fhir.nhs.uk/Id/nhsMhsFQDN",
  /** Collaboration protocol agreement id (Endpoint). */
  mhsCpaId: "https://fhir.nhs.uk/Id/nhsMhsCPAId",
  /** Unique id of an MHS record (Endpoint). */
  mhsId: "https://fhir.nhs.uk/Id/nhsMHSId",
} as const;

/** Extension URLs on SDS Device and Endpoint resources. */
export const SDS_EXTENSIONS = {
  manufacturingOrganisation: "https://fhir.nhs.uk/StructureDefinition/Extension-SDS-ManufacturingOrganisation",
  serviceInteractionId: "https://fhir.nhs.uk/StructureDefinition/Extension-SDS-NhsServiceInteractionId",
  reliabilityConfiguration: "https://fhir.nhs.uk/StructureDefinition/Extension-SDS-ReliabilityConfiguration",
} as const;

type Systems = typeof SDS_SYSTEMS;
/** A `system|value` search token, typed by its system. */
export type SdsToken<S extends Systems[keyof Systems]> = `${S}|${string}`;
export type OdsCodeToken = SdsToken<Systems["odsOrganizationCode"]>;
export type InteractionIdToken = SdsToken<Systems["serviceInteractionId"]>;
export type PartyKeyToken = SdsToken<Systems["mhsPartyKey"]>;

/** `https://fhir.nhs.uk/Id/ods-organization-code|YES` for `YES`. */
export function odsCodeToken(odsCode: string): OdsCodeToken {
  return `${SDS_SYSTEMS.odsOrganizationCode}|${odsCode}`;
}

/** `https://fhir.nhs.uk/Id/nhsServiceInteractionId|<id>`. */
export function interactionIdToken(interactionId: string): InteractionIdToken {
  return `${SDS_SYSTEMS.serviceInteractionId}|${interactionId}`;
}

/** `https://fhir.nhs.uk/Id/nhsMhsPartyKey|<key>`. */
export function partyKeyToken(partyKey: string): PartyKeyToken {
  return `${SDS_SYSTEMS.mhsPartyKey}|${partyKey}`;
}
