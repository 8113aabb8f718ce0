// Hand-written FHIR STU3 types for the resources GP Connect Appointment Management returns. Neither upstream
// document describes its bodies (the provider Swagger has no schemas, the patient-facing one says only
// `type: object`), so the generated types are `never` / empty objects; the clients cast to these at the boundary.
// They cover the elements GP Connect profiles use, not all of FHIR STU3.

export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Identifier {
  use?: "usual" | "official" | "temp" | "secondary";
  system?: string;
  value?: string;
  period?: Period;
}

export interface Reference {
  /** `Slot/1`, `#1` (contained) or an absolute URL. */
  reference?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Extension {
  url: string;
  valueCode?: string;
  valueString?: string;
  valueBoolean?: boolean;
  valueDateTime?: string;
  valueReference?: Reference;
  valueCodeableConcept?: CodeableConcept;
  valueIdentifier?: Identifier;
  valuePeriod?: Period;
  extension?: Extension[];
}

export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  profile?: string[];
}

export interface HumanName {
  use?: "usual" | "official" | "temp" | "nickname" | "anonymous" | "old" | "maiden";
  text?: string;
  family?: string;
  given?: string[];
  prefix?: string[];
  suffix?: string[];
  period?: Period;
}

export interface ContactPoint {
  system?: "phone" | "fax" | "email" | "pager" | "url" | "sms" | "other";
  value?: string;
  use?: "home" | "work" | "temp" | "old" | "mobile";
  rank?: number;
  period?: Period;
}

export interface Address {
  use?: "home" | "work" | "temp" | "old";
  type?: "postal" | "physical" | "both";
  text?: string;
  line?: string[];
  city?: string;
  district?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  period?: Period;
}

interface DomainResource {
  id?: string;
  meta?: Meta;
  extension?: Extension[];
  /** Resources carried inside this one (GP Connect puts the booking Organization here). */
  contained?: Resource[];
}

export type SlotStatus = "busy" | "free" | "busy-unavailable" | "busy-tentative" | "entered-in-error";

export interface Slot extends DomainResource {
  resourceType: "Slot";
  identifier?: Identifier[];
  serviceCategory?: CodeableConcept;
  serviceType?: CodeableConcept[];
  specialty?: CodeableConcept[];
  appointmentType?: CodeableConcept;
  /** The Schedule this slot belongs to (`Schedule/14`). */
  schedule: Reference;
  status: SlotStatus;
  start: string;
  end: string;
  overbooked?: boolean;
  comment?: string;
}

export interface Schedule extends DomainResource {
  resourceType: "Schedule";
  identifier?: Identifier[];
  active?: boolean;
  serviceCategory?: CodeableConcept;
  serviceType?: CodeableConcept[];
  specialty?: CodeableConcept[];
  /** The Location and Practitioner the schedule is for. */
  actor: Reference[];
  planningHorizon?: Period;
  comment?: string;
}

export type AppointmentStatus =
  | "proposed"
  | "pending"
  | "booked"
  | "arrived"
  | "fulfilled"
  | "cancelled"
  | "noshow"
  | "entered-in-error";

export interface AppointmentParticipant {
  type?: CodeableConcept[];
  actor?: Reference;
  required?: "required" | "optional" | "information-only";
  status: "accepted" | "declined" | "tentative" | "needs-action";
}

export interface Appointment extends DomainResource {
  resourceType: "Appointment";
  identifier?: Identifier[];
  status: AppointmentStatus;
  serviceCategory?: CodeableConcept;
  serviceType?: CodeableConcept[];
  specialty?: CodeableConcept[];
  appointmentType?: CodeableConcept;
  reason?: CodeableConcept[];
  priority?: number;
  description?: string;
  start?: string;
  end?: string;
  minutesDuration?: number;
  slot?: Reference[];
  created?: string;
  comment?: string;
  participant: AppointmentParticipant[];
  requestedPeriod?: Period[];
}

export interface Patient extends DomainResource {
  resourceType: "Patient";
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  telecom?: ContactPoint[];
  gender?: "male" | "female" | "other" | "unknown";
  birthDate?: string;
  deceasedBoolean?: boolean;
  deceasedDateTime?: string;
  address?: Address[];
  generalPractitioner?: Reference[];
  managingOrganization?: Reference;
}

export interface Practitioner extends DomainResource {
  resourceType: "Practitioner";
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  telecom?: ContactPoint[];
  address?: Address[];
  gender?: "male" | "female" | "other" | "unknown";
}

export interface Organization extends DomainResource {
  resourceType: "Organization";
  identifier?: Identifier[];
  active?: boolean;
  type?: CodeableConcept[];
  name?: string;
  telecom?: ContactPoint[];
  address?: Address[];
  partOf?: Reference;
}

export interface Location extends DomainResource {
  resourceType: "Location";
  identifier?: Identifier[];
  status?: "active" | "suspended" | "inactive";
  name?: string;
  alias?: string[];
  description?: string;
  telecom?: ContactPoint[];
  address?: Address;
  managingOrganization?: Reference;
}

export interface OperationOutcomeIssue {
  severity: "fatal" | "error" | "warning" | "information";
  code: string;
  /** GP Connect puts its Spine error code here (`details.coding[0].code`, e.g. `INVALID_PARAMETER`). */
  details?: CodeableConcept;
  diagnostics?: string;
  expression?: string[];
}

export interface OperationOutcome extends DomainResource {
  resourceType: "OperationOutcome";
  issue: OperationOutcomeIssue[];
}

/** What `GET /metadata` answers: the provider's FHIR capabilities. Only the commonly read elements. */
export interface CapabilityStatement extends DomainResource {
  resourceType: "CapabilityStatement";
  version?: string;
  name?: string;
  status?: string;
  date?: string;
  publisher?: string;
  kind?: string;
  software?: { name?: string; version?: string };
  fhirVersion?: string;
  acceptUnknown?: string;
  format?: string[];
  profile?: Reference[];
  rest?: Array<{
    mode?: "server" | "client";
    operation?: Array<{ name: string; definition: Reference }>;
    resource?: Array<{
      type: string;
      interaction?: Array<{ code: string }>;
      searchParam?: Array<{ name: string; type: string }>;
      searchInclude?: string[];
      searchRevInclude?: string[];
    }>;
  }>;
}

export interface ParametersParameter {
  name: string;
  resource?: Resource;
  valueString?: string;
  valueBoolean?: boolean;
  valueCode?: string;
  valueIdentifier?: Identifier;
  part?: ParametersParameter[];
}

export interface Parameters extends DomainResource {
  resourceType: "Parameters";
  parameter?: ParametersParameter[];
}

export type Resource =
  | Slot
  | Schedule
  | Appointment
  | Patient
  | Practitioner
  | Organization
  | Location
  | OperationOutcome
  | CapabilityStatement
  | Parameters;

export interface BundleEntry<R extends Resource = Resource> {
  fullUrl?: string;
  resource?: R;
  search?: { mode?: "match" | "include" | "outcome"; score?: number };
}

export interface Bundle<R extends Resource = Resource> {
  resourceType: "Bundle";
  id?: string;
  meta?: Meta;
  type: "searchset" | "collection" | "document" | "message" | "transaction-response" | "batch-response";
  total?: number;
  link?: Array<{ relation?: string; url?: string }>;
  entry?: Array<BundleEntry<R>>;
}

/** A free-slot search answer: Slots and their Schedules, plus whatever `_include:recurse` asked for. */
export type SlotBundle = Bundle<Slot | Schedule | Practitioner | Location | Organization>;
/** A patient's appointments, plus included Practitioners and Locations where asked for. */
export type AppointmentBundle = Bundle<Appointment | Practitioner | Location | Organization>;
export type PatientBundle = Bundle<Patient>;
export type PractitionerBundle = Bundle<Practitioner>;
export type OrganizationBundle = Bundle<Organization>;
