import { readFileSync } from "node:fs";
import type { AuthStrategy } from "@nhskit/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  cancellation,
  dispenseClaim,
  dispenseNotification,
  prescriptionOrder,
  returnTask,
  withdrawTask,
} from "../examples/messages.js";
import {
  type Acknowledgement,
  createEpsClient,
  createEpsDispensingClient,
  createEpsPrescribingClient,
  EPS_VERSION,
  type FhirMessageBundle,
  isValidPrescriptionId,
  NhsApiError,
  NhsResponseError,
  NhsValidationError,
  newPrescriptionId,
  type OperationOutcome,
  type PrepareResult,
  PrescriptionIdError,
  type PrescriptionOrderBundle,
  prescriptionIdCheckCharacter,
  prescriptionIdProblem,
  type ReturnTask,
  releaseParameters,
} from "../src/index.js";
import { epsHandlers } from "../src/mocks/index.js";

const server = setupServer(...epsHandlers());
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

const user: AuthStrategy = {
  kind: "user-token",
  authorize: ({ headers }) => headers.set("Authorization", "Bearer u1"),
};
const app: AuthStrategy = { kind: "signed-jwt", authorize: ({ headers }) => headers.set("Authorization", "Bearer a1") };
const SANDBOX = "https://sandbox.api.service.nhs.uk";

describe("prescription ids", () => {
  it.each([
    "58EFB9-A83008-27693K",
    "EB8B1F-A83008-42DC8L",
    "24F5DA-A83008-7EFE6Z",
    "060CC0-A83008-5A2E6T",
    "A0548B-A99968-451485",
  ])("%s has the right check character", (id) => {
    expect(isValidPrescriptionId(id)).toBe(true);
    expect(prescriptionIdCheckCharacter(id.slice(0, -1))).toBe(id.slice(-1));
  });

  it.each([
    ["58EFB9-A83008-27693X", /has the wrong check character: X should be K/],
    ["58efb9-a83008-27693k", /letters must be upper case/],
    ["58EFB9A8300827693K", /expected XXXXXX-XXXXXX-XXXXXC/],
    ["58EFB9-A83008-27693", /is not a short-form prescription id/],
  ])("%s is refused: %s", (id, message) => {
    expect(prescriptionIdProblem(id)).toMatch(message);
    expect(isValidPrescriptionId(id)).toBe(false);
  });

  it("new ids are valid and carry the ODS code", () => {
    const ids = Array.from({ length: 50 }, () => newPrescriptionId("A83008"));
    for (const id of ids) expect(isValidPrescriptionId(id)).toBe(true);
    expect(ids[0]).toMatch(/^[0-9A-F]{6}-A83008-[0-9A-F]{5}[0-9A-Z+]$/);
    expect(newPrescriptionId("fa565", () => 0)).toBe(
      `000000-0FA565-00000${prescriptionIdCheckCharacter("000000-0FA565-00000")}`,
    );
    expect(() => newPrescriptionId("TOO-LONG-CODE")).toThrow(/must be an ODS code of 1 to 6 letters and digits/);
  });

  it("an id deep inside a body is checked, and the error names it and where it is", async () => {
    const eps = createEpsClient({ environment: "sandbox" });
    const order = prescriptionOrder("58EFB9-A83008-27693X");
    const error = await eps.sendPrescriptionOrder(order).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsValidationError);
    expect((error as Error).message).toContain(
      'bundle.entry[1].resource.groupIdentifier.value: "58EFB9-A83008-27693X" has the wrong check character: X should be K',
    );
    await expect(eps.trackPrescription("nope")).rejects.toThrow(PrescriptionIdError);
    expect(seen).toHaveLength(0);
  });
});

describe("client options", () => {
  it("each client goes to its own base URL from the catalogue", () => {
    expect(createEpsClient({ environment: "sandbox" }).baseUrl).toBe(`${SANDBOX}/electronic-prescriptions`);
    expect(createEpsPrescribingClient({ environment: "int" }).baseUrl).toBe(
      "https://int.api.service.nhs.uk/fhir-prescribing",
    );
    expect(createEpsDispensingClient({ environment: "local" }).baseUrl).toBe("http://127.0.0.1:9000/fhir-dispensing");
    expect(createEpsClient({ environment: "prod" }).baseUrl).toBe(
      "https://api.service.nhs.uk/electronic-prescriptions",
    );
    expect(() => createEpsPrescribingClient({ environment: "prod" })).toThrow(/prod/);
  });

  it("sessionUrid is required with CIS2 auth, must be digits, and is sent as NHSD-Session-URID", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: what an untyped caller could pass
    expect(() => createEpsPrescribingClient({ environment: "int", auth: user } as any)).toThrow(
      /sessionUrid: is required with NHS CIS2 \(user-restricted\) auth/,
    );
    expect(() => createEpsDispensingClient({ environment: "int", auth: user })).toThrow(/sessionUrid: is required/);
    expect(() => createEpsClient({ environment: "sandbox", sessionUrid: "role-1" })).toThrow(
      /sessionUrid: "role-1" must be the role profile id's digits/,
    );
    const eps = createEpsClient({ environment: "sandbox", auth: user, sessionUrid: "555254240100" });
    await eps.sendPrescriptionOrder(prescriptionOrder(), { correlationId: "c-1" });
    const headers = seen[0]!.headers;
    expect(headers.get("nhsd-session-urid")).toBe("555254240100");
    expect(headers.get("authorization")).toBe("Bearer u1");
    expect(headers.get("content-type")).toBe("application/fhir+json");
    expect(headers.get("x-correlation-id")).toBe("c-1");
    expect(headers.get("user-agent")).toContain(`nhskit-eps/${EPS_VERSION}`);
    expect(headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await eps.sendPrescriptionOrder(prescriptionOrder(), { sessionUrid: "555254240101", skipValidation: true });
    expect(seen[1]!.headers.get("nhsd-session-urid")).toBe("555254240101");
    expect(seen[1]!.headers.get("x-skip-validation")).toBe("true");
  });

  it("without auth (the sandbox) no NHSD-Session-URID is sent", async () => {
    await createEpsClient({ environment: "sandbox" }).sendPrescriptionOrder(prescriptionOrder());
    expect(seen[0]!.headers.has("nhsd-session-urid")).toBe(false);
  });

  it("a signed JWT is refused for prescribing, and allows only release on dispensing", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: what an untyped caller could pass
    expect(() => createEpsPrescribingClient({ environment: "int", auth: app, sessionUrid: "1" } as any)).toThrow(
      /auth: is a signed JWT \(application-restricted\), but EPS prescribing accepts only NHS CIS2/,
    );
    expect(() => createEpsDispensingClient({ environment: "int", auth: app, sessionUrid: "1" })).toThrow(
      /sessionUrid: must be left out with application-restricted/,
    );
    const dispensing = createEpsDispensingClient({ environment: "sandbox", auth: app });
    const released = await dispensing.release(releaseParameters({ ownerOdsCode: "VNE51" }));
    expect(seen[0]!.headers.get("authorization")).toBe("Bearer a1");
    expect(seen[0]!.headers.has("nhsd-session-urid")).toBe(false);
    seen.length = 0;
    for (const call of [
      () => dispensing.sendDispenseNotification(dispenseNotification(released.prescriptions[0]!)),
      () => dispensing.returnPrescription(returnTask("58EFB9-A83008-27693K")),
      () => dispensing.withdrawDispenseNotification(withdrawTask("58EFB9-A83008-27693K")),
      () => dispensing.sendDispenseClaim(dispenseClaim(released.prescriptions[0]!)),
    ]) {
      await expect(call()).rejects.toThrow(/allows for Task\/\$release only/);
    }
    expect(seen).toHaveLength(0);
  });

  it("bad options are refused at construction", () => {
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createEpsClient(undefined as any)).toThrow(/options: are required/);
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createEpsClient({ environment: "dep" as any })).toThrow(/has no "dep" environment/);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(EPS_VERSION).toBe(pkg.version);
  });
});

describe("input checks send nothing", () => {
  const eps = createEpsClient({ environment: "sandbox" });
  const order = prescriptionOrder();

  it.each([
    [
      "prepare with a cancellation",
      () => eps.prepare(cancellation(order)),
      /is "prescription-order-update": send that message with cancelPrescription, not prepare/,
    ],
    [
      "an order that is a dispense notification",
      () =>
        eps.sendPrescriptionOrder({
          ...order,
          entry: [{ resource: { resourceType: "MessageHeader", eventCoding: { code: "dispense-notification" } } }],
        }),
      /send that message with sendDispenseNotification/,
    ],
    [
      "a cancellation that is an order",
      () => eps.cancelPrescription(order),
      /is "prescription-order": send that message with sendPrescriptionOrder/,
    ],
    [
      "an unknown event",
      () =>
        eps.sendDispenseNotification({
          ...order,
          entry: [{ resource: { resourceType: "MessageHeader", eventCoding: { code: "dispense-claim" } } }],
        }),
      /is "dispense-claim", which EPS does not accept here/,
    ],
    [
      "a bundle that is not a message",
      () => eps.sendPrescriptionOrder({ ...order, type: "collection" as "message" }),
      /bundle\.type: must be "message"/,
    ],
    [
      "a message with no entries",
      () => eps.sendPrescriptionOrder({ ...order, entry: [] }),
      /bundle\.entry: must list the message's resources/,
    ],
    [
      "a message with no MessageHeader",
      () => eps.sendPrescriptionOrder({ ...order, entry: order.entry.slice(1) }),
      /needs a MessageHeader whose eventCoding\.code is "prescription-order"/,
    ],
    [
      "a return that withdraws",
      () => eps.returnPrescription(withdrawTask("58EFB9-A83008-27693K")),
      /task\.status: is "in-progress".*use withdrawDispenseNotification/,
    ],
    [
      "a withdrawal that returns",
      () => eps.withdrawDispenseNotification(returnTask("58EFB9-A83008-27693K")),
      /use returnPrescription/,
    ],
    [
      "a Task with another status",
      () => eps.returnPrescription({ ...returnTask("58EFB9-A83008-27693K"), status: "completed" }),
      /task\.status: must be "rejected" for returnPrescription \(got "completed"\)/,
    ],
    [
      "a claim that is a Task",
      () => eps.sendDispenseClaim(returnTask("58EFB9-A83008-27693K") as never),
      /claim\.resourceType: must be "Claim" \(got "Task"\)/,
    ],
    [
      "release without an owner",
      () => eps.release({ resourceType: "Parameters", parameter: [{ name: "status", valueCode: "accepted" }] }),
      /parameter\[owner\]: is required/,
    ],
    [
      "release without status",
      () => eps.release({ resourceType: "Parameters", parameter: [] }),
      /parameter\[status\]: is required/,
    ],
    [
      "release with a bad id",
      () =>
        eps.release({
          resourceType: "Parameters",
          parameter: [
            {
              name: "group-identifier",
              valueIdentifier: {
                system: "https://fhir.nhs.uk/Id/prescription-order-number",
                value: "58EFB9-A83008-27693X",
              },
            },
            { name: "owner", resource: { resourceType: "Organization" } },
            { name: "status", valueCode: "accepted" },
          ],
        }),
      /parameters\.parameter\[0\]\.valueIdentifier\.value: "58EFB9-A83008-27693X" has the wrong check character/,
    ],
    [
      "validate with no resourceType",
      () => eps.validate({} as never),
      /resource: must be a FHIR resource with a resourceType/,
    ],
    ["a poll with no location", () => eps.pollMessage(""), /contentLocation: must be the Content-Location header/],
    [
      "an unknown call option",
      () => eps.sendPrescriptionOrder(order, { timeoutMs: -1 }),
      /options\.timeoutMs: must be a positive number/,
    ],
    [
      "a bad per-call role id",
      () => eps.sendPrescriptionOrder(order, { sessionUrid: "abc" }),
      /options\.sessionUrid: "abc" must be the role profile id's digits/,
    ],
    ["prescribe without a signer", () => eps.prescribe(order, {} as never), /options\.sign: is required/],
    [
      "prescribe of a signed bundle",
      () =>
        eps.prescribe(
          { ...order, entry: [...order.entry, { resource: { resourceType: "Provenance" } }] },
          { sign: () => ({ signature: "AAAA" }) },
        ),
      /bundle\.entry\[Provenance\]: is already there/,
    ],
    [
      "a misspelt call option",
      () => eps.sendPrescriptionOrder(order, { requestID: "x" } as never),
      /options: unknown option "requestID"; EPS calls take signal, requestId/,
    ],
    [
      "prescribe with one request id for two calls",
      () => eps.prescribe(order, { sign: () => ({ signature: "AAAA" }), requestId: crypto.randomUUID() } as never),
      /options\.requestId: prescribe makes several calls/,
    ],
    [
      "dispense without notify",
      () => eps.dispense(releaseParameters({ ownerOdsCode: "VNE51" }), {} as never),
      /options\.notify: is required/,
    ],
  ] as const)("%s", async (_what, call, message) => {
    await expect(call()).rejects.toThrow(message);
    await expect(call()).rejects.toBeInstanceOf(NhsValidationError);
    expect(seen).toHaveLength(0);
  });

  it.each([
    [{ ownerOdsCode: "V" }, /input\.ownerOdsCode: "V" must be an ODS code/],
    [
      { ownerOdsCode: "VNE51", prescriptionId: "58EFB9-A83008-27693X" },
      /input\.prescriptionId: "58EFB9-A83008-27693X" has the wrong check character/,
    ],
    [{ ownerOdsCode: "VNE51", colour: "blue" }, /unexpected "colour": give ownerOdsCode/],
  ])("releaseParameters(%j) is refused", (input, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    expect(() => releaseParameters(input as any)).toThrow(message);
  });

  it("a signer answering nonsense is refused before the order is sent", async () => {
    const bad = eps.prescribe(prescriptionOrder(), {
      sign: () => ({ signatureValue: "not base64!", certificate: "x" }),
    });
    await expect(bad).rejects.toThrow(/signer\(\)\.signatureValue: must be the base64 signature/);
    expect(seen.map((r) => new URL(r.url).pathname)).toEqual(["/electronic-prescriptions/FHIR/R4/$prepare"]);
  });

  it("an order without a requester cannot be signed", async () => {
    const order = prescriptionOrder();
    const item = order.entry[1]!.resource!;
    delete item.requester;
    await expect(eps.prescribe(order, { sign: () => ({ signature: "AAAA" }) })).rejects.toThrow(
      /requester\.reference: is needed/,
    );
  });
});

describe("answers the spec does not describe", () => {
  const eps = createEpsClient({ environment: "sandbox" });

  it("a 200 OperationOutcome with an error issue is an NhsApiError, not success", async () => {
    server.use(
      http.post("*/electronic-prescriptions/FHIR/R4/Claim", () =>
        HttpResponse.json({
          resourceType: "OperationOutcome",
          issue: [{ severity: "error", code: "business-rule", diagnostics: "Claim already received" }],
        }),
      ),
    );
    const claim = dispenseClaim((await eps.release(releaseParameters({ ownerOdsCode: "VNE51" }))).prescriptions[0]!);
    const error = await eps.sendDispenseClaim(claim).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsApiError);
    expect([(error as NhsApiError).status, (error as NhsApiError).diagnostics]).toEqual([
      200,
      "Claim already received",
    ]);
  });

  it("release also reads the Parameters answer the published spec describes", async () => {
    const prescription = { resourceType: "Bundle", type: "message", entry: [] };
    const failed = { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "value" }] };
    server.use(
      http.post("*/fhir-dispensing/FHIR/R4/Task/$release", () =>
        HttpResponse.json({
          resourceType: "Parameters",
          parameter: [
            {
              name: "passedPrescriptions",
              resource: { resourceType: "Bundle", type: "searchset", entry: [{ resource: prescription }] },
            },
            { name: "failedPrescriptions", resource: { resourceType: "Bundle", type: "searchset", entry: [failed] } },
          ],
        }),
      ),
    );
    const dispensing = createEpsDispensingClient({ environment: "sandbox" });
    const result = await dispensing.release(releaseParameters({ ownerOdsCode: "VNE51" }));
    expect(result.shape).toBe("parameters");
    expect(result.prescriptions).toEqual([prescription]);
    expect(result.failures).toEqual([failed]);
  });

  it("a $prepare answer without a digest is an NhsResponseError", async () => {
    server.use(
      http.post("*/fhir-prescribing/FHIR/R4/$prepare", () =>
        HttpResponse.json({ resourceType: "Parameters", parameter: [] }),
      ),
    );
    const prescribing = createEpsPrescribingClient({ environment: "sandbox" });
    await expect(prescribing.prepare(prescriptionOrder())).rejects.toBeInstanceOf(NhsResponseError);
  });

  it("a cancellation answered with an informational OperationOutcome is reported as such", async () => {
    server.use(
      http.post("*/electronic-prescriptions/FHIR/R4/$process-message", () =>
        HttpResponse.json({
          resourceType: "OperationOutcome",
          issue: [{ severity: "information", code: "informational" }],
        }),
      ),
    );
    expect((await eps.cancelPrescription(cancellation(prescriptionOrder()))).kind).toBe("outcome");
  });

  it("writes are not retried by default, so a 503 reaches the caller once", async () => {
    let calls = 0;
    server.use(
      http.post("*/electronic-prescriptions/FHIR/R4/$process-message", () => {
        calls += 1;
        return HttpResponse.json({}, { status: 503, headers: { "Retry-After": "0" } });
      }),
    );
    await expect(eps.sendPrescriptionOrder(prescriptionOrder())).rejects.toBeInstanceOf(NhsApiError);
    expect(calls).toBe(1);
  });
});

describe("types", () => {
  it("gives typed FHIR bodies and results", async () => {
    const prescribing = createEpsPrescribingClient({ environment: "sandbox" });
    expectTypeOf<PrescriptionOrderBundle["entry"]>().not.toBeNever();
    expectTypeOf<ReturnTask["status"]>().toEqualTypeOf<"active" | "cancelled" | "completed" | "rejected" | undefined>();
    expectTypeOf(prescribing.prepare).returns.resolves.toEqualTypeOf<PrepareResult>();
    expectTypeOf(prescribing.sendPrescriptionOrder).returns.resolves.toEqualTypeOf<Acknowledgement>();
    expectTypeOf(prescribing.sendPrescriptionOrder)
      .parameter(0)
      .toEqualTypeOf<PrescriptionOrderBundle | FhirMessageBundle>();
    const { data } = await prescribing.raw.POST("/FHIR/R4/$process-message#prescription-order", {
      params: { header: { "NHSD-Session-URID": "555254240100" } },
      body: prescriptionOrder() as never,
    });
    expectTypeOf(data).toEqualTypeOf<OperationOutcome>();
    expectTypeOf(data).not.toBeNever();
    expect(data.issue?.[0]?.code).toBe("informational");
    expect(new URL(seen[0]!.url).hash).toBe("");
  });
});
