import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** The `WebPage` schema exactly as the upstream OpenAPI document declares it. */
export type SpecWebPage = Schemas["WebPage"];

/** A block of text inside a section: `text` is an HTML fragment whose links point at www.nhs.uk. */
export interface PageElement {
  "@type"?: string;
  identifier?: string;
  name?: string;
  position?: number;
  headline?: string;
  description?: string;
  text?: string;
  hasPart?: PageElement[];
  mainEntityOfPage?: PageElement[];
  [key: string]: unknown;
}

/**
 * A labelled section ("module") of a page. `hasHealthAspect` says what it covers, as a schema.org URL such as
 * `http://schema.org/SymptomsHealthAspect`; `modules: true` returns only these.
 */
export interface HealthTopicPart extends PageElement {
  hasHealthAspect?: string;
  url?: string;
}

/**
 * One page of NHS website content: schema.org `WebPage` or `MedicalWebPage` JSON-LD. The upstream schema leaves
 * out much of what the pages carry (sections, review dates) and types `genre` as a string where pages send a
 * list; this type follows the pages and keeps every other key reachable.
 */
export type ContentPage = Omit<SpecWebPage, "genre" | "breadcrumb" | "significantLink"> & {
  /** The site section(s) the page belongs to, e.g. `["Condition"]`. */
  genre?: string | string[];
  breadcrumb?: Breadcrumb;
  /** On A to Z listings: the pages listed. */
  significantLink?: SignificantLink[];
  keywords?: string | string[];
  dateModified?: string;
  lastReviewed?: string[];
  headline?: string;
  alternativeHeadline?: string;
  contentSubTypes?: unknown[];
  /** Labelled sections (health aspects) or, on hubs, the pages below. */
  hasPart?: HealthTopicPart[];
  /** Every section of the page, labelled or not. */
  mainEntityOfPage?: PageElement[];
  [key: string]: unknown;
};

type SpecBreadcrumb = NonNullable<SpecWebPage["breadcrumb"]>;
type SpecCrumb = NonNullable<SpecBreadcrumb["itemListElement"]>[number];

/** Where the page sits on the site. (The spec types each `genre` as a string; pages send a list.) */
export type Breadcrumb = Omit<SpecBreadcrumb, "itemListElement"> & {
  itemListElement?: Array<
    Omit<SpecCrumb, "item"> & { item: Omit<SpecCrumb["item"], "genre"> & { genre?: string | string[] } }
  >;
};

type SpecSignificantLink = NonNullable<SpecWebPage["significantLink"]>[number];

/** A page listed in an A to Z listing. */
export type SignificantLink = Omit<SpecSignificantLink, "mainEntityOfPage"> & {
  mainEntityOfPage: Omit<SpecSignificantLink["mainEntityOfPage"], "genre" | "keywords"> & {
    genre?: string | string[];
    keywords?: string | string[];
  };
};

/** A related or paging link (`linkRelationship` is `Pagination`, `Self`, `Navigation`...). */
export type RelatedLink = NonNullable<SpecWebPage["relatedLink"]>[number];

/** The upstream manifest schema. */
export type SpecManifestPages = Schemas["ManifestPages"];
type SpecManifestEntry = SpecManifestPages["results"][number];

/** One page in the manifest. Some dates and descriptions are null for pages that have none. */
export type ManifestEntry = Omit<SpecManifestEntry, "dateNextReview" | "description"> & {
  dateNextReview: string | null;
  description: string | null;
};

/** A page of the manifest: `pagination` holds absolute links (`next` is absent on the last page). */
export interface ManifestPages {
  pagination: SpecManifestPages["pagination"];
  results: ManifestEntry[];
}
