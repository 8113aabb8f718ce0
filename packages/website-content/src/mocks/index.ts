export {
  API_ROOT,
  acne,
  acrivastine,
  HUBS,
  hubPage,
  LISTINGS,
  MANIFEST_COUNT,
  MANIFEST_PAGE_SIZE,
  manifestPage,
  SITE_ROOT,
} from "./fixtures.js";
export {
  RESOURCE_NOT_FOUND,
  SANDBOX_RESPONSE_NOT_FOUND,
  WEBSITE_CONTENT_BASE_PATH,
  type WebsiteContentMockOptions,
  websiteContentHandlers,
} from "./handlers.js";
