import { isValidNhsNumber } from "@nhskit/core";
import { fhirResponse } from "@nhskit/mock-kit";
import { NHS_NUMBER_SYSTEM } from "../codes.js";
import type { StoredPointer } from "./fixtures.js";
import type { Caller } from "./gate.js";
import { backendError } from "./outcomes.js";

/** Search parameters as received (query string or JSON body), by wire name. */
export type SearchInput = Record<string, unknown>;

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const tokens = (v: unknown) =>
  str(v)
    ?.split(",")
    .map((t) => t.trim())
    .filter(Boolean);

/** `system|code` of a pointer's type or first category. */
export function codingToken(coding: unknown): string | undefined {
  const c = coding as { system?: unknown; code?: unknown } | undefined;
  return typeof c?.system === "string" && typeof c?.code === "string" ? `${c.system}|${c.code}` : undefined;
}

export const typeToken = (p: StoredPointer) => codingToken((p.type as { coding?: unknown[] } | undefined)?.coding?.[0]);
const categoryTokens = (p: StoredPointer) =>
  ((p.category as Array<{ coding?: unknown[] }> | undefined) ?? []).map((c) => codingToken(c.coding?.[0]));
export const subjectOf = (p: StoredPointer) =>
  (p.subject as { identifier?: { value?: string } } | undefined)?.identifier?.value;
export const custodianOf = (p: StoredPointer) =>
  (p.custodian as { identifier?: { value?: string } } | undefined)?.identifier?.value;

export function queryInput(request: Request): SearchInput {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/**
 * Consumer and producer search (GET and POST _search share it). A producer only sees pointers it holds.
 * The smoke tests' `subject.identifier` spelling is accepted as well as `subject:identifier`.
 */
export function search(
  request: Request,
  pointers: Iterable<StoredPointer>,
  caller: Caller,
  input: SearchInput,
  selfBase: string,
  producer: boolean,
): Response {
  const subject = str(input["subject:identifier"]) ?? str(input["subject.identifier"]);
  const prefix = `${NHS_NUMBER_SYSTEM}|`;
  const nhsNumber = subject?.startsWith(prefix) ? subject.slice(prefix.length) : undefined;
  if (!isValidNhsNumber(nhsNumber)) {
    return backendError(request, 400, {
      code: "invalid",
      spineCode: "INVALID_NHS_NUMBER",
      diagnostics: "A valid NHS number is required to search for document references",
      expression: ["subject:identifier"],
    });
  }
  const types = tokens(input.type);
  if (types?.some((t) => !caller.pointerTypes.includes(t))) {
    return backendError(request, 400, {
      code: "code-invalid",
      spineCode: "INVALID_CODE_SYSTEM",
      diagnostics:
        "Invalid query parameter (The provided type system does not match the allowed types for this organisation)",
      expression: ["type"],
    });
  }
  const summary = str(input._summary);
  if (summary !== undefined && summary !== "count") {
    return backendError(request, 400, {
      code: "invalid",
      spineCode: "INVALID_PARAMETER",
      diagnostics: "Invalid query parameter",
      expression: ["_summary"],
    });
  }
  const categories = tokens(input.category);
  const custodianParam = producer ? undefined : str(input["custodian:identifier"]);
  const custodian = producer ? caller.ods : custodianParam?.slice(custodianParam.indexOf("|") + 1);
  const wanted = types ?? caller.pointerTypes;

  const found = [...pointers].filter(
    (p) =>
      subjectOf(p) === nhsNumber &&
      wanted.includes(typeToken(p) ?? "") &&
      (custodian === undefined || custodianOf(p) === custodian) &&
      (categories === undefined || categoryTokens(p).some((c) => c !== undefined && categories.includes(c))),
  );

  let self = `${selfBase}/DocumentReference?subject:identifier=${prefix}${nhsNumber}`;
  if (custodianParam) self += `&custodian:identifier=${custodianParam}`;
  if (types) self += `&type=${types.join(",")}`;
  if (categories) self += `&category=${categories.join(",")}`;
  if (summary) self += "&_summary=count";

  return fhirResponse(request, {
    resourceType: "Bundle",
    type: "searchset",
    total: found.length,
    link: [{ relation: "self", url: self }],
    ...(summary ? {} : { entry: found.map((resource) => ({ resource })) }),
  });
}
