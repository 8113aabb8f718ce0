// Our own fixtures for the Health Research Data Catalogue sandbox. Ids, titles, versions and the HDR UK schema
// URL are the facts the hosted sandbox answers with; descriptions and the other metadata values are written
// by nhskit (they are plausible, not NHS England's catalogue text).
import type { Dataset, DatasetList } from "../types.js";

export const HDRUK_SCHEMA = "https://hdruk.github.io/schemata/schema/dataset/2.0.2/dataset.schema.json";

/** The only id the sandbox's detail route serves. */
export const CIVIL_REGISTRATION_DEATHS_ID = "dd5f0174-575f-4f4c-a4fc-b406aab953d9";
/** The id the sandbox's list gives for the same data set: its detail route answers 404 (fact 6). */
export const LISTED_DEATHS_ID = "tt6gh174-575f-4f4c-a4fc-b406aabj9765";
export const COVID_TESTING_ID = "CV19-12345";

/** `GET /datasets`: two summaries, `total` as the string "2". */
export const datasetList: DatasetList = {
  total: "2",
  items: [
    {
      "@schema": HDRUK_SCHEMA,
      persistentId: COVID_TESTING_ID,
      name: "COVID-19 UK Non-hospital Antigen Testing Results",
      description: "Results of antigen tests for COVID-19 carried out outside hospitals across the UK.",
      version: "1.2.3",
      self: `https://hdr.dev.dataproducts.nhs.uk/datasets/${COVID_TESTING_ID}`,
      issued: "2022-07-12T11:34:04.498Z",
      modified: "2022-07-27T16:58:29.500Z",
      source: "",
    },
    {
      "@schema": HDRUK_SCHEMA,
      persistentId: LISTED_DEATHS_ID,
      name: "Civil Registration - Deaths",
      description: "Registrations of deaths in England and Wales, one record per registration.",
      version: "1.0.1",
      self: `https://hdr.dev.dataproducts.nhs.uk/datasets/${LISTED_DEATHS_ID}`,
      issued: "2022-07-12T11:34:05.538Z",
      modified: "2022-08-04T15:56:42.204Z",
      source: "",
    },
  ],
};

/** `GET /datasets/dd5f0174-...`: the full HDR UK record for Civil Registration - Deaths. */
export const civilRegistrationDeaths: Dataset = {
  identifier: CIVIL_REGISTRATION_DEATHS_ID,
  version: "1.0.1",
  revisions: [
    {
      version: "1.0.1",
      url: `https://hdr.dev.dataproducts.nhs.uk/datasetrevisions/${CIVIL_REGISTRATION_DEATHS_ID}`,
    },
  ],
  issued: "2022-07-12T11:34:05.538Z",
  modified: "2022-08-04T15:56:42.204Z",
  summary: {
    title: "Civil Registration - Deaths",
    abstract: "Death registrations for England and Wales, received from the registration service; one record each.",
    publisher: { name: "NHS DIGITAL", memberOf: "ALLIANCE", contactPoint: "enquiries@nhsdigital.nhs.uk" },
    contactPoint: "enquiries@nhsdigital.nhs.uk",
    keywords: ["Deaths, Death registrations, Mortality, Cause of death"],
  },
  documentation: {
    description: "Each record describes one registered death, with the causes of death coded in ICD-10.",
    associatedMedia: ["https://www.ons.gov.uk/peoplepopulationandcommunity/birthsdeathsandmarriages/deaths"],
    isPartOf: "NOT APPLICABLE",
  },
  coverage: {
    spatial: ["https://www.geonames.org/6269131/england.html", "https://www.geonames.org/2634895/wales.html"],
    typicalAgeRange: "0-150",
    physicalSampleAvailability: ["NOT AVAILABLE"],
    followup: "OTHER",
    pathway: "NOT APPLICABLE",
  },
  provenance: {
    origin: { purpose: ["ADMINISTRATIVE"], source: ["OTHER"], collectionSituation: ["OTHER"] },
    temporal: {
      accrualPeriodicity: "CONTINUOUS",
      startDate: "1993-01-01",
      endDate: "2022-08-31",
      timeLag: "1-2 WEEKS",
    },
  },
  accessibility: {
    usage: {
      dataUseLimitation: ["NO RESTRICTION"],
      dataUseRequirements: ["ETHICS APPROVAL REQUIRED", "PROJECT SPECIFIC RESTRICTIONS", "TIME LIMIT ON USE"],
      resourceCreator: ["NHS Digital"],
    },
    access: {
      accessRights: ["https://digital.nhs.uk/services/data-access-request-service-dars"],
      accessService: "Apply through the Data Access Request Service.",
      deliveryLeadTime: "OTHER",
      jurisdiction: ["GB-EAW"],
      dataController: "Department of Health and Social Care",
      dataProcessor: "NHS Digital",
    },
    formatAndStandards: {
      vocabularyEncodingScheme: ["ICD10", "NHS NATIONAL CODES", "ODS"],
      conformsTo: ["NHS DATA DICTIONARY"],
      language: ["en"],
      format: ["CSV"],
    },
  },
  enrichmentAndLinkage: {
    qualifiedRelation: [
      "https://digital.nhs.uk/services/data-access-request-service-dars/register-of-approved-data-releases",
    ],
    derivation: ["Only the fields an approved application needs are released."],
    tools: [],
  },
  observations: [
    {
      observedNode: "EVENTS",
      measuredValue: 14900000,
      disambiguatingDescription: "Death registrations in England and Wales since 1993",
      observationDate: "2021-01-15",
      measuredProperty: "Count",
    },
  ],
};
