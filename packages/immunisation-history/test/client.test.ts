import { readFileSync } from "node:fs";
import { NhsNumberError, NhsValidationError } from "@nhskit/core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  createImmunisationHistoryClient,
  IMMUNISATION_HISTORY_VERSION,
  type ImmunisationPatient,
  type ImmunisationSearch,
  type Immunization,
} from "../src/index.js";
import { immunisationHistoryHandlers } from "../src/mocks/index.js";

const server = setupServer(...immunisationHistoryHandlers());
const seen: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

describe("createImmunisationHistoryClient", () => {
  it("builds the query from typed inputs and names the package in the User-Agent", async () => {
    const history = createImmunisationHistoryClient({ environment: "sandbox", apiVersion: "2.0" });
    await history.searchImmunisations({ nhsNumber: "9000000009", target: "HPV", from: "2020-01-01", to: "2020-12-31" });
    const request = seen[0]!;
    const query = new URL(request.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      "patient.identifier": "https://fhir.nhs.uk/Id/nhs-number|9000000009",
      "immunization.target": "HPV",
      "date.from": "2020-01-01",
      "date.to": "2020-12-31",
      _include: "Immunization:patient",
    });
    expect(request.headers.get("accept")).toBe("application/fhir+json; version=2.0");
    expect(request.headers.get("user-agent")).toContain(`nhskit-immunisation-history/${IMMUNISATION_HISTORY_VERSION}`);
    expect(request.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends no Accept version unless asked", async () => {
    const history = createImmunisationHistoryClient({ environment: "sandbox" });
    await history.searchImmunisations({ nhsNumber: "9000000009", procedureCode: "90640007" });
    expect(seen[0]!.headers.get("accept") ?? "").not.toContain("version=");
    expect(new URL(seen[0]!.url).searchParams.get("procedure-code:below")).toBe("90640007");
  });

  it("refuses a bad apiVersion or environment at construction", () => {
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createImmunisationHistoryClient({ environment: "sandbox", apiVersion: "2" as any })).toThrow(
      /apiVersion: "2" is not a version the API offers; use "1\.0" or "2\.0"/,
    );
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createImmunisationHistoryClient({ environment: "dep" as any })).toThrow(/has no "dep" environment/);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(IMMUNISATION_HISTORY_VERSION).toBe(pkg.version);
  });
});

describe("input checks send nothing", () => {
  const history = createImmunisationHistoryClient({ environment: "sandbox" });

  it.each([
    [undefined, /params: must be an object/],
    [{ nhsNumber: "9000000009", target: "covid19" }, /"covid19" is not one of COVID19, HPV, FLU/],
    [{ nhsNumber: "9000000009", procedureCode: "9064" }, /"9064" must be a SNOMED CT code/],
    [{ nhsNumber: "9000000009", target: "HPV", from: "2020-1-1" }, /params\.from: "2020-1-1" must be a date/],
    [{ nhsNumber: "9000000009", target: "HPV", to: new Date("nope") }, /params\.to: must be/],
    [{ nhsNumber: "9000000009", target: "HPV", from: 20200101 }, /params\.from: must be a date/],
    [{ nhsNumber: "9000000009", target: "HPV", colour: "blue" }, /unknown search parameter "colour"/],
  ])("%j", async (params, message) => {
    await expect(history.searchImmunisations(params as unknown as ImmunisationSearch)).rejects.toThrow(message);
    await expect(history.searchImmunisations(params as unknown as ImmunisationSearch)).rejects.toThrow(
      NhsValidationError,
    );
    expect(seen).toHaveLength(0);
  });

  it.each(["943476591", "9434765918", "943 476 5919"])("NHS number %s", async (nhsNumber) => {
    await expect(history.searchImmunisations({ nhsNumber, target: "FLU" })).rejects.toThrow(NhsNumberError);
    expect(seen).toHaveLength(0);
  });

  it("a bad correlation id header value", async () => {
    await expect(
      history.searchImmunisations({ nhsNumber: "9000000009", target: "FLU" }, { correlationId: "a\nb" }),
    ).rejects.toThrow(/line break/);
    expect(seen).toHaveLength(0);
  });
});

describe("types", () => {
  it("gives typed FHIR resources, not never", async () => {
    const history = createImmunisationHistoryClient({ environment: "sandbox" });
    const result = await history.searchImmunisations({ nhsNumber: "9000000009", target: "HPV" });
    expectTypeOf(result.immunisations).toEqualTypeOf<Immunization[]>();
    expectTypeOf(result.patient).toEqualTypeOf<ImmunisationPatient | undefined>();
    expectTypeOf(result.immunisations[0]!.status).toEqualTypeOf<"completed" | "not-done" | "entered-in-error">();
    expect(result.immunisations[2]?.status).toBe("not-done");
    const { data } = await history.raw.GET("/Immunization", {
      params: { query: { "patient.identifier": "x|9000000009", "immunization.target": "HPV", _include: "x" } },
    });
    expectTypeOf(data).not.toBeNever();
    expectTypeOf(data.total).toEqualTypeOf<number>();
  });
});
