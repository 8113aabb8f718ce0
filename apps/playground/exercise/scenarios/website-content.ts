import {
  attribution,
  createWebsiteContentClient,
  NhsValidationError,
  type WebsiteContentClientOptions,
} from "@nhskit/website-content";
import { check, type Scenario } from "../types.js";
import { apiError, refusal } from "./util.js";

// The hosted sandbox serves pages captured from production for a fixed set of query values (acne, acrivastine,
// category a/b/z...); nhskit's mocks answer the same names and paging with placeholder text.
const client = (baseUrl: string, extra: Partial<WebsiteContentClientOptions> = {}) =>
  createWebsiteContentClient({ baseUrl, retry: false, ...extra });

export const websiteContentScenarios: Scenario[] = [
  {
    api: "website-content",
    operation: "get-condition-page",
    name: "acne, modular, with attribution",
    async run({ baseUrl }) {
      const { page } = await client(baseUrl()).getCondition("acne", { modules: true });
      const credit = attribution(page);
      check(credit.href === "https://www.nhs.uk/conditions/acne/", `links to www.nhs.uk (got ${credit.href})`);
      check((page.hasPart?.length ?? 0) > 0, "labelled sections");
      return { status: 200, detail: `${page.hasPart?.length} sections` };
    },
  },
  {
    api: "website-content",
    operation: "get-conditions",
    name: "conditions A to Z: letter a",
    async run({ baseUrl }) {
      const { links } = await client(baseUrl()).listConditions({ category: "a" });
      check(links[0]?.name === "Abdominal aortic aneurysm", `Abdominal aortic aneurysm first (got ${links[0]?.name})`);
      return { status: 200, detail: `${links.length} conditions` };
    },
  },
  {
    api: "website-content",
    operation: "get-medicines",
    name: "medicines listing paging",
    async run({ baseUrl }) {
      const { paging } = await client(baseUrl()).listMedicines();
      check(paging.next === 2 && paging.last === 11, `next 2, last 11 (got ${paging.next}, ${paging.last})`);
      return { status: 200, detail: `${paging.last} pages` };
    },
  },
  {
    api: "website-content",
    operation: "get-manifest-pages",
    name: "manifest, first page",
    async run({ baseUrl }) {
      const { pages, nextPage } = await client(baseUrl()).getManifestPages({ page: 1 });
      check(pages.length > 0 && nextPage === 2, `entries and a next page (got ${pages.length}, ${nextPage})`);
      return { status: 200, detail: `${pages.length} entries` };
    },
  },
  {
    api: "website-content",
    operation: "get-live-well",
    name: "Live Well sub-page: exercise",
    async run({ baseUrl }) {
      const { page } = await client(baseUrl()).getPage("live-well/exercise");
      check(page.name === "Exercise", `Exercise (got ${page.name})`);
      return { status: 200, detail: page.name };
    },
  },
  {
    api: "website-content",
    operation: "get-conditions",
    name: "letter with no canned page is 404",
    async run({ baseUrl }) {
      // The sandbox answers HTTP 200 with {"statusCode": 404, ...}; the client makes it an NhsApiError 404.
      const error = await apiError(client(baseUrl()).listConditions({ category: "c" }));
      check(error.status === 404, `404 (got ${error.status})`);
      return { status: error.status, detail: error.diagnostics };
    },
  },
  {
    api: "website-content",
    operation: "get-conditions",
    name: "two-letter category refused",
    async run({ baseUrl }) {
      const error = await refusal((fetch) => client(baseUrl(), { fetch }).listConditions({ category: "AB" }));
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "category is one letter" };
    },
  },
];
