export {
  allOrganisations,
  INDEX_CONTEXT,
  noOrganisations,
  shakespeare,
  singleOrganisation,
} from "./fixtures.js";
export {
  SANDBOX_QUERIES,
  SERVICE_SEARCH_BASE_PATH,
  type ServiceSearchMockOptions,
  serviceSearchHandlers,
} from "./handlers.js";
