// FHIR R4 types for what the ODS Organisation Data Terminology API returns. The published OpenAPI gives
// examples but no schemas (its generated bodies are `unknown`), so these are written by hand: minimal, but
// accurate to FHIR R4 for the elements ODS uses. Unknown elements stay readable through the index types.

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
  use?: "usual" | "official" | "temp" | "secondary" | "old";
  system?: string;
  value?: string;
  period?: Period;
  assigner?: Reference;
}

export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  source?: string;
  profile?: string[];
}

/** A FHIR extension; ODS nests them (role, typed period, typed date-time). */
export interface Extension {
  url: string;
  extension?: Extension[];
  valueString?: string;
  valueInteger?: number;
  valueBoolean?: boolean;
  valueCode?: string;
  valueUri?: string;
  valueDateTime?: string;
  valueCoding?: Coding;
  valueCodeableConcept?: CodeableConcept;
  valuePeriod?: Period;
  valueReference?: Reference;
}

export interface Address {
  extension?: Extension[];
  use?: string;
  line?: string[];
  city?: string;
  district?: string;
  postalCode?: string;
  country?: string;
}

export interface ContactPoint {
  system?: "phone" | "fax" | "email" | "pager" | "url" | "sms" | "other";
  value?: string;
  use?: string;
}

interface ResourceBase {
  id?: string;
  meta?: Meta;
}

/** An ODS organisation or site. Roles, their periods and the last change date are extensions. */
export interface Organization extends ResourceBase {
  resourceType: "Organization";
  extension?: Extension[];
  identifier?: Identifier[];
  active?: boolean;
  /** Record use type (`Full`, …) and record class (`RC1` organisation, `RC2` site) codings. */
  type?: CodeableConcept[];
  name?: string;
  alias?: string[];
  telecom?: ContactPoint[];
  address?: Address[];
  partOf?: Reference;
}

/** A relationship between two organisations (`organization` is the source, the "primary" organisation). */
export interface OrganizationAffiliation extends ResourceBase {
  resourceType: "OrganizationAffiliation";
  extension?: Extension[];
  identifier?: Identifier[];
  active?: boolean;
  period?: Period;
  organization?: Reference;
  participatingOrganization?: Reference;
  /** The relationship type (`RE4`, `RE8`, …). */
  code?: CodeableConcept[];
}

export interface ListEntry {
  date?: string;
  deleted?: boolean;
  item: Reference;
}

/** One of the ODS deletion lists. */
export interface List extends ResourceBase {
  resourceType: "List";
  status: "current" | "retired" | "entered-in-error";
  mode: "working" | "snapshot" | "changes";
  title?: string;
  date?: string;
  note?: Array<{ text: string }>;
  entry?: ListEntry[];
}

export interface CodeSystemConceptProperty {
  code: string;
  valueCode?: string;
  valueCoding?: Coding;
  valueString?: string;
  valueInteger?: number;
  valueBoolean?: boolean;
  valueDateTime?: string;
}

export interface CodeSystemConcept {
  code: string;
  display?: string;
  definition?: string;
  property?: CodeSystemConceptProperty[];
  concept?: CodeSystemConcept[];
}

export interface CodeSystem extends ResourceBase {
  resourceType: "CodeSystem";
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  status: "draft" | "active" | "retired" | "unknown";
  date?: string;
  publisher?: string;
  description?: string;
  content: "not-present" | "example" | "fragment" | "complete" | "supplement";
  count?: number;
  filter?: Array<{ code: string; description?: string; operator: string[]; value: string }>;
  property?: Array<{ code: string; uri?: string; description?: string; type: string }>;
  concept?: CodeSystemConcept[];
}

export interface ParametersParameter {
  name: string;
  valueString?: string;
  valueInteger?: number;
  valueBoolean?: boolean;
  valueCode?: string;
  valueUri?: string;
  valueDateTime?: string;
  valueCoding?: Coding;
  resource?: Resource;
  part?: ParametersParameter[];
}

export interface Parameters extends ResourceBase {
  resourceType: "Parameters";
  parameter?: ParametersParameter[];
}

export interface ValueSetFilter {
  property: string;
  op: string;
  value: string;
}

export interface ValueSetInclude {
  system?: string;
  version?: string;
  concept?: Array<{ code: string; display?: string }>;
  filter?: ValueSetFilter[];
}

export interface ValueSetContains {
  system?: string;
  inactive?: boolean;
  code?: string;
  display?: string;
  extension?: Extension[];
}

export interface ValueSet extends ResourceBase {
  resourceType: "ValueSet";
  url?: string;
  status?: string;
  compose?: { inactive?: boolean; include: ValueSetInclude[]; exclude?: ValueSetInclude[] };
  expansion?: {
    identifier?: string;
    timestamp: string;
    total?: number;
    offset?: number;
    parameter?: ParametersParameter[];
    contains?: ValueSetContains[];
  };
}

export interface CapabilityStatementResource {
  type: string;
  profile?: string;
  interaction?: Array<{ code: string }>;
  searchParam?: Array<{ name: string; type: string; documentation?: string }>;
  operation?: Array<{ name: string; definition: string }>;
}

export interface CapabilityStatement extends ResourceBase {
  resourceType: "CapabilityStatement";
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  status: "draft" | "active" | "retired" | "unknown";
  date: string;
  publisher?: string;
  description?: string;
  kind: "instance" | "capability" | "requirements";
  software?: { name: string; version?: string };
  implementation?: { description: string; url?: string };
  fhirVersion: string;
  format: string[];
  rest?: Array<{ mode: "client" | "server"; resource?: CapabilityStatementResource[] }>;
}

export interface OperationOutcome extends ResourceBase {
  resourceType: "OperationOutcome";
  issue: Array<{
    severity: "fatal" | "error" | "warning" | "information";
    code: string;
    details?: CodeableConcept;
    diagnostics?: string;
    expression?: string[];
  }>;
}

export interface SearchParameter extends ResourceBase {
  resourceType: "SearchParameter";
  url?: string;
  name?: string;
  status?: string;
  code?: string;
  base?: string[];
  type?: string;
  expression?: string;
}

export type Resource =
  | Organization
  | OrganizationAffiliation
  | List
  | CodeSystem
  | ValueSet
  | Parameters
  | CapabilityStatement
  | OperationOutcome
  | SearchParameter;

export interface BundleLink {
  relation: string;
  url: string;
}

export interface BundleEntry<R extends Resource = Resource> {
  fullUrl?: string;
  resource?: R;
  search?: { mode?: "match" | "include" | "outcome"; score?: number };
}

/** A searchset Bundle. `total` is present when the server counted (always with `_count=0`). */
export interface Bundle<R extends Resource = Resource> extends ResourceBase {
  resourceType: "Bundle";
  type: "searchset" | "collection" | "batch-response" | "transaction-response" | "history" | "document" | "message";
  total?: number;
  link?: BundleLink[];
  entry?: Array<BundleEntry<R>>;
}

/** Organisation searches: matches, plus affiliations asked for with `_revinclude`. */
export type OrganizationBundle = Bundle<Organization | OrganizationAffiliation>;
/** Relationship searches: matches, plus organisations asked for with `_include`. */
export type OrganizationAffiliationBundle = Bundle<OrganizationAffiliation | Organization>;
export type CodeSystemBundle = Bundle<CodeSystem>;
