import { readFileSync } from "node:fs";
import { NhsApiError } from "@nhskit/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  createResearchDataCatalogueClient,
  type Dataset,
  type DatasetSummary,
  RESEARCH_DATA_CATALOGUE_VERSION,
} from "../src/index.js";
import { CIVIL_REGISTRATION_DEATHS_ID, researchDataCatalogueHandlers } from "../src/mocks/index.js";

const server = setupServer(...researchDataCatalogueHandlers());
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

const catalogue = createResearchDataCatalogueClient({ environment: "sandbox", retry: false });

describe("createResearchDataCatalogueClient", () => {
  it("sends a User-Agent naming the package and a request id", async () => {
    await catalogue.listDatasets();
    expect(seen[0]!.headers.get("user-agent")).toContain(
      `nhskit-research-data-catalogue/${RESEARCH_DATA_CATALOGUE_VERSION}`,
    );
    expect(seen[0]!.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(RESEARCH_DATA_CATALOGUE_VERSION).toBe(pkg.version);
  });

  it("types HDR UK metadata", async () => {
    const { dataset } = await catalogue.getDataset(CIVIL_REGISTRATION_DEATHS_ID);
    expectTypeOf(dataset).toEqualTypeOf<Dataset>();
    expectTypeOf(dataset.summary.publisher.name).toEqualTypeOf<string>();
    expectTypeOf(dataset.provenance).not.toBeNever();
    const { datasets, body } = await catalogue.listDatasets();
    expectTypeOf(datasets[0]!).toEqualTypeOf<DatasetSummary>();
    expectTypeOf(body.total).toEqualTypeOf<string>();
  });

  it("a 200 carrying an OperationOutcome is an NhsApiError", async () => {
    server.use(
      http.get("*/health-research-data-catalogue/datasets", () =>
        HttpResponse.json({
          resourceType: "OperationOutcome",
          issue: [{ severity: "error", code: "processing", diagnostics: "catalogue unavailable" }],
        }),
      ),
    );
    const error = (await catalogue.listDatasets().catch((e: unknown) => e)) as NhsApiError;
    expect(error).toBeInstanceOf(NhsApiError);
    expect([error.status, error.code, error.diagnostics]).toEqual([400, "processing", "catalogue unavailable"]);
    expect(error.hint).toMatch(/answered HTTP 200 with an error in the body/);
  });

  it("a non-numeric total falls back to the number of items", async () => {
    server.use(
      http.get("*/health-research-data-catalogue/datasets", () => HttpResponse.json({ total: "", items: [] })),
    );
    expect((await catalogue.listDatasets()).total).toBe(0);
  });
});

describe("input checks send nothing", () => {
  it.each(["", "a/b", "../datasets", "id with space", "x?y", "-leading-hyphen", "a".repeat(129)])(
    "id %j",
    async (id) => {
      await expect(catalogue.getDataset(id)).rejects.toThrow(/must be a data set's persistent id/);
      expect(seen).toHaveLength(0);
    },
  );
});
