import { readFileSync } from "node:fs";
import { NhsNumberError, NhsValidationError } from "@nhskit/core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  buildAlert,
  createScrClient,
  SCR_ALERT_REASONS,
  SCR_ALERT_TYPES,
  SCR_VERSION,
  type ScrBundle,
  type ScrIdBundle,
} from "../src/index.js";
import { scrHandlers } from "../src/mocks/index.js";
import { gpSummary } from "./support/facts.js";

// Created before msw starts listening, as a module-level client in an app would be.
const early = createScrClient({ environment: "sandbox", sessionUrid: "555254240100" });

const server = setupServer(...scrHandlers());
const seen: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

const SCR_ID = "FA60BE64-1F34-11EB-A2A8-000C29A364EB";
const alert = {
  nhsNumber: "9000000009",
  odsCode: "Y12345",
  sdsUserId: "G8133438",
  type: SCR_ALERT_TYPES.SELF_CLAIMED_LR,
  reason: SCR_ALERT_REASONS.SELF_CLAIM_EMERGENCY,
  asid: "200000001234",
  scrId: SCR_ID,
};

describe("createScrClient", () => {
  it("sends the role id, FHIR JSON and a User-Agent naming the package (even when created before msw)", async () => {
    await early.getScrId("9000000009");
    await early.uploadScr(gpSummary());
    const [get, upload] = seen;
    expect(get!.headers.get("nhsd-session-urid")).toBe("555254240100");
    expect(get!.headers.get("user-agent")).toContain(`nhskit-scr/${SCR_VERSION}`);
    expect(get!.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const query = new URL(get!.url).searchParams;
    expect([query.get("patient"), query.get("type"), query.get("_sort"), query.get("_count")]).toEqual([
      "https://fhir.nhs.uk/Id/nhs-number|9000000009",
      "http://snomed.info/sct|196981000000101",
      "date",
      "1",
    ]);
    expect(upload!.headers.get("content-type")).toBe("application/fhir+json");
    expect(upload!.headers.get("nhsd-session-urid")).toBe("555254240100");
  });

  it("sends no role id to GET /Bundle, which does not take one", async () => {
    await early.getScr("9000000009", SCR_ID);
    expect(seen[0]!.headers.get("nhsd-session-urid")).toBeNull();
  });

  it("lets a call use another role id, checked", async () => {
    const client = createScrClient({ environment: "sandbox" });
    await client.sendAlert(alert, { sessionUrid: "555021935107" });
    expect(seen[0]!.headers.get("nhsd-session-urid")).toBe("555021935107");
    await expect(client.sendAlert(alert, { sessionUrid: "role-1" })).rejects.toThrow(
      /options\.sessionUrid: "role-1" must be the user's role id/,
    );
    expect(seen).toHaveLength(1);
  });

  it("builds the $setPermission Parameters", async () => {
    const client = createScrClient({
      environment: "sandbox",
      sessionUrid: "1",
      headers: { Authorization: "Bearer x" },
    });
    await client.setPermission("9000000009", "Ask");
    expect(await seen[0]!.json()).toEqual({
      resourceType: "Parameters",
      parameter: [
        {
          name: "setPermissions",
          part: [
            { name: "nhsNumber", valueString: "9000000009" },
            {
              name: "permissionCode",
              valueCoding: { system: "https://fhir.nhs.uk/CodeSystem/SCR-ACSPermission", code: "Ask" },
            },
          ],
        },
      ],
    });
  });

  it("refuses bad options at construction", () => {
    expect(() => createScrClient({ environment: "sandbox", sessionUrid: "abc" })).toThrow(
      /sessionUrid: "abc" must be the user's role id/,
    );
    expect(() => createScrClient({ environment: "sandbox", headers: { "X-Correlation-ID": "c-1" } })).toThrow(
      /headers\.X-Correlation-ID: must be a UUID/,
    );
    expect(() => createScrClient({ environment: "prod" })).toThrow(/prod/);
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createScrClient(null as any)).toThrow(NhsValidationError);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(SCR_VERSION).toBe(pkg.version);
  });
});

describe("input checks send nothing", () => {
  const client = createScrClient({ environment: "sandbox", sessionUrid: "555254240100" });

  it.each(["getScrId", "getLatestScr"] as const)("%s with a bad NHS number", async (method) => {
    await expect(client[method]("900000000")).rejects.toThrow(NhsNumberError);
    expect(seen).toHaveLength(0);
  });

  it.each([
    [{}, /bundle\.resourceType: must be "Bundle"/],
    [{ resourceType: "Bundle", entry: [] }, /must include the Composition.*must include the Patient/],
    [
      { ...gpSummary("9000000008"), resourceType: "Bundle" },
      /bundle\.entry\[1\]\.resource\.identifier: needs the patient's NHS number/,
    ],
  ])("upload %#", async (bundle, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(client.uploadScr(bundle as any)).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });

  it.each([
    [{ reason: SCR_ALERT_REASONS.EMERGENCY }, /reason 5 is not permitted with alert type 1 \(allowed: 1, 2, 3, 4, 6\)/],
    [{ type: "3" }, /alert\.type: must be SCR_ALERT_TYPES/],
    [{ asid: "123" }, /alert\.asid: must be your 12-digit ASID/],
    [{ scrId: "latest" }, /alert\.scrId: "latest" must be a UUID/],
    [{ nhsNumber: "9000000008" }, /alert\.nhsNumber: "9000000008" fails the NHS number check digit/],
  ])("alert %j", async (change, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(client.sendAlert({ ...alert, ...change } as any)).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });
});

describe("buildAlert", () => {
  it("makes the AuditEvent SCR expects", () => {
    const event = buildAlert({ ...alert, userRole: "General Practitioner", description: "Unconscious patient" });
    expect(event.subtype).toEqual([
      { system: "https://fhir.nhs.uk/CodeSystem/SCR-AlertReason", code: "4", display: "Self-Claim Emergency Access" },
    ]);
    expect(event.agent.map((a) => a.who.identifier.system)).toEqual([
      "https://fhir.nhs.uk/Id/nhs-number",
      "https://fhir.nhs.uk/Id/ods-organization-code",
      "https://fhir.nhs.uk/Id/sds-user-id",
    ]);
    expect(event.agent[2]?.role).toEqual([{ text: "General Practitioner" }]);
    expect(event.entity[0]?.what.identifier.value).toBe(SCR_ID);
    expect(event.outcomeDesc).toBe("Unconscious patient");
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("types", () => {
  it("gives typed FHIR Bundles", async () => {
    const client = createScrClient({ environment: "sandbox" });
    const found = await client.getScrId("9000000009");
    expectTypeOf(found.bundle).toEqualTypeOf<ScrIdBundle>();
    const record = await client.getScr("9000000009", SCR_ID);
    expectTypeOf(record.bundle).toEqualTypeOf<ScrBundle>();
    const { data } = await client.raw.GET("/Bundle", {
      params: {
        query: {
          "composition.identifier": SCR_ID,
          "composition.subject:Patient.identifier": "https://fhir.nhs.uk/Id/nhs-number|9000000009",
        },
      },
    });
    expectTypeOf(data).not.toBeNever();
    expectTypeOf(data.entry).not.toBeNever();
  });
});
