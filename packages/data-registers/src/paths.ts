import { NhsValidationError, type ValidationIssue } from "@nhskit/core";

/** The five operations of nhskit's provisional model. */
export type DataRegistersOperation =
  | "listRegisters"
  | "getRegister"
  | "listRegisterEntries"
  | "getRegisterEntry"
  | "listRegisterSnapshots";

/** Path templates (relative to the base URL) for each operation; override any of them with `paths`. */
export type DataRegistersPaths = Record<DataRegistersOperation, string>;

/**
 * nhskit's guess at the paths (openapi.yaml). Nothing is published: when NHS England documents the real
 * interface, pass its paths as the `paths` option until nhskit catches up.
 */
export const DEFAULT_PATHS: Readonly<DataRegistersPaths> = Object.freeze({
  listRegisters: "/registers",
  getRegister: "/registers/{registerId}",
  listRegisterEntries: "/registers/{registerId}/entries",
  getRegisterEntry: "/registers/{registerId}/entries/{code}",
  listRegisterSnapshots: "/registers/{registerId}/snapshots",
});

const NEEDS: Record<DataRegistersOperation, readonly string[]> = {
  listRegisters: [],
  getRegister: ["registerId"],
  listRegisterEntries: ["registerId"],
  getRegisterEntry: ["registerId", "code"],
  listRegisterSnapshots: ["registerId"],
};

/** Checks `paths` overrides and merges them over the defaults. Throws NhsValidationError naming each problem. */
export function resolvePaths(operation: string, overrides: unknown): DataRegistersPaths {
  if (overrides === undefined) return { ...DEFAULT_PATHS };
  const issues: ValidationIssue[] = [];
  if (typeof overrides !== "object" || overrides === null || Array.isArray(overrides)) {
    throw new NhsValidationError(operation, [{ path: "paths", message: "must map operation names to path templates" }]);
  }
  const merged: DataRegistersPaths = { ...DEFAULT_PATHS };
  for (const [name, template] of Object.entries(overrides)) {
    if (!(name in NEEDS)) {
      issues.push({ path: `paths.${name}`, message: `is not an operation; use ${Object.keys(NEEDS).join(", ")}` });
      continue;
    }
    const needs = NEEDS[name as DataRegistersOperation];
    const where = `paths.${name}`;
    if (
      typeof template !== "string" ||
      !template.startsWith("/") ||
      /[?#\s]/.test(template) ||
      template.includes("..")
    ) {
      issues.push({
        path: where,
        message: "must be a path template starting with / (no query, fragment, spaces or ..)",
      });
      continue;
    }
    const placeholders = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
    const unknown = placeholders.filter((p) => !needs.includes(p));
    const missing = needs.filter((p) => !placeholders.includes(p));
    if (unknown.length)
      issues.push({ path: where, message: `has unknown placeholder(s) ${unknown.map((p) => `{${p}}`).join(", ")}` });
    if (missing.length) issues.push({ path: where, message: `needs ${missing.map((p) => `{${p}}`).join(" and ")}` });
    if (/[{}]/.test(template.replace(/\{[^{}]*\}/g, "")))
      issues.push({ path: where, message: "has an unbalanced brace" });
    merged[name as DataRegistersOperation] = template;
  }
  if (issues.length) throw new NhsValidationError(operation, issues);
  return merged;
}

/** Fills a template's placeholders, each value percent-encoded as one path segment. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^{}]+)\}/g, (_all, name: string) => encodeURIComponent(values[name] ?? ""));
}
