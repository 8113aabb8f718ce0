import type { components } from "./generated/openapi.js";

/**
 * The organisation schema exactly as the upstream OpenAPI document declares it. It disagrees with what the
 * service returns (field names with spaces such as `"Address 1"`, lists typed as single objects, `Geocode` as a
 * number), so the client returns {@link Organisation} instead; this alias is kept for reference.
 */
export type SpecOrganisation = components["schemas"]["Organisation"];

/** A GeoJSON point as the search index stores it (`[longitude, latitude]`). */
export interface GeoPoint {
  type: "Point";
  coordinates: [number, number];
  crs?: { type: string; properties: { name: string } };
}

export interface OpeningTime {
  Weekday?: string;
  OpeningTime?: string;
  ClosingTime?: string;
  /** Minutes after midnight. */
  OffsetOpeningTime?: number;
  OffsetClosingTime?: number;
  /** `General`, `Additional`, ... */
  OpeningTimeType?: string;
  AdditionalOpeningDate?: string;
  IsOpen?: boolean;
}

export interface Contact {
  ContactType?: string;
  ContactAvailabilityType?: string;
  /** `Telephone`, `Email`, `Website`, `Fax`... */
  ContactMethodType?: string;
  ContactValue?: string;
}

export interface Facility {
  Id?: number;
  Name?: string;
  /** `Yes`, `No` or free text. */
  Value?: string;
  FacilityGroupName?: string;
}

export interface OrganisationService {
  ServiceName?: string;
  ServiceCode?: string;
  Contacts?: Contact[];
  ServiceProvider?: { ODSCode?: string | null; OrganisationName?: string | null };
  Treatments?: Array<{ Name?: string }>;
  OpeningTimes?: OpeningTime[];
  AgeRange?: Array<{ FromAgeDays?: number; ToAgeDays?: number }>;
  Metrics?: unknown[];
  KeyValueData?: Array<{ Key?: string; Value?: string }>;
}

export interface Metric {
  MetricID?: number;
  MetricName?: string;
  DisplayName?: string;
  Description?: string;
  Value?: string | null;
  Value2?: string | null;
  Value3?: string | null;
  Text?: string | null;
  LinkUrl?: string | null;
  LinkText?: string | null;
  MetricDisplayTypeID?: number;
  MetricDisplayTypeName?: string;
  HospitalSectorType?: string | null;
  MetricText?: string | null;
  DefaultText?: string | null;
  IsMetaMetric?: boolean;
  BandingClassification?: string | null;
  BandingName?: string | null;
}

/**
 * One organisation in a search result, typed from what the service returns (every field is optional because
 * `$select` / `select` limits which come back, and many are `null` for some organisation types).
 */
export interface Organisation {
  /** Relevance of this result to the search text (1 when there was none). */
  "@search.score"?: number;
  SearchKey?: string;
  ODSCode?: string;
  OrganisationName?: string;
  /** Short type code: `GPB` GP branch, `PHA` pharmacy, `DEN` dentist, `OPT` optician, `CLI` clinic... */
  OrganisationTypeId?: string;
  OrganisationType?: string;
  /** e.g. `Community` or `DistanceSelling` for pharmacies. */
  OrganisationSubType?: string | null;
  OrganisationStatus?: string;
  Address1?: string | null;
  Address2?: string | null;
  Address3?: string | null;
  City?: string | null;
  County?: string | null;
  Postcode?: string | null;
  Country?: string | null;
  Latitude?: number | null;
  Longitude?: number | null;
  Geocode?: GeoPoint | null;
  /** The service stores this flag as the strings `"true"` / `"false"` (or null), not a boolean. */
  IsEpsEnabled?: "true" | "false" | null;
  OrganisationAliases?: Array<{ OrganisationAlias?: string; OrganisationAliasId?: string }>;
  ParentOrganisation?: { ODSCode?: string | null; OrganisationName?: string | null } | null;
  Services?: OrganisationService[];
  OpeningTimes?: OpeningTime[];
  Contacts?: Contact[];
  Facilities?: Facility[];
  Metrics?: Metric[];
  GSD?: unknown;
  LastUpdatedDates?: Record<string, unknown> | null;
  AcceptingPatients?: {
    GP?: string | null;
    Dentist?: Array<{ Id?: number; Name?: string; AcceptingPatients?: boolean }>;
  };
  GPRegistration?: { RegistrationLink?: string; AcceptingOutOfArea?: boolean } | null;
  RelatedIAPTCCGs?: Array<{ ODSCode?: string; OrganisationName?: string }>;
  Trusts?: Array<{ ODSCode?: string; OrganisationName?: string }>;
  ServiceOpeningTimes?: unknown[];
}

/** The Azure Cognitive Search envelope every successful search answers with. */
export interface OrganisationSearchResults {
  "@odata.context"?: string;
  /** Present when `$count` / `count` was true (and in some canned sandbox answers). */
  "@odata.count"?: number;
  /** Link to the next page of the underlying index; it points at the search backend, not at this API. */
  "@odata.nextLink"?: string;
  value: Organisation[];
}
