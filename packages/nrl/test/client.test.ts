import { readFileSync } from "node:fs";
import { NhsNumberError, NhsValidationError } from "@nhskit/core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  buildPointer,
  createNrlConsumerClient,
  createNrlProducerClient,
  type DocumentReference,
  NRL_POINTER_TYPES,
  NRL_VERSION,
  type NrlWriteOutcome,
  type OperationOutcome,
  type PointerInput,
  type ProducerDocumentReference,
} from "../src/index.js";
import { nrlHandlers } from "../src/mocks/index.js";

const server = setupServer(...nrlHandlers());
const seen: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

const consumer = createNrlConsumerClient({ environment: "sandbox", endUserOrganisationOds: "Y05868" });
const producer = createNrlProducerClient({ environment: "sandbox", endUserOrganisationOds: "Y05868" });

const input: PointerInput = {
  nhsNumber: "9449305552",
  type: NRL_POINTER_TYPES.NEWS2_CHART,
  custodian: "Y05868",
  url: "ssp://nhskit-test.example/news2.pdf",
  contentType: "application/pdf",
  asid: "200000009999",
  practiceSetting: { code: "394802001", display: "General medicine" },
};

describe("the clients", () => {
  it("send the ODS header, a request id and a User-Agent naming the package", async () => {
    await consumer.readPointer("Y05868-DEMO_2001");
    const headers = seen[0]!.headers;
    expect(headers.get("nhsd-end-user-organisation-ods")).toBe("Y05868");
    expect(headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get("user-agent")).toContain(`nhskit-nrl/${NRL_VERSION}`);
  });

  it("act for another organisation on one call when asked", async () => {
    const { pointer } = await consumer.readPointer("RJ11-DEMO_1001", { endUserOrganisationOds: "RJ11" });
    expect(pointer.id).toBe("RJ11-DEMO_1001");
    expect(seen[0]!.headers.get("nhsd-end-user-organisation-ods")).toBe("RJ11");
    await expect(consumer.readPointer("RJ11-DEMO_1001", { endUserOrganisationOds: "R J11" })).rejects.toThrow(
      /options\.endUserOrganisationOds: "R J11" must be an ODS code/,
    );
    expect(seen).toHaveLength(1);
  });

  it("search in the body by default and in the query string on request", async () => {
    await consumer.searchPointers({ nhsNumber: "9278693472", type: NRL_POINTER_TYPES.NEWS2_CHART });
    expect(seen[0]!.method).toBe("POST");
    expect(new URL(seen[0]!.url).search).toBe("");
    expect(await seen[0]!.json()).toEqual({
      "subject:identifier": "https://fhir.nhs.uk/Id/nhs-number|9278693472",
      type: "http://snomed.info/sct|1363501000000100",
    });
    await consumer.searchPointersByQuery({
      nhsNumber: "9278693472",
      type: [NRL_POINTER_TYPES.NEWS2_CHART, NRL_POINTER_TYPES.EMERGENCY_HEALTH_CARE_PLAN],
    });
    const url = new URL(seen[1]!.url);
    expect(url.searchParams.get("subject:identifier")).toBe("https://fhir.nhs.uk/Id/nhs-number|9278693472");
    expect(url.searchParams.get("type")).toBe(
      "http://snomed.info/sct|1363501000000100,http://snomed.info/sct|887701000000100",
    );
  });

  it("count with _summary=count and get no entries", async () => {
    const { total, bundle } = await consumer.countPointers({ nhsNumber: "9278693472" });
    expect(total).toBe(4);
    expect(bundle.entry).toBeUndefined();
    expect(bundle.link?.[0]?.url).toMatch(/&_summary=count$/);
    expect((await seen[0]!.json())._summary).toBe("count");
  });

  it("refuse bad options at construction", () => {
    expect(() => createNrlConsumerClient({ environment: "sandbox", endUserOrganisationOds: "Y0-5868" })).toThrow(
      /endUserOrganisationOds: "Y0-5868" must be an ODS code/,
    );
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createNrlProducerClient(undefined as any)).toThrow(NhsValidationError);
    expect(() =>
      // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
      createNrlConsumerClient({ environment: "dep" as any, endUserOrganisationOds: "RJ11" }),
    ).toThrow(/has no "dep" environment/);
  });

  it("keep their version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(NRL_VERSION).toBe(pkg.version);
  });
});

describe("input checks send nothing", () => {
  it.each([
    [
      { nhsNumber: "9278693472", colour: "blue" },
      /unknown search parameter "colour"; NRL consumer search takes nhsNumber/,
    ],
    [{ nhsNumber: "9278693472", type: "mental health" }, /params\.type.*must be a SNOMED CT code/],
    [{ nhsNumber: "9278693472", type: [] }, /params\.type/],
    [{ nhsNumber: "9278693472", category: "http://snomed.info/sct|734163000" }, /params\.category/],
    [{ nhsNumber: "9278693472", custodian: "not an ods" }, /params\.custodian: "not an ods" must be an ODS code/],
  ])("consumer search %j", async (params, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(consumer.searchPointers(params as any)).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });

  it("producer search has no custodian filter", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(producer.searchPointers({ nhsNumber: "9278693472", custodian: "Y05868" } as any)).rejects.toThrow(
      /unknown search parameter "custodian"; NRL producer search takes nhsNumber, type, category/,
    );
    await expect(producer.searchPointersByQuery({ nhsNumber: "1234567890" })).rejects.toThrow(NhsNumberError);
    expect(seen).toHaveLength(0);
  });

  it.each(["readPointer", "deletePointer"] as const)("producer %s refuses ids that are not yours", async (method) => {
    await expect(producer[method]("RJ11-DEMO_1001")).rejects.toThrow(/belongs to another organisation/);
    await expect(producer[method]("no-ods-dash")).rejects.toThrow(/must be a pointer id/);
    expect(seen).toHaveLength(0);
  });

  it("create checks the pointer: patient, custodian, type and supersede targets", async () => {
    const pointer = buildPointer(input);
    const bad = {
      ...pointer,
      subject: { identifier: { system: "https://fhir.nhs.uk/Id/nhs-number", value: "9449305553" } },
      type: { coding: [{ system: "http://snomed.info/sct", code: "NEWS2", display: "x" }] },
    } as ProducerDocumentReference;
    const error = await producer.createPointer(bad).catch((e: unknown) => e as NhsValidationError);
    expect(error).toBeInstanceOf(NhsValidationError);
    expect((error as NhsValidationError).issues.map((i) => i.path)).toEqual([
      "pointer.subject.identifier.value",
      "pointer.type.coding[0].code",
    ]);
    await expect(producer.supersedePointers(pointer, [])).rejects.toThrow(/replaces: must name at least one/);
    await expect(producer.supersedePointers(pointer, "RJ11-DEMO_1001")).rejects.toThrow(
      /relatesTo\[0\]\.target\.identifier\.value: "RJ11-DEMO_1001" is not one of your pointers/,
    );
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    await expect(producer.createPointer("pointer" as any)).rejects.toThrow(/pointer: must be a DocumentReference/);
    expect(seen).toHaveLength(0);
  });

  it("buildPointer says what is missing", () => {
    expect(() => buildPointer({ ...input, asid: undefined })).toThrow(
      /input\.asid: is required when url is an ssp:\/\//,
    );
    expect(() => buildPointer({ ...input, type: "123456789" })).toThrow(/input\.typeDisplay: is required/);
    expect(() => buildPointer({ ...input, url: "ftp://x" })).toThrow(/must be an ssp:\/\/ or https:\/\/ URL/);
    expect(() => buildPointer({ ...input, type: "123456789", typeDisplay: "New", category: "999999999" })).toThrow(
      /input\.categoryDisplay: is required/,
    );
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => buildPointer({ ...input, colour: "red" } as any)).toThrow(/unexpected "colour"/);
  });

  it("buildPointer fills in codings NRL expects", () => {
    const pointer = buildPointer({ ...input, retrieval: "SSP", description: "d" });
    expect(pointer.category[0]?.coding[0]).toEqual({
      system: "http://snomed.info/sct",
      code: "1102421000000108",
      display: "Observations",
    });
    expect(pointer.custodian.identifier.value).toBe("Y05868");
    expect(pointer.author[0]?.identifier.value).toBe("Y05868");
    expect(pointer.content[0]?.extension).toHaveLength(2);
    expect(pointer.context.related?.[0]?.identifier?.value).toBe("200000009999");
  });
});

describe("mock state", () => {
  it("is kept per handler set: a new set starts from the seed", async () => {
    const { id } = await producer.createPointer(buildPointer(input));
    expect((await consumer.readPointer(id)).pointer.id).toBe(id);
    server.resetHandlers(...nrlHandlers());
    await expect(consumer.readPointer(id)).rejects.toThrow(/404/);
    server.resetHandlers(...nrlHandlers());
  });
});

describe("types", () => {
  it("gives typed FHIR resources and outcomes", async () => {
    const read = await consumer.readPointer("Y05868-DEMO_2001");
    expectTypeOf(read.pointer).toEqualTypeOf<DocumentReference>();
    expectTypeOf(read.pointer).not.toBeNever();
    // Created after msw started listening: raw calls do not get the named methods' workaround (see README).
    const fresh = createNrlConsumerClient({ environment: "sandbox", endUserOrganisationOds: "Y05868" });
    const { data } = await fresh.raw.GET("/DocumentReference/{id}", {
      params: { path: { id: "Y05868-DEMO_2001" }, header: { "NHSD-End-User-Organisation-ODS": "Y05868" } },
    });
    expectTypeOf(data).not.toBeNever();
    expectTypeOf(data.custodian.identifier.value).toEqualTypeOf<string>();
    expectTypeOf<NrlWriteOutcome>().toEqualTypeOf<OperationOutcome>();
    expectTypeOf(producer.deletePointer).returns.resolves.toHaveProperty("outcome").toEqualTypeOf<OperationOutcome>();
  });
});
