import { NhsNumberError } from "@nhskit/core";
import {
  buildPointer,
  createNrlConsumerClient,
  createNrlProducerClient,
  NRL_POINTER_TYPES,
  type NrlClientOptions,
} from "@nhskit/nrl";
import { check, type Scenario } from "../types.js";
import { apiError, refusal } from "./util.js";

// RJ11 may read and write mental health crisis plans (and 736253001) in both sandboxes' permission tables.
const consumer = (baseUrl: string, ods = "RJ11", extra: Partial<NrlClientOptions> = {}) =>
  createNrlConsumerClient({ baseUrl, retry: false, endUserOrganisationOds: ods, ...extra });
const producer = (baseUrl: string) =>
  createNrlProducerClient({ baseUrl, retry: false, endUserOrganisationOds: "RJ11" });

const crisisPlan = () =>
  buildPointer({
    nhsNumber: "9449304130",
    type: NRL_POINTER_TYPES.MENTAL_HEALTH_CRISIS_PLAN,
    custodian: "RJ11",
    url: "https://trust.example.nhs.uk/crisis-plans/contact",
    contentType: "text/html",
    format: "contact-details",
    practiceSetting: { code: "788002001", display: "Adult mental health service" },
  });

const RJ11_TYPES = new Set<string>([NRL_POINTER_TYPES.MENTAL_HEALTH_CRISIS_PLAN, "736253001"]);

export const nrlScenarios: Scenario[] = [
  {
    api: "nrl",
    operation: "searchPostDocumentReference",
    name: "consumer: RJ11 searches 9278693472",
    async run({ baseUrl }) {
      const { pointers, total } = await consumer(baseUrl("consumer")).searchPointers({ nhsNumber: "9278693472" });
      // Whatever the sandbox holds, RJ11 only ever sees the types it may read.
      const others = pointers.filter((p) => !p.type.coding.some((c) => RJ11_TYPES.has(c.code ?? "")));
      check(others.length === 0, `only RJ11's pointer types (got ${others.map((p) => p.id).join(", ")})`);
      return { status: 200, detail: `${total} pointer(s)` };
    },
  },
  {
    api: "nrl",
    operation: "readDocumentReference",
    name: "consumer: read RJ11-DEMO_1001",
    // nhskit's own seed: which pointers the hosted sandbox holds is not published (anyone can write to it).
    targets: ["local"],
    async run({ baseUrl }) {
      const { pointer } = await consumer(baseUrl("consumer")).readPointer("RJ11-DEMO_1001");
      check(pointer.custodian.identifier.value === "RJ11", "custodian RJ11");
      return { status: 200, detail: pointer.content[0]?.attachment.contentType };
    },
  },
  {
    api: "nrl",
    operation: "readDocumentReference",
    name: "consumer: unknown pointer is 404",
    async run({ baseUrl }) {
      const error = await apiError(consumer(baseUrl("consumer")).readPointer("RJ11-NHSKIT_NO_SUCH_POINTER"));
      check(error.status === 404 && error.code === "NO_RECORD_FOUND", `404 NO_RECORD_FOUND (got ${error.code})`);
      return { status: error.status, detail: error.code };
    },
  },
  {
    api: "nrl",
    operation: "searchPostDocumentReference",
    name: "consumer: ODS code not onboarded is 403",
    async run({ baseUrl }) {
      const error = await apiError(consumer(baseUrl("consumer"), "X26").searchPointers({ nhsNumber: "9278693472" }));
      check(error.status === 403 && error.code === "ACCESS_DENIED", `403 ACCESS_DENIED (got ${error.code})`);
      return { status: error.status, detail: error.code };
    },
  },
  {
    api: "nrl",
    operation: "createDocumentReference",
    name: "producer: create a crisis plan pointer",
    // A write: the hosted sandbox keeps it, for everyone. Exercised against nhskit's sandbox only.
    targets: ["local"],
    async run({ baseUrl }) {
      const created = await producer(baseUrl("producer")).createPointer(crisisPlan());
      check(created.kind === "created" && created.id.startsWith("RJ11-"), `created RJ11-… (got ${created.id})`);
      return { status: 201, detail: created.id };
    },
  },
  {
    api: "nrl",
    operation: "updateDocumentReference",
    name: "producer: update then delete a pointer",
    targets: ["local"],
    async run({ baseUrl }) {
      const nrl = producer(baseUrl("producer"));
      const { id } = await nrl.createPointer(crisisPlan());
      const { pointer } = await nrl.readPointer(id);
      const updated = await nrl.updatePointer(id, { ...pointer, description: "Reviewed in clinic" });
      const deleted = await nrl.deletePointer(id);
      const codes = [updated, deleted].map((r) => r.outcome.issue[0]?.details?.coding?.[0]?.code);
      check(codes.join() === "RESOURCE_UPDATED,RESOURCE_DELETED", `updated, deleted (got ${codes.join()})`);
      return { status: 200, detail: codes.join(", ") };
    },
  },
  {
    api: "nrl",
    operation: "searchPostDocumentReference",
    name: "bad check digit refused before sending",
    async run({ baseUrl }) {
      const error = await refusal((fetch) =>
        consumer(baseUrl("consumer"), "RJ11", { fetch }).searchPointers({ nhsNumber: "9278693471" }),
      );
      check(error instanceof NhsNumberError, `NhsNumberError (got ${String(error)})`);
      return { status: "refused", detail: "check digit" };
    },
  },
];
