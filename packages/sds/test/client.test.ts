import { readFileSync } from "node:fs";
import { type AuthStrategy, NhsApiError, NhsValidationError } from "@nhskit/core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  createSdsClient,
  type Device,
  describeDevice,
  type Endpoint,
  interactionIdToken,
  odsCodeToken,
  partyKeyToken,
  SDS_SYSTEMS,
  SDS_VERSION,
} from "../src/index.js";
import { sdsHandlers } from "../src/mocks/index.js";

const REPC = "urn:nhs:names:services:psis:REPC_IN150016UK05";
const server = setupServer(...sdsHandlers());
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

describe("createSdsClient", () => {
  it("sends apikey from the auth strategy, a User-Agent naming the package, and Accept when asked", async () => {
    const auth: AuthStrategy = { kind: "api-key", authorize: ({ headers }) => headers.set("apikey", "k-123") };
    const sds = createSdsClient({ environment: "sandbox", auth, accept: "application/json" });
    await sds.findDevices({ odsCode: "YES", interactionId: REPC });
    const headers = seen[0]!.headers;
    expect(headers.get("apikey")).toBe("k-123");
    expect(headers.get("accept")).toBe("application/json");
    expect(headers.get("user-agent")).toContain(`nhskit-sds/${SDS_VERSION}`);
  });

  it("builds the system|value tokens and repeats identifier", async () => {
    const sds = createSdsClient({ environment: "sandbox" });
    await sds.findDevices({
      odsCode: "YES",
      interactionId: REPC,
      partyKey: "YES-0000806",
      manufacturerOdsCode: "X09001",
    });
    const query = new URL(seen[0]!.url).searchParams;
    expect(query.get("organization")).toBe(`${SDS_SYSTEMS.odsOrganizationCode}|YES`);
    expect(query.getAll("identifier")).toEqual([interactionIdToken(REPC), partyKeyToken("YES-0000806")]);
    expect(query.get("manufacturing-organization")).toBe(odsCodeToken("X09001"));
    expect(new URL(seen[0]!.url).search).toContain("identifier=");
    expect(new URL(seen[0]!.url).search.match(/identifier=/g)).toHaveLength(2);
  });

  it("sends the client's correlation id on every call unless a call gives its own", async () => {
    const id = "0f6a3a8c-2b7e-4d0e-9d7a-3a8c2b7e4d0e";
    const sds = createSdsClient({ environment: "sandbox", correlationId: id });
    const first = await sds.findDevices({ odsCode: "YES", interactionId: REPC });
    const own = "1a2b3c4d-0000-4000-8000-000000000001";
    const second = await sds.findDevices({ odsCode: "YES", interactionId: REPC }, { correlationId: own });
    expect([first.correlationId, second.correlationId]).toEqual([id, own]);
  });

  it("refuses bad options at construction", () => {
    expect(() => createSdsClient({ environment: "sandbox", correlationId: "x" })).toThrow(NhsValidationError);
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createSdsClient({ environment: "sandbox", accept: "application/xml" as any })).toThrow(
      /accept: must be application\/fhir\+json or application\/json/,
    );
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createSdsClient({ environment: "uat" as any })).toThrow(/has no "uat" environment/);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(SDS_VERSION).toBe(pkg.version);
  });
});

describe("input checks send nothing", () => {
  const sds = createSdsClient({ environment: "sandbox" });

  it.each([
    [{ odsCode: "Y E S", interactionId: REPC }, /"Y E S" is not an ODS code/],
    [{ odsCode: "YES", interactionId: "REPC_IN150016UK05" }, /is not an interaction id: it starts with urn:/],
    [{ odsCode: "YES", interactionId: `${REPC}|x` }, /is not an interaction id/],
    [{ odsCode: "YES", interactionId: REPC, partyKey: "YES0000806" }, /"YES0000806" is not a party key/],
    [{ odsCode: "YES", interactionId: REPC, manufacturerOdsCode: "" }, /manufacturerOdsCode: "" is not an ODS code/],
    [{ odsCode: "YES" }, /query.interactionId: must be an interaction id/],
    [{ odsCode: "YES", interactionId: REPC, organization: "YES" }, /unknown field "organization"; findDevices takes/],
  ])("findDevices %j", async (query, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(sds.findDevices(query as any)).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });

  it.each([
    [{}, /give odsCode with interactionId and\/or partyKey, or interactionId with partyKey/],
    [{ interactionId: REPC }, /give odsCode with interactionId/],
    [{ odsCode: "YES", partyKey: "nope" }, /"nope" is not a party key/],
    [{ odsCode: "YES", interactionId: REPC, asid: "1" }, /unknown field "asid"; findEndpoints takes/],
  ])("findEndpoints %j", async (query, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(sds.findEndpoints(query as any)).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });

  it("per-call options are checked too", async () => {
    await expect(sds.findEndpoints({ odsCode: "YES", interactionId: REPC }, { correlationId: "123" })).rejects.toThrow(
      /options.correlationId: "123" is not a UUID/,
    );
    expect(seen).toHaveLength(0);
  });
});

describe("mock options", () => {
  it("requireApiKey answers 401 ACCESS_DENIED without an apikey, like integration", async () => {
    server.use(...sdsHandlers({ requireApiKey: true }));
    const sds = createSdsClient({ environment: "sandbox", retry: false });
    const error = await sds.findDevices({ odsCode: "YES", interactionId: REPC }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsApiError);
    expect([(error as NhsApiError).status, (error as NhsApiError).code]).toEqual([401, "ACCESS_DENIED"]);
    const auth: AuthStrategy = { kind: "api-key", authorize: ({ headers }) => headers.set("apikey", "k") };
    const keyed = createSdsClient({ environment: "sandbox", auth });
    expect((await keyed.findDevices({ odsCode: "YES", interactionId: REPC })).total).toBe(1);
  });

  it("statusApiKey opens /_status", async () => {
    server.use(...sdsHandlers({ statusApiKey: "status-key" }));
    const res = await fetch("https://sandbox.api.service.nhs.uk/spine-directory/FHIR/R4/_status", {
      headers: { apikey: "status-key" },
    });
    expect(res.status).toBe(200);
  });
});

describe("types", () => {
  it("gives typed FHIR resources", async () => {
    const sds = createSdsClient({ environment: "sandbox" });
    const found = await sds.findDevices({ odsCode: "YES", interactionId: REPC });
    expectTypeOf(found.resources).toEqualTypeOf<Device[]>();
    expectTypeOf(found.resources[0]!).not.toBeNever();
    expectTypeOf((await sds.findEndpoints({ odsCode: "YES", interactionId: REPC })).resources).toEqualTypeOf<
      Endpoint[]
    >();
    expect(describeDevice(found.resources[0]!).asid).toBe("928942012545");
    const { data } = await sds.raw.GET("/Device", {
      params: { query: { organization: odsCodeToken("YES"), identifier: [interactionIdToken(REPC)] } },
    });
    expectTypeOf(data.entry).not.toBeNever();
  });
});
