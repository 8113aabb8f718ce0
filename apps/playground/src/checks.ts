import type { ApiEntry } from "@nhskit/catalogue";
import { nhsNumberProblem } from "@nhskit/core";
import { searchParamsSchema } from "@nhskit/pds/schemas";
import type { Operation, Param } from "./operations.js";

export interface FormValues {
  path: Record<string, string>;
  query: Record<string, string>;
  header: Record<string, string>;
  body: string;
}

export interface Prepared {
  params: { path: Record<string, string>; query: Record<string, unknown>; header: Record<string, string> };
  body: unknown;
}

const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number|";

/** Is this parameter an NHS number? Named so, or PDS's `id` and `subscriber:identifier`. */
function holdsNhsNumber(api: ApiEntry, op: Operation, param: Param): boolean {
  if (/nhs.?number/i.test(param.name)) return true;
  return (
    api.id === "pds" &&
    ((param.name === "id" && op.path.startsWith("/Patient/")) || param.name === "subscriber:identifier")
  );
}

function typed(param: Param, text: string): unknown {
  if (param.type.startsWith("array")) {
    const items = text
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    return param.type === "array of integer" || param.type === "array of number" ? items.map(Number) : items;
  }
  if (param.type === "integer" || param.type === "number") return Number(text);
  if (param.type === "boolean") return text === "true";
  return text;
}

/**
 * The checks the clients make, before anything is sent: required values, NHS numbers (the same modulus-11
 * check the clients use), PDS search parameters (the PDS client's own zod schema), numbers, enums and JSON.
 */
export function prepare(api: ApiEntry, op: Operation, values: FormValues): { prepared?: Prepared; errors: string[] } {
  const errors: string[] = [];
  const params: Prepared["params"] = { path: {}, query: {}, header: {} };
  for (const param of op.params) {
    const raw = (values[param.in][param.name] ?? "").trim();
    if (raw === "") {
      if (param.required && !param.managed) errors.push(`${param.in} parameter "${param.name}" is required`);
      continue;
    }
    if (holdsNhsNumber(api, op, param)) {
      const nhs = raw.startsWith(NHS_NUMBER_SYSTEM) ? raw.slice(NHS_NUMBER_SYSTEM.length) : raw;
      const problem = nhsNumberProblem(nhs);
      if (problem) errors.push(`${param.name}: ${problem}`);
    }
    if (raw.startsWith(NHS_NUMBER_SYSTEM)) {
      const problem = nhsNumberProblem(raw.slice(NHS_NUMBER_SYSTEM.length));
      if (problem) errors.push(`${param.name}: ${problem}`);
    }
    const value = typed(param, raw);
    if (typeof value === "number" && Number.isNaN(value)) errors.push(`${param.name} must be a number`);
    if (param.enum && !param.enum.includes(raw)) errors.push(`${param.name} must be one of ${param.enum.join(", ")}`);
    (params[param.in] as Record<string, unknown>)[param.name] = value;
  }
  if (api.id === "pds" && op.key === "GET /Patient") {
    const result = searchParamsSchema.safeParse(params.query);
    if (!result.success)
      for (const issue of result.error.issues) errors.push(`${issue.path.join(".") || "query"}: ${issue.message}`);
  }
  let body: unknown;
  if (op.body && values.body.trim() !== "") {
    try {
      body = JSON.parse(values.body);
    } catch (error) {
      errors.push(`the body is not valid JSON (${(error as Error).message})`);
    }
  } else if (op.body?.required) {
    errors.push("this operation needs a JSON body");
  }
  return errors.length ? { errors } : { prepared: { params, body }, errors };
}
