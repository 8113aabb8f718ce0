import { type ApiClient, NhsResponseError, NhsValidationError } from "@nhskit/core";
import type { paths } from "./generated/producer.js";
import { pointerProblems } from "./pointer.js";
import {
  check,
  odsCodeOfPointerId,
  type ProducerSearchParams,
  pointerIdSchema,
  producerSearchSchema,
  searchParams,
} from "./schemas.js";
import {
  callInit,
  createNrlApiClient,
  entriesOf,
  type NrlCallOptions,
  type NrlClientOptions,
  ODS_HEADER,
  wireSearchParams,
} from "./shared.js";
import type { NrlWriteOutcome, OperationOutcome, ProducerDocumentReference, ProducerPointerBundle } from "./types.js";

/** A new pointer: its id (read from the `Location` header) and whether it replaced others. */
export interface CreatePointerResult {
  /** `superseded` when the pointer replaced existing ones through `relatesTo`. */
  kind: "created" | "superseded";
  /** The id NRL gave the pointer: `<your ODS code>-<uuid>`. */
  id: string;
  /** The `Location` header as sent (a path on NRL's back end). */
  location: string;
  outcome: OperationOutcome;
  requestId: string;
}

export interface ProducerSearchResult {
  pointers: ProducerDocumentReference[];
  total: number;
  bundle: ProducerPointerBundle;
  requestId: string;
}

export interface NrlProducerClient {
  /** Every producer operation, typed from the OpenAPI document. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** The ODS code sent as NHSD-End-User-Organisation-ODS; pointers you write must name it as custodian. */
  readonly endUserOrganisationOds: string;
  /** Create a pointer (`POST /DocumentReference`); `buildPointer` makes one from plain inputs. */
  createPointer(pointer: ProducerDocumentReference, options?: NrlCallOptions): Promise<CreatePointerResult>;
  /**
   * Create a pointer that replaces existing ones of yours (same patient and type): NRL deletes them and keeps
   * the new one. Sets `relatesTo` (`code: "replaces"`) for each id.
   */
  supersedePointers(
    pointer: ProducerDocumentReference,
    replaces: string | readonly string[],
    options?: NrlCallOptions,
  ): Promise<CreatePointerResult>;
  /**
   * Replace one of your pointers (`PUT /DocumentReference/{id}`). Send the whole pointer as read; id, subject,
   * type, custodian, author, status and identifiers cannot change.
   */
  updatePointer(
    id: string,
    pointer: ProducerDocumentReference,
    options?: NrlCallOptions,
  ): Promise<{ outcome: NrlWriteOutcome; requestId: string }>;
  /** Delete one of your pointers (`DELETE /DocumentReference/{id}`). */
  deletePointer(id: string, options?: NrlCallOptions): Promise<{ outcome: NrlWriteOutcome; requestId: string }>;
  /** Your pointers for a patient (`POST /DocumentReference/_search`, parameters in the body). */
  searchPointers(params: ProducerSearchParams, options?: NrlCallOptions): Promise<ProducerSearchResult>;
  /** The same search in the query string (`GET /DocumentReference`). */
  searchPointersByQuery(params: ProducerSearchParams, options?: NrlCallOptions): Promise<ProducerSearchResult>;
  /** One of your pointers by id (`GET /DocumentReference/{id}`). */
  readPointer(id: string, options?: NrlCallOptions): Promise<{ pointer: ProducerDocumentReference; requestId: string }>;
}

function spineCode(outcome: OperationOutcome | undefined): string | undefined {
  return outcome?.issue?.[0]?.details?.coding?.[0]?.code;
}

/**
 * A client for the NRL producer API: create, supersede, update and delete your organisation's pointers, and
 * search or read them. Inputs are checked before anything is sent (NHS numbers, pointer ids, that pointers and
 * ids belong to your ODS code); failures are `NhsApiError`s with NRL's Spine code.
 */
export function createNrlProducerClient(options: NrlClientOptions): NrlProducerClient {
  const { raw, ods: defaultOds } = createNrlApiClient<paths>(options, "producer", "createNrlProducerClient");

  /** A pointer id that must belong to the calling organisation. */
  function ownId(op: string, id: unknown, ods: string): string {
    const checked = check(op, pointerIdSchema, id, "id");
    if (odsCodeOfPointerId(checked) !== ods) {
      throw new NhsValidationError(op, [
        {
          path: "id",
          message: `${JSON.stringify(checked)} belongs to another organisation: producers can only use their own pointers ("${ods}-...")`,
        },
      ]);
    }
    return checked;
  }

  function checkPointer(op: string, pointer: unknown, ods: string) {
    const issues = pointerProblems(pointer, ods);
    if (issues.length) throw new NhsValidationError(op, issues);
  }

  async function create(op: string, pointer: ProducerDocumentReference, options: NrlCallOptions | undefined) {
    const { ods, init } = callInit(op, defaultOds, options);
    checkPointer(op, pointer, ods);
    const { data, response, requestId } = await raw.POST("/DocumentReference", {
      params: { header: { [ODS_HEADER]: ods } },
      body: pointer,
      headers: { "Content-Type": "application/fhir+json" },
      ...init,
    });
    const outcome = data as OperationOutcome;
    const location = response.headers.get("location") ?? "";
    const id = decodeURIComponent(location.split("/").pop() ?? "");
    if (!id) {
      throw new NhsResponseError(
        `${op} answered ${response.status} without a Location header, so the new pointer's id is unknown. [request id ${requestId}]`,
        { operation: op, method: "POST", url: `${raw.baseUrl}/DocumentReference`, requestId, attempts: 1 },
        response.status,
      );
    }
    const kind: CreatePointerResult["kind"] = spineCode(outcome) === "RESOURCE_SUPERSEDED" ? "superseded" : "created";
    return { kind, id, location, outcome, requestId };
  }

  function createPointer(pointer: ProducerDocumentReference, options?: NrlCallOptions) {
    return create("createPointer", pointer, options);
  }

  async function supersedePointers(
    pointer: ProducerDocumentReference,
    replaces: string | readonly string[],
    options?: NrlCallOptions,
  ) {
    const op = "supersedePointers";
    const ids = typeof replaces === "string" ? [replaces] : [...(replaces ?? [])];
    if (ids.length === 0) {
      throw new NhsValidationError(op, [{ path: "replaces", message: "must name at least one pointer id to replace" }]);
    }
    const relatesTo = ids.map((value) => ({
      code: "replaces",
      target: { type: "DocumentReference", identifier: { value } },
    }));
    return create(op, { ...pointer, relatesTo: [...(pointer?.relatesTo ?? []), ...relatesTo] }, options);
  }

  async function updatePointer(id: string, pointer: ProducerDocumentReference, options?: NrlCallOptions) {
    const op = "updatePointer";
    const { ods, init } = callInit(op, defaultOds, options);
    const checked = ownId(op, id, ods);
    checkPointer(op, pointer, ods);
    if (pointer.id !== undefined && pointer.id !== checked) {
      throw new NhsValidationError(op, [
        {
          path: "pointer.id",
          message: `${JSON.stringify(pointer.id)} does not match the id ${JSON.stringify(checked)}; NRL refuses a body for another pointer`,
        },
      ]);
    }
    const { data, requestId } = await raw.PUT("/DocumentReference/{id}", {
      params: { path: { id: checked }, header: { [ODS_HEADER]: ods } },
      body: { ...pointer, id: checked },
      headers: { "Content-Type": "application/fhir+json" },
      ...init,
    });
    return { outcome: data as NrlWriteOutcome, requestId };
  }

  async function deletePointer(id: string, options?: NrlCallOptions) {
    const op = "deletePointer";
    const { ods, init } = callInit(op, defaultOds, options);
    const checked = ownId(op, id, ods);
    const { data, requestId } = await raw.DELETE("/DocumentReference/{id}", {
      params: { path: { id: checked }, header: { [ODS_HEADER]: ods } },
      ...init,
    });
    return { outcome: data as NrlWriteOutcome, requestId };
  }

  async function searchPointers(params: ProducerSearchParams, options?: NrlCallOptions) {
    const op = "searchPointers";
    const body = wireSearchParams(searchParams(op, producerSearchSchema, params));
    const { ods, init } = callInit(op, defaultOds, options);
    const { data, requestId } = await raw.POST("/DocumentReference/_search", {
      params: { header: { [ODS_HEADER]: ods } },
      body: body as never,
      ...init,
    });
    const bundle = data as ProducerPointerBundle;
    const pointers = entriesOf(bundle) as ProducerDocumentReference[];
    return { pointers, total: bundle.total ?? pointers.length, bundle, requestId };
  }

  async function searchPointersByQuery(params: ProducerSearchParams, options?: NrlCallOptions) {
    const op = "searchPointersByQuery";
    const query = wireSearchParams(searchParams(op, producerSearchSchema, params));
    const { ods, init } = callInit(op, defaultOds, options);
    const { data, requestId } = await raw.GET("/DocumentReference", {
      params: { query, header: { [ODS_HEADER]: ods } },
      ...init,
    });
    const bundle = data as ProducerPointerBundle;
    const pointers = entriesOf(bundle) as ProducerDocumentReference[];
    return { pointers, total: bundle.total ?? pointers.length, bundle, requestId };
  }

  async function readPointer(id: string, options?: NrlCallOptions) {
    const op = "readPointer";
    const { ods, init } = callInit(op, defaultOds, options);
    const checked = ownId(op, id, ods);
    const { data, requestId } = await raw.GET("/DocumentReference/{id}", {
      params: { path: { id: checked }, header: { [ODS_HEADER]: ods } },
      ...init,
    });
    return { pointer: data as ProducerDocumentReference, requestId };
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    endUserOrganisationOds: defaultOds,
    createPointer,
    supersedePointers,
    updatePointer,
    deletePointer,
    searchPointers,
    searchPointersByQuery,
    readPointer,
  };
}
