import type { ValidationIssue } from "./errors.js";

// CR/LF would let a value start a new header (header injection); NUL and other controls are never valid.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Header values: no line breaks or control characters. The value itself is never echoed (it may be a token). */
export function checkHeaders(headers: unknown, where: string, issues: ValidationIssue[]): void {
  if (headers === undefined || headers === null) return;
  const entries: Array<[string, unknown]> =
    headers instanceof Headers
      ? [...headers.entries()]
      : Array.isArray(headers)
        ? (headers as Array<[string, unknown]>)
        : Object.entries(headers as Record<string, unknown>);
  for (const [name, value] of entries) {
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) {
      issues.push({ path: `${where}.${JSON.stringify(name)}`, message: "is not a valid header name" });
      continue;
    }
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === "string" && CONTROL.test(v)) {
        issues.push({
          path: `${where}.${name}`,
          message: "contains a line break or control character, which is not allowed in a header value",
        });
      }
    }
  }
}

/** Path parameters must stay one path segment: no `/`, `\`, `..`, `?`, `#`, and not empty. */
export function checkPathParams(params: unknown, issues: ValidationIssue[]): void {
  if (params === undefined || params === null || typeof params !== "object") return;
  for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
    const where = `path.${name}`;
    if (typeof value === "number" || typeof value === "bigint") {
      if (typeof value === "number" && !Number.isFinite(value))
        issues.push({ path: where, message: "must be a finite number" });
      continue;
    }
    if (typeof value === "boolean") continue;
    if (typeof value !== "string") {
      issues.push({
        path: where,
        message: `must be a string or number, not ${value === null ? "null" : typeof value}`,
      });
      continue;
    }
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    if (value.trim() === "") issues.push({ path: where, message: "must not be empty" });
    else if (
      value === "." ||
      value === ".." ||
      value.includes("../") ||
      value.includes("/..") ||
      value.includes("..\\")
    )
      issues.push({ path: where, message: `${shown} must not contain ".." (it would change the path)` });
    else if (/[/\\]/.test(value))
      issues.push({ path: where, message: `${shown} must not contain "/" or "\\" (one path segment only)` });
    else if (/[?#]/.test(value)) issues.push({ path: where, message: `${shown} must not contain "?" or "#"` });
    else if (CONTROL.test(value)) issues.push({ path: where, message: "must not contain control characters" });
  }
}
