export {
  CIVIL_REGISTRATION_DEATHS_ID,
  COVID_TESTING_ID,
  civilRegistrationDeaths,
  datasetList,
  HDRUK_SCHEMA,
  LISTED_DEATHS_ID,
} from "./fixtures.js";
export {
  RESEARCH_DATA_CATALOGUE_BASE_PATH,
  type ResearchDataCatalogueMockOptions,
  researchDataCatalogueHandlers,
} from "./handlers.js";
