import { NhsApiError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ContentPage,
  createWebsiteContentClient,
  type ListingResult,
  type WebsiteContentClient,
} from "../../src/index.js";
import { SANDBOX_RESPONSE_NOT_FOUND } from "../../src/mocks/index.js";
import { type Target, testApiKey } from "./targets.js";

/** The error a call throws (fails the test if it does not throw). */
async function failure(promise: Promise<unknown>): Promise<NhsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(NhsApiError);
  return error as NhsApiError;
}

const names = (r: ListingResult) => r.links.map((l) => l.name);
const texts = (page: ContentPage) => JSON.stringify(page);

/**
 * Every numbered fact in the Website Content sandbox-facts file, driven through @nhskit/website-content where
 * the client can send the request, and through plain fetch where it cannot or rightly refuses.
 */
export function websiteContentSandboxFacts(name: string, start: () => Promise<Target>) {
  describe(`Website Content sandbox facts (${name})`, () => {
    let target: Target;
    let content: WebsiteContentClient;
    const get = (path: string, init?: RequestInit) => fetch(`${target.baseUrl}${path}`, init);
    const fakeNotFound = async (promise: Promise<unknown>) => {
      const error = await failure(promise);
      expect([error.status, error.diagnostics]).toEqual([404, SANDBOX_RESPONSE_NOT_FOUND.message]);
      return error;
    };

    beforeAll(async () => {
      target = await start();
      content = createWebsiteContentClient({ baseUrl: target.baseUrl, retry: false });
    });
    afterAll(() => target.close());

    describe("general", () => {
      it("1: open access: no apikey is needed", async () => {
        expect((await get("/conditions/")).status).toBe(200);
        expect((await content.getHealthAToZ()).page.name).toBe("Health A to Z");
      });

      it("2: every HTTP method gets the same answer", async () => {
        for (const method of ["POST", "PUT", "DELETE"]) {
          const res = await get("/live-well/", { method });
          expect(res.status).toBe(200);
          expect((await res.json()).name).toBe("Live well");
        }
      });

      it("3: the root and unknown paths are a real 404 Resource not found", async () => {
        for (const path of ["/", "", "/no-such-section/"]) {
          const res = await get(path);
          expect([res.status, await res.json()]).toEqual([404, { statusCode: 404, message: "Resource not found" }]);
        }
        const error = await failure(content.getPage("no-such-section"));
        expect([error.status, error.diagnostics]).toEqual([404, "Resource not found"]);
      });

      it("4: /_ping answers pass; /_status needs the platform status key (else 401, empty text)", async () => {
        const ping = await get("/_ping");
        expect(await ping.json()).toMatchObject({ status: "pass", ping: "pong" });
        const denied = await get("/_status");
        expect([denied.status, denied.headers.get("content-type"), await denied.text()]).toEqual([
          401,
          "text/plain",
          "",
        ]);
        expect((await get("/_status", { headers: { apikey: "nhskit-status-key" } })).status).toBe(200);
      });

      it("5: an unsupported query value is HTTP 200 with a statusCode 404 body; the client throws NhsApiError", async () => {
        const res = await get("/conditions/?category=c");
        expect([res.status, await res.json()]).toEqual([200, SANDBOX_RESPONSE_NOT_FOUND]);
        const error = await fakeNotFound(content.listConditions({ category: "c" }));
        expect(error.hint).toMatch(/HTTP 200 but its body reports 404/);
        expect(error.operation).toBe("listConditions");
      });

      it("6: the sandbox never answers the Azure 'missing subscription key' 401", async () => {
        const res = await get("/conditions/acne/");
        expect(res.status).toBe(200);
        expect(await res.text()).not.toMatch(/subscription key/i);
      });
    });

    describe("listings", () => {
      it("7: the manifest has no-parameter, page 1 and page 2 answers; other pages are not canned", async () => {
        const first = await content.getManifestPages();
        expect([first.total, first.nextPage, first.pages[0]?.name]).toEqual([4985, 2, "Health A to Z"]);
        expect((await content.getManifestPages({ page: 1 })).pages[1]?.name).toBe("Acanthosis nigricans");
        const second = await content.getManifestPages({ page: "2" });
        expect(second.nextPage).toBe(3);
        await fakeNotFound(content.getManifestPages({ page: 3 }));
        const walked: string[] = [];
        for await (const entry of content.manifest({ maxPages: 2 })) walked.push(entry.name);
        expect(walked).toHaveLength(50);
        // Walking on runs into page 3, which the sandbox does not have.
        await fakeNotFound(
          (async () => {
            for await (const _ of content.manifest({ maxPages: 3 })) void _;
          })(),
        );
      });

      it("8: conditions: none, category a/b/z (any case), a with genre condition or hub, pages 1, 2 and 29", async () => {
        const plain = await content.listConditions();
        expect(plain.paging).toEqual({ first: 1, previous: undefined, next: 2, last: 29 });
        expect(names(await content.listConditions({ category: "a" }))).toContain("Acne");
        expect(names(await content.listConditions({ category: "A" }))).toContain("Acne");
        expect(names(await content.listConditions({ category: "b" }))).toContain("Bronchitis");
        expect(names(await content.listConditions({ category: "z" }))).toEqual(["Zika virus"]);
        expect(names(await content.listConditions({ category: "a", genre: "condition" }))).toContain("Achalasia");
        expect(names(await content.listConditions({ category: "a", genre: "hub" }))).toEqual([
          "Allergies",
          "Arthritis",
        ]);
        expect((await content.listConditions({ page: 2 })).paging).toMatchObject({ previous: 1, next: 3 });
        expect((await content.listConditions({ page: 29 })).paging).toMatchObject({ next: undefined, last: 29 });
        await fakeNotFound(content.listConditions({ page: 3 }));
        await fakeNotFound(content.listConditions({ category: "b", genre: "hub" }));
      });

      it("9: medicines: none, category a/b/z, pages 1 and 11", async () => {
        expect((await content.listMedicines()).paging.last).toBe(11);
        expect(names(await content.listMedicines({ category: "a" }))).toContain("Acrivastine");
        expect(names(await content.listMedicines({ category: "z" }))).toEqual(["Zopiclone"]);
        expect(names(await content.listMedicines({ category: "b" }))).toContain("Baclofen");
        expect((await content.listMedicines({ page: 11 })).paging.next).toBeUndefined();
        await fakeNotFound(content.listMedicines({ page: 2 }));
      });

      it("10: symptoms: none, category a/b, pages 1 and 6", async () => {
        expect((await content.listSymptoms()).paging.last).toBe(6);
        expect(names(await content.listSymptoms({ category: "b" }))).toContain("Back pain");
        expect((await content.listSymptoms({ page: 6 })).links).toHaveLength(1);
        await fakeNotFound(content.listSymptoms({ category: "z" }));
      });

      it("11: tests and treatments: none, category a/b, pages 1 and 7", async () => {
        expect((await content.listTestsAndTreatments()).paging.last).toBe(7);
        expect(names(await content.listTestsAndTreatments({ category: "a" }))).toContain("Amniocentesis");
        expect((await content.listTestsAndTreatments({ page: 7 })).paging.next).toBeUndefined();
        await fakeNotFound(content.listTestsAndTreatments({ page: 6 }));
      });

      it("12: category is read before page, and wins", async () => {
        const both = await content.listConditions({ category: "b", page: 29 });
        expect(names(both)).toContain("Bronchitis");
        expect((await content.listConditions({ category: "b", page: 99 })).links).toEqual(both.links);
      });

      it("13: orderBy, order, startDate, endDate and synonyms are ignored by the sandbox", async () => {
        const plain = await content.listConditions();
        const ordered = await content.listConditions({
          orderBy: "lastReviewed",
          order: "newest",
          startDate: "2020-01-01",
          endDate: "2021-01-01",
          synonyms: true,
        });
        expect(ordered.links).toEqual(plain.links);
      });
    });

    describe("content pages", () => {
      it("14: the named condition slugs answer 200", async () => {
        for (const slug of ["acanthosis-nigricans", "achalasia", "acne", "angiography", "cancer", "zika"]) {
          expect((await content.getCondition(slug)).page["@type"]).toBe("MedicalWebPage");
        }
      });

      it("15: acne with modules=true is the modular page; false or absent the full page; other values an empty 200", async () => {
        const full = await content.getCondition("acne");
        const modular = await content.getCondition("acne", { modules: true });
        expect(full.page.mainEntityOfPage?.length).toBeGreaterThan(0);
        expect(modular.page.mainEntityOfPage).toBeUndefined();
        expect(modular.page.hasPart?.every((p) => p.hasHealthAspect?.startsWith("http://schema.org/"))).toBe(true);
        expect((await content.getCondition("acne", { modules: false })).page).toEqual(full.page);
        const res = await get("/conditions/acne/?modules=yes");
        expect([res.status, await res.text()]).toEqual([200, ""]);
        const before = target.requests().length;
        // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
        await expect(content.getCondition("acne", { modules: "yes" as any })).rejects.toThrow(NhsValidationError);
        expect(target.requests().length).toBe(before);
      });

      it("16: medicine pages: aciclovir, acrivastine (also modular) and zopiclone", async () => {
        for (const slug of ["aciclovir", "acrivastine", "zopiclone"]) {
          expect((await content.getMedicine(slug)).page.genre).toEqual(["Medicine"]);
        }
        expect((await content.getMedicine("acrivastine", { modules: true })).page.mainEntityOfPage).toBeUndefined();
      });

      it("17: any other slug is answered with acne (conditions) or acrivastine (medicines)", async () => {
        expect((await content.getCondition("chickenpox")).page.name).toBe("Acne");
        expect((await content.getCondition("zika")).page.name).toBe("Acne");
        expect((await content.getMedicine("paracetamol")).page.name).toBe("Acrivastine");
        expect((await content.getMedicine("zopiclone")).page.name).toBe("Acrivastine");
      });

      it("18: the hubs and their canned sub-pages", async () => {
        const hubs: Array<[keyof WebsiteContentClient, string, string[]]> = [
          ["getLiveWell", "live-well", ["alcohol-advice/alcohol-support", "exercise", "healthy-weight"]],
          ["getMentalHealth", "mental-health", ["conditions", "feelings-symptoms-behaviours"]],
          [
            "getNhsServices",
            "nhs-services",
            ["gps", "gps/how-to-register-with-a-gp-surgery", "prescriptions-and-pharmacies"],
          ],
          ["getPregnancy", "pregnancy", ["finding-out/finding-out-you-are-pregnant", "trying-for-a-baby"]],
          ["getContraception", "contraception", ["methods-of-contraception/combined-pill/what-is-it"]],
          ["getVaccinations", "vaccinations", ["6-in-1-vaccine", "travel-vaccinations/available-travel-vaccines"]],
          ["getWomensHealth", "womens-health", ["periods", "anaemia"]],
          ["getBaby", "baby", ["first-aid-and-safety", "caring-for-a-newborn"]],
          ["getSocialCareAndSupport", "social-care-and-support", ["money-work-and-benefits"]],
        ];
        for (const [method, hub, subs] of hubs) {
          const { page } = await (content[method] as () => Promise<{ page: ContentPage }>)();
          expect(page.url).toBe(`https://api.service.nhs.uk/nhs-website-content/${hub}/`);
          for (const sub of subs)
            expect((await content.getPage(`${hub}/${sub}`)).page.url).toContain(`/${hub}/${sub}/`);
        }
        expect((await content.getHealthAToZ()).page.url).toContain("/health-a-to-z/");
        expect((await content.getConditionsCommonTopics()).page.url).toContain("/health-a-to-z/conditions/");
        expect(
          (
            await content.getPage(
              "/mental-health/advice-for-life-situations-and-events/support-for-workplace-bullying/",
            )
          ).page.name,
        ).toBe("Support for workplace bullying");
      });

      it("19: unlisted sub-pages under a hub are a real 404", async () => {
        const error = await failure(content.getPage("live-well/sleep-and-tiredness"));
        expect([error.status, error.diagnostics]).toEqual([404, "Resource not found"]);
      });

      it("20: routes answer with or without the trailing slash", async () => {
        for (const path of ["/live-well/exercise/", "/live-well/exercise", "/conditions/", "/conditions"]) {
          expect((await get(path)).status).toBe(200);
        }
      });
    });

    describe("response shapes", () => {
      it("21: pages are schema.org JSON-LD", async () => {
        const { page } = await content.getCondition("acne");
        expect(page).toMatchObject({ "@context": "http://schema.org", "@type": "MedicalWebPage", name: "Acne" });
        for (const key of [
          "description",
          "url",
          "about",
          "author",
          "breadcrumb",
          "genre",
          "hasPart",
          "mainEntityOfPage",
          "relatedLink",
          "keywords",
          "dateModified",
          "lastReviewed",
          "license",
          "copyrightHolder",
          "contentSubTypes",
          "webpage",
        ]) {
          expect(page, key).toHaveProperty(key);
        }
        expect(page.author).toMatchObject({ name: "NHS website", logo: expect.stringContaining("nhs-attribution") });
      });

      it("22: the manifest is {pagination: {first, last, self, next, count}, results}", async () => {
        const { pagination, pages } = await content.getManifestPages();
        expect(Object.keys(pagination).sort()).toEqual(["count", "first", "last", "next", "self"]);
        expect(pages[0]).toMatchObject({ id: 19055, dateNextReview: null, description: null, modules: false });
        expect(pages[1]).toMatchObject({ modules: true, type: "ConditionsPage" });
      });

      it("23: links name the API host, webpage the www.nhs.uk page; HTML links are absolute, without data-block-key", async () => {
        const { page } = await content.getCondition("acne");
        expect(page.url).toBe("https://api.service.nhs.uk/nhs-website-content/conditions/acne/");
        expect(page.webpage).toBe("https://www.nhs.uk/conditions/acne/");
        expect(texts(page)).toContain('href=\\"https://www.nhs.uk/conditions/acne/\\"');
        expect(texts(page)).not.toMatch(/href=\\"\//);
        expect(texts(page)).not.toContain("data-block-key");
      });

      it("24: int and prod check the apikey; a missing or wrong key is a 401 (body not to be relied on)", async () => {
        const KEY = "nhskit-test-key-24";
        await target.withOptions({ apiKey: KEY }, async (baseUrl) => {
          const anonymous = createWebsiteContentClient({ baseUrl, retry: false });
          const error = await failure(anonymous.getCondition("acne"));
          expect(error.status).toBe(401);
          const wrong = createWebsiteContentClient({ baseUrl, retry: false, auth: testApiKey("not-the-key") });
          expect((await failure(wrong.listMedicines())).status).toBe(401);
          const keyed = createWebsiteContentClient({ baseUrl, retry: false, auth: testApiKey(KEY) });
          expect((await keyed.getCondition("acne")).page.name).toBe("Acne");
        });
      });
    });
  });
}
