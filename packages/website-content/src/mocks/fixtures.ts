// Our own fixtures for the Website Content sandbox. Paths, page names, paging numbers and the attribution
// details are the facts the hosted sandbox serves; every sentence of page text here is written by nhskit and
// is NOT NHS health advice.
import type { ContentPage, HealthTopicPart, ManifestEntry, ManifestPages, PageElement } from "../types.js";

/** Canned pages were captured from production, so their links name the production API host. */
export const API_ROOT = "https://api.service.nhs.uk/nhs-website-content";
export const SITE_ROOT = "https://www.nhs.uk";
const LOGO = "https://assets.nhs.uk/nhsuk-cms/images/nhs-attribution.width-510.png";

const AUTHOR = {
  url: SITE_ROOT,
  logo: LOGO,
  email: "nhswebsite.servicedesk@nhs.net",
  "@type": "Organization",
  name: "NHS website",
};

/** "alcohol-advice/alcohol-support" -> "Alcohol support". */
export function titleOf(path: string): string {
  const last = path.split("/").filter(Boolean).pop() ?? path;
  const words = last.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const html = (text: string, link?: [string, string]) =>
  `<p>${text}${link ? ` <a href="${SITE_ROOT}/${link[0]}/">${link[1]}</a>.` : ""}</p>`;

interface PageSpec {
  path: string;
  name: string;
  description: string;
  type?: "WebPage" | "MedicalWebPage";
  genre?: string[];
  hasPart?: HealthTopicPart[];
  mainEntityOfPage?: PageElement[];
  extra?: Partial<ContentPage>;
}

function breadcrumb(path: string) {
  const parts = path.split("/").filter(Boolean);
  return {
    "@context": "http://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: parts.map((_, i) => {
      const sub = parts.slice(0, i + 1).join("/");
      return {
        "@type": "ListItem",
        position: i,
        item: { "@id": `${API_ROOT}/${sub}/`, name: titleOf(sub), genre: [] },
      };
    }),
  };
}

/** A page in the schema.org JSON-LD shape the API answers with. */
export function webPage(spec: PageSpec): ContentPage {
  return {
    "@context": "http://schema.org",
    "@type": spec.type ?? "WebPage",
    name: spec.name,
    copyrightHolder: { name: "Crown Copyright", "@type": "Organization" },
    license: "https://developer.api.nhs.uk/terms",
    author: AUTHOR,
    about: { "@type": "WebPage", name: spec.name },
    description: spec.description,
    url: `${API_ROOT}/${spec.path}/`,
    genre: spec.genre ?? [],
    keywords: [],
    dateModified: "2025-03-12T10:15:00+00:00",
    breadcrumb: breadcrumb(spec.path),
    ...(spec.hasPart ? { hasPart: spec.hasPart } : {}),
    contentSubTypes: [],
    ...(spec.mainEntityOfPage ? { mainEntityOfPage: spec.mainEntityOfPage } : {}),
    ...spec.extra,
    webpage: `${SITE_ROOT}/${spec.path}/`,
  };
}

function module(
  path: string,
  aspect: string,
  headline: string,
  text: string,
  link?: [string, string],
): HealthTopicPart {
  return {
    "@type": "HealthTopicContent",
    url: `${API_ROOT}/${path}/#${aspect.toLowerCase()}`,
    hasHealthAspect: `http://schema.org/${aspect}HealthAspect`,
    headline,
    description: "",
    hasPart: [{ "@type": "WebPageElement", headline: "", text: html(text, link) }],
  };
}

function sections(parts: HealthTopicPart[], intro: string): PageElement[] {
  const element = (i: number, text: string, headline = ""): PageElement => ({
    position: 0,
    identifier: String(i + 1),
    "@type": "WebPageElement",
    name: "markdown",
    headline,
    text,
  });
  return [
    {
      identifier: "0",
      name: "section heading",
      position: 0,
      "@type": "WebPageElement",
      hasPart: [element(0, html(intro))],
    },
    ...parts.map((part, i) => ({
      identifier: String(i + 1),
      name: "section heading",
      position: i + 1,
      "@type": "WebPageElement",
      headline: part.headline,
      hasPart: (part.hasPart ?? []).map((p, j) => element(j, String(p.text), "")),
    })),
  ];
}

function medicalPage(
  path: string,
  name: string,
  description: string,
  genre: string,
  modules: HealthTopicPart[],
  intro: string,
  modular: boolean,
): ContentPage {
  return webPage({
    path,
    name,
    description,
    type: "MedicalWebPage",
    genre: [genre],
    hasPart: modules,
    // The modular version carries only the labelled sections.
    ...(modular ? {} : { mainEntityOfPage: sections(modules, intro) }),
    extra: {
      lastReviewed: ["2024-05-20T00:00:00+00:00", "2027-05-20T00:00:00+00:00"],
      relatedLink: [
        { "@type": "LinkRole", url: `${API_ROOT}/${path}/`, linkRelationship: "Navigation", name, description: "" },
      ],
    },
  });
}

const ACNE_MODULES = [
  module(
    "conditions/acne",
    "Overview",
    "About acne",
    "Acne is a common skin condition in which blocked hair follicles lead to spots.",
  ),
  module(
    "conditions/acne",
    "Symptoms",
    "Signs of acne",
    "Spots most often appear on the face, back and chest and can be tender.",
  ),
  module(
    "conditions/acne",
    "Treatments",
    "Treating acne",
    "Mild acne can often be treated with products from a pharmacy.",
    ["conditions/acne", "Read more about acne"],
  ),
  module(
    "conditions/acne",
    "Causes",
    "What causes acne",
    "Changes in hormones can make the skin produce more oil than usual.",
  ),
];

/** `/conditions/acne/` (also answered for every other condition slug, fact 17). */
export const acne = (modular: boolean) =>
  medicalPage(
    "conditions/acne",
    "Acne",
    "Find out about acne, what it looks like and how it can be treated.",
    "Condition",
    ACNE_MODULES,
    "Acne is a skin condition many people have at some point.",
    modular,
  );

const ACRIVASTINE_MODULES = [
  module(
    "medicines/acrivastine",
    "Overview",
    "About acrivastine",
    "Acrivastine is an antihistamine used for allergies such as hay fever.",
  ),
  module(
    "medicines/acrivastine",
    "Suitability",
    "Who can take it",
    "Most adults and children aged 12 and over can take it.",
  ),
  module(
    "medicines/acrivastine",
    "UsageOrSchedule",
    "How to take it",
    "Take it when you have symptoms, up to 3 times a day.",
  ),
  module(
    "medicines/acrivastine",
    "SideEffects",
    "Side effects",
    "Like all medicines it can cause side effects, although not everyone gets them.",
  ),
];

/** `/medicines/acrivastine/` (also answered for every other medicine slug, fact 17). */
export const acrivastine = (modular: boolean) =>
  medicalPage(
    "medicines/acrivastine",
    "Acrivastine",
    "Find out how acrivastine treats allergy symptoms and how to take it.",
    "Medicine",
    ACRIVASTINE_MODULES,
    "Acrivastine is a medicine for allergy symptoms.",
    modular,
  );

// ---- A to Z listings --------------------------------------------------------------------------------

type Entry = [name: string, slug: string];

const CONDITIONS: Record<string, Entry[]> = {
  a: [
    ["Abdominal aortic aneurysm", "abdominal-aortic-aneurysm"],
    ["Acanthosis nigricans", "acanthosis-nigricans"],
    ["Achalasia", "achalasia"],
    ["Acne", "acne"],
    ["Acute kidney injury", "acute-kidney-injury"],
    ["Angiography", "angiography"],
  ],
  b: [
    ["Bacterial vaginosis", "bacterial-vaginosis"],
    ["Bell's palsy", "bells-palsy"],
    ["Bronchitis", "bronchitis"],
  ],
  z: [["Zika virus", "zika"]],
};
const CONDITION_HUBS: Entry[] = [
  ["Allergies", "allergies"],
  ["Arthritis", "arthritis"],
];
const MEDICINES: Record<string, Entry[]> = {
  a: [
    ["Aciclovir", "aciclovir"],
    ["Acrivastine", "acrivastine"],
    ["Amlodipine", "amlodipine"],
  ],
  b: [
    ["Baclofen", "baclofen"],
    ["Bisoprolol", "bisoprolol"],
  ],
  z: [["Zopiclone", "zopiclone"]],
};
const SYMPTOMS: Record<string, Entry[]> = {
  a: [
    ["Ankle pain", "ankle-pain"],
    ["Anxiety", "anxiety"],
  ],
  b: [
    ["Back pain", "back-pain"],
    ["Bloating", "bloating"],
  ],
};
const TESTS: Record<string, Entry[]> = {
  a: [
    ["Amniocentesis", "amniocentesis"],
    ["Angiography", "angiography"],
  ],
  b: [
    ["Biopsy", "biopsy"],
    ["Blood tests", "blood-tests"],
  ],
};

function paginationLinks(section: string, page: number, last: number) {
  const link = (name: string, n: number) => ({
    "@type": "LinkRole",
    url: `${API_ROOT}/${section}/?page=${n}`,
    name,
    description: `Link to ${name}`,
    linkRelationship: "Pagination",
  });
  return [
    link("First Page", 1),
    ...(page > 1 ? [link("Previous Page", page - 1)] : []),
    link("Last Page", last),
    {
      "@type": "LinkRole",
      url: `${API_ROOT}/${section}/`,
      name: "Self",
      description: "Link to nhs.uk Page",
      linkRelationship: "Self",
    },
    ...(page < last ? [link("Next Page", page + 1)] : []),
  ];
}

function azListing(
  section: string,
  title: string,
  genre: string,
  entries: Entry[],
  page: number,
  last: number,
  paged: boolean,
) {
  return webPage({
    path: section,
    name: title,
    description: `An A to Z of ${title.replace(/ A to Z$/, "").toLowerCase()} on the NHS website.`,
    type: "MedicalWebPage",
    extra: {
      significantLink: entries.map(([name, slug]) => ({
        description: `Our page about ${name.toLowerCase()}.`,
        linkRelationship: "Result",
        "@type": "LinkRole",
        articleStatus: "published",
        mainEntityOfPage: {
          "@type": "MedicalWebPage",
          genre: [genre],
          datePublished: "2018-01-10T09:00:00+00:00",
          dateModified: "2024-11-04T12:00:00+00:00",
          lastReviewed: ["2024-06-01T00:00:00+00:00", "2027-06-01T00:00:00+00:00"],
          reviewDue: "2027-06-01T00:00:00+00:00",
          keywords: [],
        },
        url: `${API_ROOT}/${section}/${slug}/`,
        name,
      })),
      relatedLink: paged ? paginationLinks(section, page, last) : [],
    },
  });
}

interface ListingSpec {
  title: string;
  genre: string;
  letters: Record<string, Entry[]>;
  /** The page numbers the sandbox has (1 and the last, sometimes 2). */
  pages: number[];
  last: number;
}

export const LISTINGS: Record<string, ListingSpec> = {
  conditions: { title: "Conditions A to Z", genre: "Condition", letters: CONDITIONS, pages: [1, 2, 29], last: 29 },
  medicines: { title: "Medicines A to Z", genre: "Medicine", letters: MEDICINES, pages: [1, 11], last: 11 },
  symptoms: { title: "Symptoms A to Z", genre: "Symptom", letters: SYMPTOMS, pages: [1, 6], last: 6 },
  "tests-and-treatments": {
    title: "Tests and treatments A to Z",
    genre: "Test or treatment",
    letters: TESTS,
    pages: [1, 7],
    last: 7,
  },
};

/** A listing page by number: page 1 starts at A, the last page is the end of the alphabet. */
export function listingPage(section: string, page: number): ContentPage {
  const spec = LISTINGS[section]!;
  const letters = Object.keys(spec.letters);
  const all = letters.flatMap((l) => spec.letters[l]!);
  const entries = page === spec.last ? all.slice(-1) : page === 1 ? all.slice(0, 3) : all.slice(3, 6);
  return azListing(section, spec.title, spec.genre, entries, page, spec.last, true);
}

/** A listing filtered to one letter (and, for conditions, optionally to condition or hub pages). */
export function letterPage(section: string, letter: string, genre?: "condition" | "hub"): ContentPage {
  const spec = LISTINGS[section]!;
  const entries = genre === "hub" ? CONDITION_HUBS : (spec.letters[letter] ?? []);
  return azListing(section, spec.title, genre === "hub" ? "Hub" : spec.genre, entries, 1, 1, false);
}

// ---- hubs ----------------------------------------------------------------------------------------------

export const HUBS: Record<string, { name: string; subPages: string[] }> = {
  "health-a-to-z": { name: "Health A to Z", subPages: ["conditions"] },
  "live-well": { name: "Live well", subPages: ["alcohol-advice/alcohol-support", "exercise", "healthy-weight"] },
  "mental-health": {
    name: "Mental health",
    subPages: [
      "advice-for-life-situations-and-events/support-for-workplace-bullying",
      "conditions",
      "feelings-symptoms-behaviours",
    ],
  },
  "nhs-services": {
    name: "NHS services",
    subPages: ["gps", "gps/how-to-register-with-a-gp-surgery", "prescriptions-and-pharmacies"],
  },
  pregnancy: {
    name: "Pregnancy",
    subPages: ["finding-out/finding-out-you-are-pregnant", "having-a-baby-if-you-are-lgbt-plus", "trying-for-a-baby"],
  },
  contraception: {
    name: "Contraception",
    subPages: [
      "methods-of-contraception",
      "methods-of-contraception/combined-pill/what-is-it",
      "methods-of-contraception/condoms",
    ],
  },
  vaccinations: {
    name: "Vaccinations",
    subPages: [
      "nhs-vaccinations-and-when-to-have-them",
      "6-in-1-vaccine",
      "travel-vaccinations/available-travel-vaccines",
    ],
  },
  "womens-health": { name: "Women's health", subPages: ["periods", "anaemia"] },
  baby: { name: "Baby", subPages: ["first-aid-and-safety", "support-and-services", "caring-for-a-newborn"] },
  "social-care-and-support": {
    name: "Social care and support",
    subPages: ["introduction-to-care-and-support", "money-work-and-benefits", "care-after-a-hospital-stay"],
  },
};

/** A hub page: its name, a line about it and links to the pages below it. */
export function hubPage(hub: string): ContentPage {
  const spec = HUBS[hub]!;
  return webPage({
    path: hub,
    name: spec.name,
    description: `Pages about ${spec.name.toLowerCase()} from the NHS website.`,
    genre: ["Hub"],
    hasPart: spec.subPages.map((sub) => ({
      "@type": "WebPage",
      url: `${API_ROOT}/${hub}/${sub}/`,
      headline: titleOf(sub),
      description: "",
    })),
    extra: { headline: spec.name },
  });
}

/** One of a hub's canned sub-pages. */
export function subPage(hub: string, sub: string): ContentPage {
  const name = titleOf(sub);
  return webPage({
    path: `${hub}/${sub}`,
    name,
    description: `${name}: a page in the ${HUBS[hub]!.name.toLowerCase()} section.`,
    genre: [HUBS[hub]!.name],
    hasPart: [
      module(`${hub}/${sub}`, "Overview", name, `An overview of ${name.toLowerCase()}.`, [
        hub,
        `More about ${HUBS[hub]!.name.toLowerCase()}`,
      ]),
    ],
    extra: { lastReviewed: ["2024-02-01T00:00:00+00:00", "2027-02-01T00:00:00+00:00"] },
  });
}

// ---- manifest ------------------------------------------------------------------------------------------

/** Pages in the site, as the manifest reports them. */
export const MANIFEST_COUNT = 4985;
/** Our fixture pages hold 25 entries each (production's hold 100). */
export const MANIFEST_PAGE_SIZE = 25;

const MANIFEST_NAMES: Array<[name: string, section: string, type: string, modules: boolean]> = [
  ["Health A to Z", "conditions", "ConditionsHomePage", false],
  ["Acanthosis nigricans", "conditions/acanthosis-nigricans", "ConditionsPage", true],
  ["Achalasia", "conditions/achalasia", "ConditionsPage", false],
  ["Acne", "conditions/acne", "ConditionsPage", true],
  ["Aciclovir", "medicines/aciclovir", "MedicinesPage", false],
  ["Acrivastine", "medicines/acrivastine", "MedicinesPage", true],
];

function manifestEntry(i: number): ManifestEntry {
  const [name, path, type, modules] = MANIFEST_NAMES[i] ?? [
    `Page ${i + 1}`,
    `live-well/page-${i + 1}`,
    "ContentPage",
    false,
  ];
  const home = i === 0;
  return {
    id: 19055 + i,
    dateFirstPublished: "2017-11-28T16:31:08.215000Z",
    dateModified: "2024-07-08T12:00:30.332225+01:00",
    dateNextReview: home ? null : "2027-07-04T00:00:00+00:00",
    description: home ? null : `Our page about ${name.toLowerCase()}.`,
    genre: home ? [] : [path.startsWith("medicines") ? "Medicine" : "Condition"],
    healthAspects: modules ? ["OverviewHealthAspect", "SymptomsHealthAspect", "TreatmentsHealthAspect"] : [],
    modules,
    name,
    type,
    url: `${API_ROOT}/${path}/`,
    webpage: `${SITE_ROOT}/${path}/`,
  };
}

export function manifestPage(page: number): ManifestPages {
  const last = Math.ceil(MANIFEST_COUNT / MANIFEST_PAGE_SIZE);
  const link = (n: number) => `${API_ROOT}/manifest/pages/?page=${n}`;
  return {
    pagination: {
      first: link(1),
      last: link(last),
      self: link(page),
      ...(page < last ? { next: link(page + 1) } : {}),
      count: MANIFEST_COUNT,
    },
    results: Array.from({ length: MANIFEST_PAGE_SIZE }, (_, i) => manifestEntry((page - 1) * MANIFEST_PAGE_SIZE + i)),
  };
}
