import { readFileSync } from "node:fs";
import { NhsNumberError, NhsValidationError } from "@nhskit/core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  createNhsAppClient,
  type InAppMessageRequest,
  inAppMessage,
  isPushQuietHours,
  markdownWarnings,
  NHS_APP_VERSION,
  type PatientReportRow,
  parseLinkHeader,
  parseReceipt,
  parseReply,
  pushNotification,
  type ReceiptTask,
} from "../src/index.js";
import { nhsAppHandlers, sampleReceipt, sampleReply } from "../src/mocks/index.js";

const server = setupServer(...nhsAppHandlers());
const seen: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

// Without a token endpoint the mocks accept any bearer token.
const app = createNhsAppClient({ environment: "int", headers: { Authorization: "Bearer AnyTokenWillDo" } });

describe("builders", () => {
  it("build an in-app message with a free-text reply", () => {
    expect(
      inAppMessage({
        nhsNumber: "9487416153",
        odsCode: "B82041",
        body: "How are you?",
        reply: { type: "free-text", id: "answer" },
        requestReference: "ref-1",
      }),
    ).toEqual({
      resourceType: "CommunicationRequest",
      identifier: [{ system: "https://fhir.nhs.uk/NHSApp/request-id", value: "ref-1" }],
      status: "active",
      payload: [{ contentString: "How are you?" }],
      recipient: [
        { type: "Patient", identifier: { system: "https://fhir.nhs.uk/Id/nhs-number", value: "9487416153" } },
      ],
      requester: {
        type: "Organization",
        identifier: { system: "https://fhir.nhs.uk/Id/ods-organization-code", value: "B82041" },
      },
      contained: [
        { resourceType: "Questionnaire", id: "answer", status: "active", item: [{ linkId: "1", type: "text" }] },
      ],
      extension: [{ url: "https://fhir.nhs.uk/NHSApp/answers", valueReference: { reference: "#answer" } }],
    });
  });

  it.each([
    [{ nhsNumber: "948741615", odsCode: "B82041", body: "x" }, /"948741615" must be 10 digits/],
    [{ nhsNumber: "9487416153", odsCode: "b82041", body: "x" }, /odsCode: "b82041" must be an ODS code of upper-case/],
    [{ nhsNumber: "9487416153", odsCode: "B82041", body: "a".repeat(5001) }, /body: must be at most 5000 characters/],
    [{ nhsNumber: "9487416153", odsCode: "B82041", body: "<b>hi</b>" }, /body: must not contain HTML tags/],
    [
      { nhsNumber: "9487416153", odsCode: "B82041", body: "x", campaignId: "c".repeat(129) },
      /campaignId: must be at most 128/,
    ],
    [
      { nhsNumber: "9487416153", odsCode: "B82041", body: "x", reply: { type: "keyword", options: [] } },
      /at least one keyword/,
    ],
    [
      { nhsNumber: "9487416153", odsCode: "B82041", body: "x", reply: { type: "keyword", options: ["A", "A"] } },
      /must not repeat/,
    ],
    [{ nhsNumber: "9487416153", odsCode: "B82041", body: "x", reply: { type: "poll" } }, /must be \{ type: "keyword"/],
    [{ nhsNumber: "9487416153", odsCode: "B82041", body: "x", subject: "Hi" }, /unknown field "subject"/],
  ])("refuse bad in-app input %#", (input, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    expect(() => inAppMessage(input as any)).toThrow(message);
  });

  it("refuse bad notifications", () => {
    expect(() => pushNotification({ nhsNumber: "9487416153", text: "See https://example.org" })).toThrow(
      /text: must not contain links/,
    );
    expect(() => pushNotification({ nhsNumber: "9487416153", text: "Hi", url: "https://example.org/page" })).toThrow(
      /must be an https page within the NHS App/,
    );
    expect(() => pushNotification({ nhsNumber: "1234567890", text: "Hi" })).toThrow(NhsNumberError);
    expect(pushNotification({ nhsNumber: "9487416153", text: "Hi" }).payload).toEqual([
      { contentReference: { display: "Hi" } },
    ]);
  });

  it("flag Markdown outside the NHS App's subset", () => {
    expect(markdownWarnings("## Title\n\n**Bold** and [a link](https://www.nhs.uk)\n* one\n1. two")).toEqual([]);
    expect(markdownWarnings("# Big\n#### Small\n*italic* _too_\n> quote\n- dash\n| a | b |\n```\n~~gone~~")).toEqual([
      "line 1: a level-1 heading (# ): only ## and ### headings are in the subset",
      "line 2: a heading below level 3: only ## and ### headings are in the subset",
      "line 3: italics (*text*): only **bold** emphasis is in the subset",
      "line 3: italics (_text_): only **bold** emphasis is in the subset",
      "line 4: a block quote: not in the subset",
      "line 5: a list item marked with - or +: the subset's bulleted lists use *",
      "line 6: a table row: tables are not in the subset",
      "line 7: a code block: not in the subset",
      "line 8: strikethrough: not in the subset",
    ]);
  });

  it("know the push quiet hours in UK time, summer and winter", () => {
    expect(isPushQuietHours(new Date("2030-01-15T21:59:00Z"))).toBe(false);
    expect(isPushQuietHours(new Date("2030-01-15T22:00:00Z"))).toBe(true);
    expect(isPushQuietHours(new Date("2030-07-15T21:30:00Z"))).toBe(true); // 22:30 BST
    expect(isPushQuietHours(new Date("2030-07-15T05:00:00Z"))).toBe(false); // 06:00 BST
  });
});

describe("client", () => {
  it("posts in-app messages as JSON and notifications as FHIR JSON, naming the package", async () => {
    await app.sendInAppMessage({ nhsNumber: "9487416153", odsCode: "B82041", body: "Hi" });
    await app.sendPushNotification({ nhsNumber: "9487416153", text: "Hi" });
    expect(seen.map((r) => r.headers.get("content-type"))).toEqual(["application/json", "application/fhir+json"]);
    expect(seen[0]?.headers.get("user-agent")).toContain(`nhskit-nhs-app/${NHS_APP_VERSION}`);
    expect(seen[0]?.headers.get("authorization")).toBe("Bearer AnyTokenWillDo");
  });

  it("sends report queries by their wire names", async () => {
    await app.getPatientReport("T00001", { page: 2 });
    await app.getReceiptReport("2021-01-02", { page: 2 });
    expect(seen.map((r) => new URL(r.url).search)).toEqual([
      "?ods-organisation-code=T00001&page=2",
      "?day=2021-01-02&page=2",
    ]);
  });

  it("refuses bad input before sending", async () => {
    const cases: Array<[Promise<unknown>, RegExp]> = [
      [app.getReceiptReport("2021-02-29"), /"2021-02-29" is not a real day/],
      [app.getReceiptReport("2021-01-01", { page: 1.5 }), /page: must be a whole number/],
      [app.getPatientReport("ZZZ"), /"ZZZ" is not a GP practice ODS code/],
      // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
      [app.sendInAppMessage(undefined as any), /message: is required/],
      [
        app.sendInAppMessage({
          ...inAppMessage({ nhsNumber: "9487416153", odsCode: "B82041", body: "x" }),
          status: "draft",
        }),
        /status: must be "active"/,
      ],
    ];
    for (const [promise, message] of cases) await expect(promise).rejects.toThrow(message);
    expect(() => app.allReceipts("not-a-day")).toThrow(NhsValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe("callback payloads", () => {
  it("parse receipts, including the optional fields", () => {
    const receipt = parseReceipt(sampleReceipt("Rejected", { communicationId: "abc", requestReference: "r-1" }));
    expect(receipt).toMatchObject({
      communicationId: "abc",
      event: "Rejected",
      rejected: true,
      reason: "NHS number not found",
      requestReference: "r-1",
      campaignId: undefined,
    });
    expect(() => parseReceipt({ resourceType: "Task" })).toThrow(/code.coding: must hold one of/);
    expect(() => parseReceipt("nope")).toThrow(/body: must be a FHIR Task object/);
  });

  it("parse replies in both shapes the NHS App documents", () => {
    const keyword = parseReply(sampleReply({ type: "keyword", code: "SMOKE" }, { communicationId: "id-1" }));
    expect([keyword.answer, keyword.communicationId, keyword.odsCode]).toEqual([
      { type: "keyword", code: "SMOKE" },
      "id-1",
      "B82041",
    ]);
    // The published free-text example puts the text straight in `answer` and pads the id with a space.
    const example = sampleReply({ type: "free-text", text: "x" }, { communicationId: " padded-id" });
    (example.contained[0]!.item[0] as { answer: unknown }).answer = "Feeling better";
    const freeText = parseReply(example);
    expect([freeText.answer, freeText.communicationId]).toEqual([
      { type: "free-text", text: "Feeling better" },
      "padded-id",
    ]);
    expect(() => parseReply({ resourceType: "CommunicationRequest" })).toThrow(/basedOn: must include/);
  });

  it("read Link headers", () => {
    expect(
      parseLinkHeader('<https://a.example/r?page=2>; rel="next", <https://a.example/r?page=7>; rel="last"'),
    ).toEqual({ next: "https://a.example/r?page=2", last: "https://a.example/r?page=7" });
    expect(parseLinkHeader(null)).toEqual({});
  });
});

describe("package", () => {
  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(NHS_APP_VERSION).toBe(pkg.version);
  });

  it("types the FHIR bodies", () => {
    expectTypeOf<InAppMessageRequest["recipient"]>().not.toBeNever();
    expectTypeOf<InAppMessageRequest["resourceType"]>().toEqualTypeOf<string>();
    expectTypeOf<ReceiptTask["code"]["coding"][number]["code"]>().toEqualTypeOf<
      "Delivered" | "Rejected" | "NotificationAttempted" | "Notified" | "Unnotified" | "Read"
    >();
    expectTypeOf<PatientReportRow["notificationsEnabled"]>().toEqualTypeOf<boolean | undefined>();
  });
});
