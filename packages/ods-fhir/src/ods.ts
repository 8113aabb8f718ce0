// Systems and extension URLs the ODS FHIR resources use, and readers that turn their nested extensions
// into plain fields.
import type { Extension, Organization, OrganizationAffiliation, Period } from "./types.js";

const ODS_CS = "https://digital.nhs.uk/services/organisation-data-service/CodeSystem";

/** Code system and identifier URIs used across ODS resources and queries. */
export const ODS_SYSTEMS = {
  odsOrganizationCode: "https://fhir.nhs.uk/Id/ods-organization-code",
  organisationRole: `${ODS_CS}/ODSOrganisationRole`,
  relationship: `${ODS_CS}/ODSRelationship`,
  recordClass: `${ODS_CS}/ODSRecordClass`,
  recordUseType: "https://fhir.nhs.uk/England/CodeSystem/England-ODSRecordUseType",
  relationshipInstance: `${ODS_CS}/organization-relationship-instance`,
  roleInstance: `${ODS_CS}/organization-role-instance`,
  succession: `${ODS_CS}/succession`,
  practitioner: `${ODS_CS}/practitioner`,
  practitionerRole: `${ODS_CS}/practitioner-role`,
  practitionerRelationshipInstance: `${ODS_CS}/practitioner-relationship-instance`,
  practitionerAdditionalAttribute: `${ODS_CS}/practitioner-additional-attribute`,
  postcode: `${ODS_CS}/postcode`,
  geographyName: `${ODS_CS}/geography-name`,
  periodType: "https://fhir.nhs.uk/England/CodeSystem/England-PeriodType",
  odsDateTime: "https://fhir.nhs.uk/England/CodeSystem/England-ODSDateTime",
} as const;

export const ODS_EXTENSIONS = {
  organisationRole: "https://fhir.nhs.uk/England/StructureDefinition/Extension-England-OrganisationRole",
  typedPeriod: "https://fhir.nhs.uk/England/StructureDefinition/Extension-England-TypedPeriod",
  typedDateTime: "https://fhir.nhs.uk/England/StructureDefinition/Extension-England-TypedDateTime",
  addressKey: "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AddressKey",
} as const;

/** The four deletion lists (`GET /List/{id}`). */
export const DELETION_LISTS = [
  "Organization-deletion",
  "OrganizationAffiliation-deletion",
  "Organization-role-deletion",
  "Organization-succession-deletion",
] as const;
export type DeletionListId = (typeof DELETION_LISTS)[number];

export interface TypedPeriods {
  legal?: Period;
  operational?: Period;
}

export interface OrganisationRoleSummary {
  /** Role id, e.g. `RO197`. */
  code: string | undefined;
  display: string | undefined;
  active: boolean | undefined;
  instanceId: number | undefined;
  legal?: Period;
  operational?: Period;
}

export interface OrganizationSummary {
  odsCode: string | undefined;
  name: string | undefined;
  active: boolean | undefined;
  /** `RC1` organisation or `RC2` site. */
  recordClass: string | undefined;
  /** `Full`, or a reduced record kept for referential integrity. */
  recordUseType: string | undefined;
  lastChangeDate: string | undefined;
  postcode: string | undefined;
  roles: OrganisationRoleSummary[];
}

export interface AffiliationSummary {
  id: string | undefined;
  /** Relationship type id, e.g. `RE8`. */
  relationship: string | undefined;
  relationshipDisplay: string | undefined;
  /** ODS code of the source ("primary") organisation. */
  primaryOdsCode: string | undefined;
  /** ODS code of the target ("participating") organisation. */
  participatingOdsCode: string | undefined;
  active: boolean | undefined;
  legal?: Period;
  operational?: Period;
}

const sub = (ext: Extension | undefined, url: string) => ext?.extension?.find((e) => e.url === url);

function typedPeriods(extensions: readonly Extension[] | undefined): TypedPeriods {
  const out: TypedPeriods = {};
  for (const ext of extensions ?? []) {
    if (ext.url !== ODS_EXTENSIONS.typedPeriod) continue;
    const type = sub(ext, "dateType")?.valueCoding?.code;
    const period = sub(ext, "period")?.valuePeriod;
    if (type === "Legal" && period) out.legal = period;
    if (type === "Operational" && period) out.operational = period;
  }
  return out;
}

/** Reads an ODS Organization's identifier, roles, record class and last change date. */
export function describeOrganization(org: Organization): OrganizationSummary {
  const codingIn = (system: string) => org.type?.flatMap((t) => t.coding ?? []).find((c) => c.system === system)?.code;
  const lastChange = org.extension
    ?.filter((e) => e.url === ODS_EXTENSIONS.typedDateTime)
    .find((e) => sub(e, "type")?.valueCoding?.code === "LastChangeDate");
  return {
    odsCode: org.identifier?.find((i) => i.system === ODS_SYSTEMS.odsOrganizationCode)?.value ?? org.id,
    name: org.name,
    active: org.active,
    recordClass: codingIn(ODS_SYSTEMS.recordClass),
    recordUseType: codingIn(ODS_SYSTEMS.recordUseType),
    lastChangeDate: sub(lastChange, "dateTime")?.valueDateTime,
    postcode: org.address?.[0]?.postalCode,
    roles: (org.extension ?? [])
      .filter((e) => e.url === ODS_EXTENSIONS.organisationRole)
      .map((role) => {
        const coding = sub(role, "roleCode")?.valueCodeableConcept?.coding?.[0];
        return {
          code: coding?.code,
          display: coding?.display,
          active: sub(role, "active")?.valueBoolean,
          instanceId: sub(role, "instanceID")?.valueInteger,
          ...typedPeriods(role.extension),
        };
      }),
  };
}

/** Reads an ODS OrganizationAffiliation's relationship type, both organisations and periods. */
export function describeAffiliation(affiliation: OrganizationAffiliation): AffiliationSummary {
  const coding = affiliation.code?.flatMap((c) => c.coding ?? [])[0];
  return {
    id: affiliation.id,
    relationship: coding?.code,
    relationshipDisplay: coding?.display,
    primaryOdsCode: affiliation.organization?.identifier?.value,
    participatingOdsCode: affiliation.participatingOrganization?.identifier?.value,
    active: affiliation.active,
    ...typedPeriods(affiliation.extension),
  };
}
