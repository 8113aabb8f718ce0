import { readFileSync } from "node:fs";
import { NhsResponseError } from "@nhskit/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  attribution,
  type ContentPage,
  createWebsiteContentClient,
  MAX_CONTENT_AGE_MS,
  NHS_ATTRIBUTION_LOGO,
  WEBSITE_CONTENT_VERSION,
} from "../src/index.js";
import { websiteContentHandlers } from "../src/mocks/index.js";

const server = setupServer(...websiteContentHandlers());
const seen: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  seen.length = 0;
  server.resetHandlers();
});
afterAll(() => server.close());

const content = createWebsiteContentClient({ environment: "sandbox", retry: false });

describe("createWebsiteContentClient", () => {
  it("sends a User-Agent naming the package and the query values as strings", async () => {
    await content.listConditions({ page: 2 });
    expect(seen[0]!.headers.get("user-agent")).toContain(`nhskit-website-content/${WEBSITE_CONTENT_VERSION}`);
    expect(new URL(seen[0]!.url).search).toBe("?page=2");
    await content.getCondition("acne", { modules: true });
    expect(new URL(seen[1]!.url).pathname).toBe("/nhs-website-content/conditions/acne");
    expect(new URL(seen[1]!.url).search).toBe("?modules=true");
  });

  it("says when to refresh: 7 days after fetching", async () => {
    const { fetchedAt, refreshBy } = await content.getBaby();
    expect(Date.parse(refreshBy) - Date.parse(fetchedAt)).toBe(MAX_CONTENT_AGE_MS);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(WEBSITE_CONTENT_VERSION).toBe(pkg.version);
  });

  it("types pages", async () => {
    const { page } = await content.getCondition("acne");
    expectTypeOf(page).toEqualTypeOf<ContentPage>();
    expectTypeOf(page.hasPart).not.toBeNever();
    expectTypeOf(page.name).toEqualTypeOf<string | undefined>();
  });

  it("an empty 200 where a page was expected is an NhsResponseError", async () => {
    server.use(http.get("*/nhs-website-content/conditions/:slug", () => new HttpResponse(null, { status: 200 })));
    const error = await content.getCondition("acne").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsResponseError);
    expect((error as Error).message).toMatch(/getCondition answered 200 with an empty body/);
  });
});

describe("attribution", () => {
  it("links the NHS logo to the original page", async () => {
    const { page } = await content.getCondition("acne");
    const credit = attribution(page);
    expect(credit).toMatchObject({ href: "https://www.nhs.uk/conditions/acne/", logo: NHS_ATTRIBUTION_LOGO });
    expect(credit.html).toBe(
      `<a href="https://www.nhs.uk/conditions/acne/"><img src="${NHS_ATTRIBUTION_LOGO}" alt="Content supplied by the NHS website" width="250" height="49"></a>`,
    );
    expect(attribution({ url: "https://api.service.nhs.uk/nhs-website-content/live-well/" }).href).toBe(
      "https://www.nhs.uk/live-well/",
    );
  });
});

describe("input checks send nothing", () => {
  it.each([
    [{ page: 0 }, /params\.page: must be a page number from 1|page/],
    [{ page: "two" }, /"two" must be a page number from 1/],
    [{ category: "ab" }, /category: "ab" must be one letter from A to Z/],
    [{ orderBy: "name" }, /orderBy: must be dateModified, lastReviewed or nextReview/],
    [{ order: "latest" }, /order: must be newest or oldest/],
    [{ orderBy: "dateModified", startDate: "2024-02-30" }, /"2024-02-30" must be a real date written YYYY-MM-DD/],
    [{ orderBy: "dateModified", startDate: "01/01/2024" }, /startDate: "01\/01\/2024" must be a real date/],
    [
      { orderBy: "dateModified", startDate: "2024-05-01", endDate: "2024-01-01" },
      /startDate: must not be after endDate/,
    ],
    [{ startDate: "2024-01-01" }, /orderBy: startDate and endDate filter on the date orderBy names: give orderBy too/],
    [{ synonyms: "yes" }, /synonyms: must be true or false/],
    [{ genre: "Condition!" }, /genre: "Condition!" must be a genre/],
    [{ letter: "a" }, /unknown parameter "letter"; the conditions listing takes page, category/],
  ])("listConditions %j", async (params, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(content.listConditions(params as any)).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });

  it("the other listings do not take synonyms or genre", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(content.listMedicines({ synonyms: true } as any)).rejects.toThrow(/unknown parameter "synonyms"/);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(content.listSymptoms({ genre: "hub" } as any)).rejects.toThrow(/unknown parameter "genre"/);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(content.getManifestPages({ page: 1, size: 5 } as any)).rejects.toThrow(/the manifest takes page/);
    expect(seen).toHaveLength(0);
  });

  it.each(["Acne", "acne/", "../medicines/x", "acne--x", "", "acne?x=1"])("slug %j", async (slug) => {
    await expect(content.getCondition(slug)).rejects.toThrow(/must be a page name such as acne/);
    await expect(content.getMedicine(slug)).rejects.toThrow(/must be a page name such as acne/);
    expect(seen).toHaveLength(0);
  });

  it.each(["live-well/../conditions", "https://evil.example/x", "live well", ""])("page path %j", async (path) => {
    await expect(content.getPage(path)).rejects.toThrow(/must be a path such as live-well\/exercise/);
    expect(seen).toHaveLength(0);
  });
});
