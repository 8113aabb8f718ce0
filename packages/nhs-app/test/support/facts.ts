import { type SignedJwtStrategy, signedJwt } from "@nhskit/auth";
import { demoApp } from "@nhskit/auth/mocks";
import { nhsApp } from "@nhskit/catalogue";
import { NhsApiError, NhsNumberError, NhsValidationError } from "@nhskit/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createNhsAppClient,
  inAppMessage,
  type NhsAppClient,
  pushDeliveryTime,
  type Receipt,
  type Reply,
  SYSTEMS,
} from "../../src/index.js";
import { NOT_A_USER, sampleReceipt, sampleReply, TEST_NHS_NUMBER, TEST_ODS_CODE } from "../../src/mocks/index.js";
import type { Target } from "./targets.js";

const IN_APP = "/communication/in-app/FHIR/R4/CommunicationRequest";
const NOTIFICATION = "/communication/notification/FHIR/R4/CommunicationRequest";
const PATIENTS = "/communication/report/patients";
const RECEIPTS = "/communication/report/receipts/FHIR/R4/Task";
const NOT_A_USER_NHS_NUMBER = "9990000131";

/** The error a call throws (fails the test if it does not throw). */
export async function failure<E = NhsApiError>(promise: Promise<unknown>, type: unknown = NhsApiError): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(type as never);
  return error as E;
}

/** A message the API accepts. */
export const goodMessage = () =>
  inAppMessage({ nhsNumber: TEST_NHS_NUMBER, odsCode: TEST_ODS_CODE, body: "Your **test** results are ready." });

/**
 * Every numbered fact in the NHS App test-environment facts file (there is no hosted sandbox), through
 * @nhskit/nhs-app where the client can send the request, and plain fetch where it rightly refuses.
 */
export function nhsAppFacts(name: string, start: () => Promise<Target>) {
  describe(`NHS App facts (${name})`, () => {
    let target: Target;
    let auth: SignedJwtStrategy;
    let app: NhsAppClient;
    const send = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${target.baseUrl}${path}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Bearer ${await auth.getAccessToken()}`,
          ...headers,
        },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    const get = async (pathAndQuery: string, headers: Record<string, string> = {}) =>
      fetch(`${target.baseUrl}${pathAndQuery}`, {
        headers: { Authorization: `Bearer ${await auth.getAccessToken()}`, ...headers },
      });
    /** [status, [code, diagnostics, expression]...] of an OperationOutcome answer. */
    const issuesOf = async (res: Response) => {
      const body = await res.json();
      expect(body.resourceType).toBe("OperationOutcome");
      expect(body.issue.length).toBeGreaterThan(0);
      return [
        res.status,
        ...body.issue.map((i: { code: string; diagnostics: string; expression?: string[] }) => [
          i.code,
          i.diagnostics,
          i.expression?.[0],
        ]),
      ];
    };

    beforeAll(async () => {
      target = await start();
      auth = signedJwt({
        apiKey: demoApp.apiKey,
        privateKey: demoApp.privateKeyPem,
        kid: demoApp.kid,
        tokenUrl: target.tokenUrl,
        now: target.clock.now,
      });
      app = createNhsAppClient({ baseUrl: target.baseUrl, auth, retry: false });
    });
    afterEach(() => target.reset());
    afterAll(() => target.close());

    describe("environment", () => {
      it("1: there is no hosted sandbox", () => {
        expect(nhsApp.hostedSandbox).toBe(false);
        // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
        expect(() => createNhsAppClient({ environment: "sandbox" as any })).toThrow(/has no "sandbox" environment/);
      });

      it("2: development and integration both need a signed-JWT token", async () => {
        expect(createNhsAppClient({ environment: "dep" }).baseUrl).toBe("https://dep.api.service.nhs.uk/nhs-app-dep");
        expect(createNhsAppClient({ environment: "int" }).baseUrl).toBe("https://int.api.service.nhs.uk/nhs-app");
        const dev = createNhsAppClient({ baseUrl: `${target.origin}/nhs-app-dep`, auth, retry: false });
        expect((await dev.getPatientReport("A12345")).items).toHaveLength(3);
        const anonymous = createNhsAppClient({ baseUrl: `${target.origin}/nhs-app-dep`, retry: false });
        expect((await failure(anonymous.getPatientReport("A12345"))).status).toBe(401);
      });

      it("3: the test NHS number and practice work", async () => {
        const sent = await app.sendInAppMessage({ nhsNumber: "9487416153", odsCode: "B82041", body: "Hello" });
        expect(sent.communicationId).toMatch(/^[0-9a-f-]{36}$/);
        const report = await app.getPatientReport("B82041");
        expect(report.items.map((r) => r.nhsNumber)).toContain("9487416153");
      });

      it("4: every error is an OperationOutcome with at least one issue", async () => {
        for (const res of [
          await fetch(`${target.baseUrl}${PATIENTS}?ods-organisation-code=A12345`),
          await get(`${PATIENTS}?ods-organisation-code=C12345`),
          await get(`${RECEIPTS}`),
          await send(IN_APP, "{"),
        ]) {
          expect(res.headers.get("content-type")).toBe("application/fhir+json");
          expect((await issuesOf(res)).length).toBeGreaterThan(1);
        }
        const error = await failure(app.getReceiptReport("2001-01-01"));
        expect(error.issues.length).toBeGreaterThan(0);
      });

      it("5: X-Correlation-ID is echoed when sent, absent when not", async () => {
        const withId = await get(`${PATIENTS}?ods-organisation-code=A12345`, { "X-Correlation-ID": "corr-42" });
        expect(withId.headers.get("x-correlation-id")).toBe("corr-42");
        const without = await get(`${PATIENTS}?ods-organisation-code=A12345`);
        expect(without.headers.has("x-correlation-id")).toBe(false);
        const viaClient = await app.getPatientReport("A12345", { correlationId: "corr-43" });
        expect(viaClient.items).toHaveLength(3);
      });
    });

    describe("CommunicationRequest POST", () => {
      it("6: 201 with the communication id added and a Location", async () => {
        const message = await app.sendInAppMessage(goodMessage());
        expect(message.communicationRequest.identifier?.[0]).toEqual({
          system: "https://fhir.nhs.uk/Id/nhs-app-communication-id",
          value: message.communicationId,
        });
        expect(message.location).toBe(`${target.baseUrl}${IN_APP}/${message.communicationId}`);
        const push = await app.sendPushNotification({
          nhsNumber: TEST_NHS_NUMBER,
          text: "You have a new message.",
          url: "https://www.nhsapp.service.nhs.uk/patient/messages/app-messaging",
          campaignId: "flu-2024",
        });
        expect(push.location).toBe(`${target.baseUrl}${NOTIFICATION}/${push.communicationId}`);
        expect(push.communicationRequest.identifier?.map((i) => i.system)).toEqual([
          SYSTEMS.communicationId,
          SYSTEMS.campaignId,
        ]);
        // Either kind of payload is accepted at either endpoint.
        const referenceInApp = { ...goodMessage(), payload: [{ contentReference: { display: "Hi" } }] };
        expect((await send(IN_APP, referenceInApp)).status).toBe(201);
      });

      it("7: a missing or invalid token is 401 forbidden; an expired one 401 expired", async () => {
        const none = await fetch(`${target.baseUrl}${IN_APP}`, { method: "POST", body: JSON.stringify(goodMessage()) });
        expect(await issuesOf(none)).toEqual([401, ["forbidden", "Invalid Access Token", undefined]]);
        const bogus = createNhsAppClient({ baseUrl: target.baseUrl, headers: { Authorization: "Bearer NotAToken" } });
        const refused = await failure(bogus.sendInAppMessage(goodMessage()));
        expect([refused.status, refused.code, refused.diagnostics]).toEqual([401, "forbidden", "Invalid Access Token"]);
        const token = await auth.getAccessToken();
        expect((await send(IN_APP, goodMessage())).status).toBe(201);
        target.clock.advance(11 * 60_000);
        const stale = await fetch(`${target.baseUrl}${IN_APP}`, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}` },
          body: JSON.stringify(goodMessage()),
        });
        expect(await issuesOf(stale)).toEqual([401, ["expired", "Access Token expired", undefined]]);
        // signedJwt notices the token is old and gets a new one: the client carries on.
        expect((await app.sendInAppMessage(goodMessage())).communicationId).toBeTruthy();
      });

      it("8: a body that is not JSON is 400 invalid", async () => {
        const [status, [code, diagnostics]] = (await issuesOf(await send(IN_APP, "{not json"))) as [
          number,
          [string, string],
        ];
        expect([status, code]).toEqual([400, "invalid"]);
        expect(diagnostics).toContain("Invalid Json encountered.");
      });

      it("9: an unknown or missing resourceType is 400", async () => {
        const before = target.received();
        await expect(app.sendInAppMessage({ ...goodMessage(), resourceType: "UnknownType" })).rejects.toThrow(
          /resourceType: must be "CommunicationRequest"/,
        );
        expect(target.received()).toBe(before);
        const unknown = await issuesOf(await send(IN_APP, { ...goodMessage(), resourceType: "UnknownType" }));
        expect((unknown[1] as string[])[1]).toContain("Cannot locate type information for type 'UnknownType'");
        const { resourceType: _dropped, ...untyped } = goodMessage();
        const missing = await issuesOf(await send(NOTIFICATION, untyped));
        expect((missing[1] as string[])[1]).toContain("Root object has no type indication (resourceType)");
      });

      it("10: a requester with the wrong identifier system is 400", async () => {
        const message = goodMessage();
        const wrong = { ...message, requester: { identifier: { system: "https://example.org/ods", value: "B82041" } } };
        await expect(app.sendInAppMessage(wrong)).rejects.toThrow(/requester.identifier.system/);
        expect(await issuesOf(await send(IN_APP, wrong))).toEqual([
          400,
          ["invalid", "Identifier system is invalid", "requester.identifier.system"],
        ]);
      });

      it("11: recipients and lengths are checked, every problem reported", async () => {
        const before = target.received();
        await expect(
          app.sendInAppMessage({ nhsNumber: "9487416150", odsCode: TEST_ODS_CODE, body: "Hello" }),
        ).rejects.toThrow(NhsNumberError);
        const prebuilt = goodMessage();
        prebuilt.recipient = [{ identifier: { system: SYSTEMS.nhsNumber, value: "9487416150" } }];
        await expect(app.sendInAppMessage(prebuilt)).rejects.toThrow(/recipient\[0\].identifier.value/);
        await expect(app.sendPushNotification({ nhsNumber: "9487416153", text: "x".repeat(201) })).rejects.toThrow(
          /text: must be at most 200 characters/,
        );
        expect(target.received()).toBe(before);
        const message = goodMessage();
        const badNumber = {
          ...message,
          recipient: [{ identifier: { system: SYSTEMS.nhsNumber, value: "9487416150" } }],
        };
        expect(await issuesOf(await send(IN_APP, badNumber))).toEqual([
          400,
          ["invalid", "NHS Number is invalid", "recipient[0].identifier.value"],
        ]);
        expect(await issuesOf(await send(IN_APP, { ...message, recipient: [] }))).toEqual([
          400,
          ["invalid", "Not specified", "recipient"],
        ]);
        const two = { ...message, recipient: [...message.recipient, ...message.recipient] };
        expect(await issuesOf(await send(IN_APP, two))).toEqual([
          400,
          ["invalid", "Exceeds maximum length", "recipient"],
        ]);
        const long = { ...message, payload: [{ contentString: "a".repeat(5001) }] };
        expect(await issuesOf(await send(IN_APP, long))).toEqual([
          400,
          ["invalid", "Exceeds maximum length", "payload[0].contentString"],
        ]);
        const several = {
          ...message,
          identifier: [
            { system: SYSTEMS.campaignId, value: "one" },
            { system: SYSTEMS.campaignId, value: "two" },
            { system: SYSTEMS.requestReference, value: "r".repeat(129) },
          ],
          recipient: [],
        };
        expect(await issuesOf(await send(IN_APP, several))).toEqual([
          400,
          ["invalid", "Multiple Campaign IDs specified", "identifier"],
          ["invalid", "Exceeds maximum length", "identifier[2].value"],
          ["invalid", "Not specified", "recipient"],
        ]);
      });

      it("12: keyword and free-text replies; bad Questionnaires are 400", async () => {
        const keyword = await app.sendInAppMessage({
          ...{ nhsNumber: TEST_NHS_NUMBER, odsCode: TEST_ODS_CODE },
          body: "Can you attend on Monday? Reply YES or NO.",
          reply: { type: "keyword", options: ["YES", "NO"] },
        });
        expect(keyword.communicationRequest.contained?.[0]?.item?.[0]?.answerOption).toHaveLength(2);
        const freeText = await app.sendInAppMessage({
          nhsNumber: TEST_NHS_NUMBER,
          odsCode: TEST_ODS_CODE,
          body: "How are you feeling?",
          reply: { type: "free-text" },
        });
        expect(freeText.communicationRequest.extension?.[0]?.valueReference?.reference).toBe("#reply");
        const base = inAppMessage({
          nhsNumber: TEST_NHS_NUMBER,
          odsCode: TEST_ODS_CODE,
          body: "Reply",
          reply: { type: "keyword", options: ["A"] },
        });
        const badUrl = {
          ...base,
          extension: [{ url: "https://example.org/answers", valueReference: { reference: "#reply" } }],
        };
        expect(((await issuesOf(await send(IN_APP, badUrl)))[1] as string[])[1]).toContain("url is invalid");
        const notQuestionnaire = { ...base, contained: [{ ...base.contained?.[0], resourceType: "Patient" }] };
        expect(await issuesOf(await send(IN_APP, notQuestionnaire))).toEqual([
          400,
          ["invalid", "contained should contain one resource of type Questionnaire", "contained[0].type"],
        ]);
        const question = base.contained?.[0];
        const badType = { ...base, contained: [{ ...question, item: [{ linkId: "1", type: "date" }] }] };
        expect(await issuesOf(await send(IN_APP, badType))).toEqual([
          400,
          ["invalid", "[0].item.type should be text or choice", "contained"],
        ]);
        const seven = Array.from({ length: 7 }, (_, i) => ({ valueCoding: { code: `K${i}` } }));
        const tooMany = {
          ...base,
          contained: [{ ...question, item: [{ linkId: "1", type: "choice", answerOption: seven }] }],
        };
        expect(await issuesOf(await send(IN_APP, tooMany))).toEqual([
          400,
          ["invalid", "Exceeds maximum length", "contained[0].item[0].answerOptions"],
        ]);
        expect(() =>
          inAppMessage({
            nhsNumber: TEST_NHS_NUMBER,
            odsCode: TEST_ODS_CODE,
            body: "x",
            reply: { type: "keyword", options: ["1", "2", "3", "4", "5", "6", "7"] },
          }),
        ).toThrow(/must offer at most 6 keywords/);
      });

      it("13: an app without the channel permission is 403 security", async () => {
        target.use({ permissions: [] });
        const inApp = await failure(app.sendInAppMessage(goodMessage()));
        expect([inApp.status, inApp.code]).toEqual([403, "security"]);
        expect(inApp.diagnostics).toMatch(
          /^Supplier with ID [0-9a-f-]{36} does not have channel App Message permission$/,
        );
        const push = await failure(app.sendPushNotification({ nhsNumber: TEST_NHS_NUMBER, text: "Hello" }));
        expect(push.diagnostics).toMatch(/does not have channel Push Notification permission$/);
        target.reset();
        target.use({ permissionsByApp: { [demoApp.apiKey]: ["push-notification"] } });
        expect((await failure(app.sendInAppMessage(goodMessage()))).status).toBe(403);
        expect(
          (await app.sendPushNotification({ nhsNumber: TEST_NHS_NUMBER, text: "Hello" })).communicationId,
        ).toBeTruthy();
      });

      it("14: rate limiting is 429 throttled with one of three messages", async () => {
        target.use({ quotaPerMinute: 2, appName: "demo-app" });
        await app.sendPushNotification({ nhsNumber: TEST_NHS_NUMBER, text: "One" });
        await app.sendPushNotification({ nhsNumber: TEST_NHS_NUMBER, text: "Two" });
        const quota = await failure(app.sendPushNotification({ nhsNumber: TEST_NHS_NUMBER, text: "Three" }));
        expect([quota.status, quota.code, quota.diagnostics]).toEqual([
          429,
          "throttled",
          "Your application, demo-app, has exceeded its quota of 2 requests every 1 minute(s) and is being rate limited.",
        ]);
        target.reset();
        target.use({ throttle: "spike", appName: "demo-app" });
        expect((await failure(app.getPatientReport("A12345", { retry: false } as never))).diagnostics).toBe(
          "Your application, demo-app, has created a spike in traffic and is being rate limited. Please reduce the frequency of your requests.",
        );
        target.reset();
        target.use({ throttle: "proxy" });
        expect((await failure(app.sendInAppMessage(goodMessage()))).diagnostics).toBe(
          "This API is currently receiving a high volume of requests and is being rate limited.",
        );
      });

      it("15: push notifications wait for 06:00 UK time; only NHS App users get anything", async () => {
        target.use({ stateful: true });
        target.clock.set(Date.parse("2030-01-15T23:10:00Z")); // 23:10 in London (GMT)
        const night = await app.sendInAppMessage(goodMessage());
        const stranger = await app.sendPushNotification({ nhsNumber: NOT_A_USER_NHS_NUMBER, text: "Hello" });
        const sameDay = (await app.getReceiptReport("2030-01-15")).items;
        expect(sameDay.map((t) => [t.identifier?.at(-1)?.value, t.code.coding[0]?.code, t.status])).toEqual([
          [night.communicationId, "Delivered", "completed"],
          [stranger.communicationId, "Rejected", "rejected"],
        ]);
        expect(sameDay[1]?.statusReason).toEqual({ text: NOT_A_USER });
        const morning = (await app.getReceiptReport("2030-01-16")).items;
        expect(morning.map((t) => [t.code.coding[0]?.code, t.lastModified.slice(0, 16)])).toEqual([
          ["NotificationAttempted", "2030-01-16T06:00"],
          ["Notified", "2030-01-16T06:00"],
        ]);
        expect(pushDeliveryTime(new Date("2030-01-15T23:10:00Z")).toISOString()).toBe("2030-01-16T06:00:00.000Z");
        expect(pushDeliveryTime(new Date("2030-07-01T03:00:00Z")).toISOString()).toBe("2030-07-01T05:00:00.000Z");
      });
    });

    describe("patient report", () => {
      it("16: A12345 has one page, B12345 two, C12345 none", async () => {
        expect((await app.getPatientReport("A12345")).lastPage).toBe(1);
        const b = await app.getPatientReport("B12345");
        expect([b.page, b.nextPage, b.lastPage]).toEqual([1, 2, 2]);
        const all: string[] = [];
        for await (const row of app.allPatients("T00001")) all.push(row.nhsNumber as string);
        expect(all).toHaveLength(5);
        const missing = await failure(app.getPatientReport("C12345"));
        expect([missing.status, missing.code, missing.diagnostics]).toEqual([404, "not-found", "Report not found"]);
      });

      it("17: the Link header names last, and next when there is more", async () => {
        const single = await get(`${PATIENTS}?ods-organisation-code=A12345`);
        expect(single.headers.get("link")).toBe(
          `<${target.baseUrl}${PATIENTS}?ods-organisation-code=A12345&page=1>; rel="last"`,
        );
        const multi = await get(`${PATIENTS}?ods-organisation-code=B12345`);
        expect(multi.headers.get("link")).toBe(
          `<${target.baseUrl}${PATIENTS}?ods-organisation-code=B12345&page=2>; rel="next", <${target.baseUrl}${PATIENTS}?ods-organisation-code=B12345&page=2>; rel="last"`,
        );
        const second = await app.getPatientReport("B12345", { page: 2 });
        expect([second.nextPage, second.lastPage, second.items.length]).toEqual([undefined, 2, 1]);
      });

      it("18: a bad, blank or repeated ODS code is 400", async () => {
        const before = target.received();
        await expect(app.getPatientReport("B8204")).rejects.toThrow(/"B8204" is not a GP practice ODS code/);
        await expect(app.getPatientReport("")).rejects.toThrow(NhsValidationError);
        expect(target.received()).toBe(before);
        for (const code of ["B8204", "", "12345A"]) {
          expect(await issuesOf(await get(`${PATIENTS}?ods-organisation-code=${code}`))).toEqual([
            400,
            ["invalid", "Invalid format", "ods-organisation-code"],
          ]);
        }
        expect(
          await issuesOf(await get(`${PATIENTS}?ods-organisation-code=A12345&ods-organisation-code=B12345`)),
        ).toEqual([400, ["invalid", "A single value is expected", "ods-organisation-code"]]);
        expect((await app.getPatientReport("a12345")).items).toHaveLength(3); // not case sensitive
      });

      it("19: page must be a whole number from 1, given once", async () => {
        for (const page of ["A", "-1", "0", "2147483648", ""]) {
          expect(await issuesOf(await get(`${PATIENTS}?ods-organisation-code=A12345&page=${page}`))).toEqual([
            400,
            ["invalid", "Invalid format", "page"],
          ]);
        }
        expect(await issuesOf(await get(`${PATIENTS}?ods-organisation-code=A12345&page=1&page=2`))).toEqual([
          400,
          ["invalid", "A single value is expected", "page"],
        ]);
        await expect(app.getPatientReport("A12345", { page: 0 })).rejects.toThrow(/page: must be a whole number/);
      });

      it("20: without patient-report permission it is 403", async () => {
        target.use({ permissions: ["app-message", "push-notification", "receipts-report"] });
        const error = await failure(app.getPatientReport("A12345"));
        expect([error.status, error.diagnostics]).toEqual([
          403,
          expect.stringMatching(/^Supplier with ID .+ does not have patient report access permission$/),
        ]);
      });

      it("21: rows are { nhsNumber, notificationsEnabled }", async () => {
        const res = await get(`${PATIENTS}?ods-organisation-code=A12345`);
        const body = await res.json();
        expect(Array.isArray(body)).toBe(true);
        expect(Object.keys(body[0]).sort()).toEqual(["nhsNumber", "notificationsEnabled"]);
        expect((await app.getPatientReport("A12345")).items[1]).toEqual({
          nhsNumber: "9990000026",
          notificationsEnabled: false,
        });
      });
    });

    describe("receipt report", () => {
      it("22: a day with no report is 404", async () => {
        const error = await failure(app.getReceiptReport("2001-01-01"));
        expect([error.status, error.code, error.diagnostics]).toEqual([404, "not-found", "Report not found"]);
      });

      it("23: day must be a real YYYY-MM-DD, given once", async () => {
        const before = target.received();
        for (const day of ["2021-02-30", "2021-13-01", "09-03-2021", "2021-3-9", "2021-03-08T01:00:00", "yesterday"]) {
          await expect(app.getReceiptReport(day)).rejects.toThrow(/is not a real day written YYYY-MM-DD/);
          expect(await issuesOf(await get(`${RECEIPTS}?day=${day}`))).toEqual([
            400,
            ["invalid", "Invalid format", "day"],
          ]);
        }
        expect(target.received()).toBe(before + 6);
        expect(await issuesOf(await get(RECEIPTS))).toEqual([400, ["invalid", "Not specified", "day"]]);
        expect(await issuesOf(await get(`${RECEIPTS}?day=2021-01-01&day=2021-01-02`))).toEqual([
          400,
          ["invalid", "A single value is expected", "day"],
        ]);
        expect(await issuesOf(await get(`${RECEIPTS}?day=2021-01-01&page=1&page=1`))).toEqual([
          400,
          ["invalid", "A single value is expected", "page"],
        ]);
      });

      it("24: a Bundle of Tasks with self/last links and a Link header", async () => {
        const first = await app.getReceiptReport("2021-01-01");
        expect(first.bundle).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 4 });
        expect(first.bundle.link.map((l) => l.relation)).toEqual(["self", "last"]);
        expect(first.items.map((t) => t.code.coding[0]?.code)).toEqual(["Delivered", "Notified", "Read", "Rejected"]);
        expect(first.links.last).toBe(`${target.baseUrl}${RECEIPTS}?day=2021-01-01&page=1`);
        const paged = await app.getReceiptReport("2021-01-02");
        expect([paged.nextPage, paged.lastPage, paged.bundle.total]).toEqual([2, 2, 3]);
        const events: string[] = [];
        for await (const task of app.allReceipts("2021-01-02")) events.push(task.code.coding[0]?.code as string);
        expect(events).toEqual(["Delivered", "NotificationAttempted", "Unnotified"]);
      });

      it("25: without receipts permission it is 403", async () => {
        target.use({ permissions: ["app-message"] });
        expect((await failure(app.getReceiptReport("2021-01-01"))).diagnostics).toMatch(
          /does not have Receipts report access permission$/,
        );
      });
    });

    describe("callbacks (supplier side)", () => {
      it("26: receipts and replies are accepted with 202, bad payloads 400, unverified clients 401", async () => {
        const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
          fetch(`${target.origin}/supplier${path}`, {
            method: "POST",
            headers: { "Content-Type": "application/json", ...headers },
            body: JSON.stringify(body),
          });
        target.delivered.length = 0;
        const events = ["Delivered", "NotificationAttempted", "Notified", "Read", "Rejected", "Unnotified"] as const;
        for (const event of events) {
          expect((await post("/FHIR/R4/Task", sampleReceipt(event, { campaignId: "c1" }))).status).toBe(202);
        }
        expect((target.delivered as Receipt[]).map((r) => [r.event, r.rejected, r.campaignId])).toEqual(
          events.map((e) => [e, e === "Rejected", "c1"]),
        );
        const keyword = await post("/FHIR/R4/CommunicationRequest", sampleReply({ type: "keyword", code: "YES" }));
        const text = await post("/FHIR/R4/CommunicationRequest", sampleReply({ type: "free-text", text: "Better" }));
        expect([keyword.status, text.status]).toEqual([202, 202]);
        expect((target.delivered.slice(-2) as Reply[]).map((r) => r.answer)).toEqual([
          { type: "keyword", code: "YES" },
          { type: "free-text", text: "Better" },
        ]);
        const bad = await post("/FHIR/R4/Task", { resourceType: "Task", status: "done" });
        expect(bad.status).toBe(400);
        expect((await bad.json()).issues.map((i: { path: string }) => i.path)).toContain("status");
        const unverified = await post("/FHIR/R4/Task", sampleReceipt("Read"), {
          "x-test-client-certificate": "unverified",
        });
        expect(unverified.status).toBe(401);
      });
    });
  });
}
