import { nrl } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  type CallOptions,
  createApiClient,
  NhsValidationError,
} from "@nhskit/core";
import { custodianIdentifier, snomedToken, subjectIdentifier } from "./codes.js";
import { check, odsCodeSchema } from "./schemas.js";
import { NRL_VERSION } from "./version.js";

/** Options for either NRL client. */
export interface NrlClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName"> {
  /**
   * `NHSD-End-User-Organisation-ODS`: the ODS code of the organisation you act for. NRL requires it on every
   * call; it decides which pointer types you may read or write.
   */
  endUserOrganisationOds: string;
}

/** Per-call options for the named methods. */
export interface NrlCallOptions {
  signal?: AbortSignal;
  /** Sent as X-Request-ID (a fresh UUID when absent). */
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
  /** Act for another organisation on this call only (one application serving several organisations). */
  endUserOrganisationOds?: string;
}

export const ODS_HEADER = "NHSD-End-User-Organisation-ODS";

/** Checks the options and builds the typed core client for one NRL document. */
export function createNrlApiClient<Paths extends {}>(
  options: NrlClientOptions,
  document: "consumer" | "producer",
  factory: string,
): { raw: ApiClient<Paths>; ods: string } {
  if (!options || typeof options !== "object") {
    throw new NhsValidationError(factory, [
      { path: "options", message: 'are required: { environment: "sandbox", endUserOrganisationOds: "RJ11" }' },
    ]);
  }
  const { endUserOrganisationOds, ...rest } = options;
  if (endUserOrganisationOds === undefined || endUserOrganisationOds === "") {
    throw new NhsValidationError(factory, [
      {
        path: "endUserOrganisationOds",
        message: "is required: NRL needs the NHSD-End-User-Organisation-ODS header on every call (e.g. Y05868)",
      },
    ]);
  }
  const ods = check(factory, odsCodeSchema, endUserOrganisationOds, "endUserOrganisationOds");
  const raw = createApiClient<Paths>({
    ...rest,
    api: nrl,
    document,
    clientName: `nhskit-nrl/${NRL_VERSION}`,
    // Also on raw calls that (untyped) leave it out; a call's own header wins.
    headers: { ...rest.headers, [ODS_HEADER]: ods },
  });
  return { raw, ods };
}

/** What every named method passes to the raw client: the ODS header value, and signal + core call options. */
export function callInit(operation: string, defaultOds: string, options: NrlCallOptions | undefined) {
  const ods =
    options?.endUserOrganisationOds === undefined
      ? defaultOds
      : check(operation, odsCodeSchema, options.endUserOrganisationOds, "options.endUserOrganisationOds");
  const nhs: CallOptions = {
    operation,
    ...(options?.requestId ? { requestId: options.requestId } : {}),
    ...(options?.correlationId ? { correlationId: options.correlationId } : {}),
    ...(options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  };
  const init = { ...(options?.signal ? { signal: options.signal } : {}), nhs };
  return { ods, init };
}

const list = (value: string | readonly string[] | undefined) =>
  value === undefined ? undefined : (typeof value === "string" ? [value] : [...value]).map(snomedToken).join(",");

/** Search parameters by their wire names; several codes are joined with commas (NRL ORs them). */
export function wireSearchParams(params: {
  nhsNumber: string;
  type?: string | readonly string[] | undefined;
  category?: string | readonly string[] | undefined;
  custodian?: string | undefined;
}) {
  const type = list(params.type);
  const category = list(params.category);
  return {
    "subject:identifier": subjectIdentifier(params.nhsNumber),
    ...(params.custodian ? { "custodian:identifier": custodianIdentifier(params.custodian) } : {}),
    ...(type ? { type } : {}),
    ...(category ? { category } : {}),
  };
}

/** Pointers from a searchset Bundle. */
export function entriesOf<R>(bundle: { entry?: ReadonlyArray<{ resource?: R }> }): R[] {
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}
