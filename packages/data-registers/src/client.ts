import { dataRegisters } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  BaseUrlError,
  createApiClient,
  hintFor,
  NhsApiError,
  NhsValidationError,
  type ValidationIssue,
} from "@nhskit/core";
import type { paths } from "./generated/openapi.js";
import { type DataRegistersOperation, type DataRegistersPaths, fillPath, resolvePaths } from "./paths.js";
import { checkAsAt, checkCode, checkEntryQuery, checkRegisterId, type EntryQuery } from "./schemas.js";
import type { Register, RegisterEntry, RegisterEntryPage, RegisterList, Snapshot, SnapshotList } from "./types.js";
import { DATA_REGISTERS_VERSION } from "./version.js";

/**
 * PROVISIONAL. NHS England has not published the Data Registers Service's interface or URLs; everything here
 * is nhskit's model of it.
 */
export interface DataRegistersClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName"> {
  /**
   * Path templates per operation, relative to `baseUrl`, with `{registerId}` and `{code}` placeholders. The
   * defaults (`DEFAULT_PATHS`) are nhskit's guess; replace them when the real interface is known.
   */
  paths?: Partial<DataRegistersPaths>;
}

/** Per-call options. */
export interface DataRegistersCallOptions {
  signal?: AbortSignal;
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
}

export interface EntryPageResult {
  entries: RegisterEntry[];
  total: number;
  limit: number;
  offset: number;
  /** The offset of the next page, or undefined on the last one. */
  nextOffset: number | undefined;
  requestId: string;
}

/**
 * PROVISIONAL: a client for nhskit's model of the Data Registers Service REST API (registers of reference
 * data such as organisation codes, postcodes and diagnosis codes, with their history). The real interface is
 * not published, so paths, parameters and shapes are unconfirmed.
 */
export interface DataRegistersClient {
  /** The modelled operations, typed from nhskit's provisional openapi.yaml (default paths only). */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** The path templates in use. */
  readonly paths: Readonly<DataRegistersPaths>;
  /** Every register, with its custodian and when it last changed. */
  listRegisters(
    options?: DataRegistersCallOptions,
  ): Promise<{ registers: Register[]; total: number; requestId: string }>;
  /** One register. */
  getRegister(
    registerId: string,
    options?: DataRegistersCallOptions,
  ): Promise<{ register: Register; requestId: string }>;
  /** A page of a register's entries, now or `asAt` a past date. */
  listEntries(registerId: string, params?: EntryQuery, options?: DataRegistersCallOptions): Promise<EntryPageResult>;
  /** Every matching entry, page after page (`offset` paging; at most `maxPages`, default 100). */
  allEntries(
    registerId: string,
    params?: Omit<EntryQuery, "offset">,
    options?: DataRegistersCallOptions & { maxPages?: number },
  ): AsyncIterable<RegisterEntry>;
  /** One entry by its code, now or `asAt` a past date. */
  getEntry(
    registerId: string,
    code: string,
    options?: DataRegistersCallOptions & { asAt?: string },
  ): Promise<{ entry: RegisterEntry; requestId: string }>;
  /** The dates the register can be read as at, newest first. */
  listSnapshots(
    registerId: string,
    options?: DataRegistersCallOptions,
  ): Promise<{ snapshots: Snapshot[]; requestId: string }>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The model's error body `{code, message}` carries its code where core's parser does not look. */
function withModelCode(error: unknown): unknown {
  if (!(error instanceof NhsApiError) || error.code !== undefined || !isRecord(error.body)) return error;
  const code = typeof error.body.code === "string" ? error.body.code : undefined;
  if (!code) return error;
  return new NhsApiError({
    status: error.status,
    statusText: "",
    code,
    diagnostics: error.diagnostics,
    issues: [{ code, ...(error.diagnostics ? { diagnostics: error.diagnostics } : {}) }],
    hint: hintFor(error.status, code),
    call: {
      operation: error.operation ?? "data registers",
      method: error.method,
      url: error.url,
      requestId: error.requestId ?? "",
      attempts: error.attempts,
    },
    retryAfterSeconds: error.retryAfterSeconds,
    body: error.body,
    headers: error.headers,
  });
}

function invalid(operation: string, issues: ValidationIssue[]) {
  if (issues.length) throw new NhsValidationError(operation, issues);
}

/**
 * PROVISIONAL: creates a client for nhskit's model of the Data Registers Service. Outside the local sandbox
 * `baseUrl` is required (no URL is published), and `paths` lets you point each operation at the real path once
 * it is known. Open access: no `auth` is needed.
 */
export function createDataRegistersClient(options: DataRegistersClientOptions): DataRegistersClient {
  const { paths: overrides, ...rest } = options ?? ({} as DataRegistersClientOptions);
  if (rest.baseUrl === undefined && rest.environment !== "local") {
    throw new BaseUrlError(
      'The Data Registers Service has no published base URL and its interface is provisional: pass baseUrl (or environment: "local" for nhskit\'s sandbox).',
    );
  }
  const templates = Object.freeze(resolvePaths("createDataRegistersClient", overrides));
  const raw = createApiClient<paths>({
    ...rest,
    api: dataRegisters,
    clientName: `nhskit-data-registers/${DATA_REGISTERS_VERSION}`,
  });

  async function get<T>(
    operation: DataRegistersOperation,
    values: Record<string, string>,
    query: Record<string, string>,
    options: DataRegistersCallOptions | undefined,
  ): Promise<{ data: T; requestId: string }> {
    const search = new URLSearchParams(query).toString();
    const url = `${raw.baseUrl}${fillPath(templates[operation], values)}${search ? `?${search}` : ""}`;
    try {
      const { data, requestId } = await raw.getUrl<T>(url, {
        operation,
        ...(options?.signal ? { signal: options.signal } : {}),
        ...(options?.requestId ? { requestId: options.requestId } : {}),
        ...(options?.correlationId ? { correlationId: options.correlationId } : {}),
        ...(options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
      return { data, requestId };
    } catch (error) {
      throw withModelCode(error);
    }
  }

  async function listRegisters(options?: DataRegistersCallOptions) {
    const { data, requestId } = await get<RegisterList>("listRegisters", {}, {}, options);
    const registers = Array.isArray(data?.items) ? data.items : [];
    return { registers, total: typeof data?.total === "number" ? data.total : registers.length, requestId };
  }

  async function getRegister(registerId: string, options?: DataRegistersCallOptions) {
    const issues: ValidationIssue[] = [];
    const id = checkRegisterId(registerId, issues);
    invalid("getRegister", issues);
    const { data, requestId } = await get<Register>("getRegister", { registerId: id }, {}, options);
    return { register: data, requestId };
  }

  async function listEntries(registerId: string, params: EntryQuery = {}, options?: DataRegistersCallOptions) {
    const query = checkEntryQuery("listEntries", registerId, params);
    const { data, requestId } = await get<RegisterEntryPage>("listRegisterEntries", { registerId }, query, options);
    const entries = Array.isArray(data?.items) ? data.items : [];
    const offset = data?.offset ?? params.offset ?? 0;
    const next = offset + entries.length;
    return {
      entries,
      total: data?.total ?? entries.length,
      limit: data?.limit ?? entries.length,
      offset,
      nextOffset: entries.length > 0 && next < (data?.total ?? 0) ? next : undefined,
      requestId,
    };
  }

  function allEntries(
    registerId: string,
    params: Omit<EntryQuery, "offset"> = {},
    options: DataRegistersCallOptions & { maxPages?: number } = {},
  ): AsyncIterable<RegisterEntry> {
    const { maxPages = 100, ...callOptions } = options;
    return {
      async *[Symbol.asyncIterator]() {
        let offset: number | undefined = 0;
        for (let page = 0; offset !== undefined && page < maxPages; page++) {
          const result: EntryPageResult = await listEntries(registerId, { ...params, offset }, callOptions);
          yield* result.entries;
          offset = result.nextOffset;
        }
      },
    };
  }

  async function getEntry(
    registerId: string,
    code: string,
    options: DataRegistersCallOptions & { asAt?: string } = {},
  ) {
    const { asAt, ...callOptions } = options;
    const issues: ValidationIssue[] = [];
    checkRegisterId(registerId, issues);
    checkCode(code, issues);
    checkAsAt(asAt, issues, "options.asAt");
    invalid("getEntry", issues);
    const { data, requestId } = await get<RegisterEntry>(
      "getRegisterEntry",
      { registerId, code },
      asAt ? { asAt } : {},
      callOptions,
    );
    return { entry: data, requestId };
  }

  async function listSnapshots(registerId: string, options?: DataRegistersCallOptions) {
    const issues: ValidationIssue[] = [];
    checkRegisterId(registerId, issues);
    invalid("listSnapshots", issues);
    const { data, requestId } = await get<SnapshotList>("listRegisterSnapshots", { registerId }, {}, options);
    return { snapshots: Array.isArray(data?.items) ? data.items : [], requestId };
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    paths: templates,
    listRegisters,
    getRegister,
    listEntries,
    allEntries,
    getEntry,
    listSnapshots,
  };
}
