import { nrl } from "@nhskit/catalogue";
import { anyOrigin, fhirResponse, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import { NRL_SANDBOX_PERMISSIONS, type StoredPointer, seedPointers } from "./fixtures.js";
import { type Caller, gate } from "./gate.js";
import { backendError, notFound, notWellFormed } from "./outcomes.js";
import { queryInput, type SearchInput, search, typeToken } from "./search.js";
import { createPointer, deletePointer, readOwnPointer, updatePointer } from "./writes.js";

export interface NrlMockOptions {
  /**
   * ODS code -> pointer types (`http://snomed.info/sct|<code>`) it may use. Default: the hosted sandbox proxy's
   * table (`NRL_SANDBOX_PERMISSIONS`). An empty list reproduces NRL's "no permission" refusal.
   */
  permissions?: Readonly<Record<string, readonly string[]>>;
  /** The pointers to start with. Default: nhskit's seed (`seedPointers()`). */
  pointers?: readonly StoredPointer[];
  /** The `apikey` that opens `GET /_status`. Default: none, so `_status` always answers 401 (as for the public). */
  statusApiKey?: string;
}

/** `/record-locator/consumer/FHIR/R4` */
export const NRL_CONSUMER_BASE_PATH = sandboxBasePath(nrl, "consumer");
/** `/record-locator/producer/FHIR/R4` */
export const NRL_PRODUCER_BASE_PATH = sandboxBasePath(nrl, "producer");

const origin = (request: Request) => new URL(request.url).origin;

/** `_ping` and `_status`, which the sandbox proxy answers itself (no headers needed). */
function platformHandlers(basePath: string, statusApiKey: string | undefined): RequestHandler[] {
  return [
    http.get(anyOrigin(basePath, "/_ping"), () => HttpResponse.json({ status: "pass", service: "nhskit mock" })),
    http.get(anyOrigin(basePath, "/_status"), ({ request }) => {
      const key = request.headers.get("apikey");
      if (statusApiKey === undefined || key !== statusApiKey) {
        return HttpResponse.json(
          { error: "unauthorized", message: "A valid apikey header is required" },
          { status: 401 },
        );
      }
      return HttpResponse.json({ status: "pass" });
    }),
  ];
}

async function bodyInput(request: Request): Promise<SearchInput | Response> {
  try {
    const body = await request.json();
    if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as SearchInput;
  } catch {
    // fall through
  }
  return notWellFormed(request);
}

/**
 * msw handlers that answer like the hosted NRL sandbox, consumer and producer, on any origin under
 * `/record-locator/consumer/FHIR/R4` and `/record-locator/producer/FHIR/R4`. Like the hosted sandbox they keep
 * state: pointers a producer writes are stored in this handler set (one per server) and consumers see them.
 */
export function nrlHandlers(options: NrlMockOptions = {}): RequestHandler[] {
  const permissions = options.permissions ?? NRL_SANDBOX_PERMISSIONS;
  const store = new Map<string, StoredPointer>(
    (options.pointers ?? seedPointers()).map((p) => [p.id, structuredClone(p)]),
  );
  const consumer = (path: string) => anyOrigin(NRL_CONSUMER_BASE_PATH, path);
  const producer = (path: string) => anyOrigin(NRL_PRODUCER_BASE_PATH, path);

  /** Runs `answer` for a caller the proxy lets through, or returns the proxy's refusal. */
  const asCaller = async (request: Request, answer: (caller: Caller) => Response | Promise<Response>) => {
    const caller = gate(request, permissions);
    return caller instanceof Response ? caller : answer(caller);
  };

  return [
    ...platformHandlers(NRL_CONSUMER_BASE_PATH, options.statusApiKey),
    ...platformHandlers(NRL_PRODUCER_BASE_PATH, options.statusApiKey),

    // Consumer
    http.get(consumer("/DocumentReference"), ({ request }) =>
      asCaller(request, (caller) =>
        search(request, store.values(), caller, queryInput(request), origin(request) + NRL_CONSUMER_BASE_PATH, false),
      ),
    ),
    http.post(consumer("/DocumentReference/_search"), ({ request }) =>
      asCaller(request, async (caller) => {
        const input = await bodyInput(request);
        if (input instanceof Response) return input;
        return search(request, store.values(), caller, input, origin(request) + NRL_CONSUMER_BASE_PATH, false);
      }),
    ),
    http.get(consumer("/DocumentReference/:id"), ({ request, params }) =>
      asCaller(request, (caller) => {
        const pointer = store.get(decodeURIComponent(params.id as string));
        if (!pointer) return notFound(request);
        if (!caller.pointerTypes.includes(typeToken(pointer) ?? "")) {
          return backendError(request, 403, {
            code: "forbidden",
            spineCode: "ACCESS DENIED",
            diagnostics: "The requested DocumentReference is not of a type that this organisation is allowed to access",
          });
        }
        return fhirResponse(request, pointer);
      }),
    ),

    // Producer
    http.get(producer("/DocumentReference"), ({ request }) =>
      asCaller(request, (caller) =>
        search(request, store.values(), caller, queryInput(request), origin(request) + NRL_PRODUCER_BASE_PATH, true),
      ),
    ),
    http.post(producer("/DocumentReference/_search"), ({ request }) =>
      asCaller(request, async (caller) => {
        const input = await bodyInput(request);
        if (input instanceof Response) return input;
        return search(request, store.values(), caller, input, origin(request) + NRL_PRODUCER_BASE_PATH, true);
      }),
    ),
    http.post(producer("/DocumentReference"), ({ request }) =>
      asCaller(request, (caller) => createPointer(request, store, caller)),
    ),
    http.get(producer("/DocumentReference/:id"), ({ request, params }) =>
      asCaller(request, (caller) => {
        const id = decodeURIComponent(params.id as string);
        return readOwnPointer(request, id, store, caller) ?? fhirResponse(request, store.get(id));
      }),
    ),
    http.put(producer("/DocumentReference/:id"), ({ request, params }) =>
      asCaller(request, (caller) => updatePointer(request, decodeURIComponent(params.id as string), store, caller)),
    ),
    http.delete(producer("/DocumentReference/:id"), ({ request, params }) =>
      asCaller(request, (caller) => deletePointer(request, decodeURIComponent(params.id as string), store, caller)),
    ),
  ];
}
