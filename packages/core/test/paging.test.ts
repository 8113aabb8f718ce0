import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NhsApiError, NhsValidationError, paginate } from "../src/index.js";
import { testClient } from "./support/client.js";

const BASE = "https://sandbox.example.test/personal-demographics/FHIR/R4";
const mock = setupServer();
let calls: string[] = [];
beforeAll(() => mock.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  mock.resetHandlers();
  calls = [];
});
afterAll(() => mock.close());

const page = (n: number, next?: string) => ({
  resourceType: "Bundle",
  type: "searchset",
  total: 5,
  link: [{ relation: "self", url: `${BASE}/Patient?page=${n}` }, ...(next ? [{ relation: "next", url: next }] : [])],
  entry: [0, 1].map((i) => ({ resource: { resourceType: "Patient", id: `p${n}-${i}` } })).slice(0, n === 3 ? 1 : 2),
});

function threePages() {
  mock.use(
    http.get(`${BASE}/Patient`, ({ request }) => {
      calls.push(request.url);
      const n = Number(new URL(request.url).searchParams.get("page") ?? "1");
      return HttpResponse.json(page(n, n < 3 ? `${BASE}/Patient?family=Smith&page=${n + 1}` : undefined));
    }),
  );
}

describe("paginate", () => {
  it("iterates every entry across pages, following next links lazily", async () => {
    threePages();
    const client = testClient(BASE);
    const pages = paginate(client, () => client.GET("/Patient", { params: { query: { family: "Smith" } } }));
    expect(calls).toHaveLength(0); // nothing is sent before iteration
    const ids: string[] = [];
    for await (const entry of pages) ids.push(entry.resource.id);
    expect(ids).toEqual(["p1-0", "p1-1", "p2-0", "p2-1", "p3-0"]);
    expect(calls).toHaveLength(3);
  });

  it("byPage() yields whole Bundles and can stop early", async () => {
    threePages();
    const client = testClient(BASE);
    const first = await client.GET("/Patient", { params: { query: { family: "Smith" } } });
    const totals: number[] = [];
    for await (const bundle of paginate(client, first.data).byPage()) {
      totals.push(bundle.entry?.length ?? 0);
      if (totals.length === 2) break;
    }
    expect(totals).toEqual([2, 2]);
    expect(calls).toHaveLength(2);
  });

  it("never follows a next link to another origin", async () => {
    const client = testClient(BASE);
    const evil = page(1, "https://elsewhere.example/steal?page=2");
    const iterate = async () => {
      for await (const _ of paginate(client, evil as never)) {
        /* drain */
      }
    };
    await expect(iterate()).rejects.toThrow(NhsValidationError);
    await expect(iterate()).rejects.toThrow(/only follows links on the API's own origin/);
  });

  it("stops on a next link that loops back", async () => {
    mock.use(http.get(`${BASE}/Patient`, () => HttpResponse.json(page(1, `${BASE}/Patient?page=1`))));
    const client = testClient(BASE);
    let pages = 0;
    for await (const _ of paginate(client, () => client.GET("/Patient")).byPage()) pages += 1;
    expect(pages).toBe(2);
  });

  it("surfaces a failing page as NhsApiError", async () => {
    mock.use(
      http.get(`${BASE}/Patient`, ({ request }) =>
        new URL(request.url).searchParams.get("page") === "2"
          ? HttpResponse.json(
              { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "exception" }] },
              { status: 500 },
            )
          : HttpResponse.json(page(1, `${BASE}/Patient?page=2`)),
      ),
    );
    const client = testClient(BASE);
    const run = async () => {
      for await (const _ of paginate(client, () => client.GET("/Patient"))) {
        /* drain */
      }
    };
    await expect(run()).rejects.toBeInstanceOf(NhsApiError);
  });
});

describe("paginate headers", () => {
  it("sends the given headers on every next-page request", async () => {
    const seen: Array<string | null> = [];
    mock.use(
      http.get(`${BASE}/Patient`, ({ request }) => {
        seen.push(request.headers.get("nhsd-ers-business-function"));
        const n = Number(new URL(request.url).searchParams.get("page") ?? "1");
        return HttpResponse.json(page(n, n < 2 ? `${BASE}/Patient?page=2` : undefined));
      }),
    );
    const client = testClient(BASE);
    const first = await client.GET("/Patient");
    for await (const _ of paginate(client, first.data, {
      headers: { "NHSD-eRS-Business-Function": "REFERRING_CLINICIAN" },
    })) {
      /* drain */
    }
    expect(seen).toEqual([null, "REFERRING_CLINICIAN"]);
  });
});
