import { isValidNhsNumber } from "@nhskit/core";
import { fhirResponse, outcomeResponse } from "@nhskit/mock-kit";
import { badRequest, headerProblem, invalidNhsNumber, notFound } from "./checks.js";
import type { FhirResource } from "./fixtures.js";

interface Patch {
  op?: unknown;
  path?: unknown;
  value?: unknown;
}

const forbidden = (request: Request, diagnostics: string) =>
  outcomeResponse(request, 403, {
    code: "forbidden",
    spineCode: "FORBIDDEN_UPDATE",
    display: "Forbidden update",
    diagnostics,
  });

const invalidUpdate = (request: Request, diagnostics: string) =>
  badRequest(request, "INVALID_UPDATE", `Invalid update with error - ${diagnostics}`, "structure");

function pointer(path: string): string[] {
  return path
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** A small RFC 6902 apply for add/replace/remove/test, enough for the sandbox's patches. */
function applyPatch(
  doc: Record<string, unknown>,
  patch: Required<Pick<Patch, "op" | "path">> & Patch,
): string | undefined {
  const parts = pointer(patch.path as string);
  const last = parts.pop();
  if (last === undefined) return "cannot patch the whole resource";
  let target: unknown = doc;
  for (const part of parts) {
    target = (target as Record<string, unknown> | undefined)?.[part];
    if (target === undefined || target === null || typeof target !== "object")
      return `path ${patch.path} does not exist`;
  }
  const container = target as Record<string, unknown> | unknown[];
  if (Array.isArray(container)) {
    const index = last === "-" ? container.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > container.length) return `path ${patch.path} does not exist`;
    if (patch.op === "add") container.splice(index, 0, patch.value);
    else if (patch.op === "replace") container[index] = patch.value;
    else if (patch.op === "remove") container.splice(index, 1);
    else if (JSON.stringify(container[index]) !== JSON.stringify(patch.value)) return `test failed at ${patch.path}`;
    return undefined;
  }
  if (patch.op === "add" || patch.op === "replace") container[last] = patch.value;
  else if (patch.op === "remove") delete container[last];
  else if (JSON.stringify(container[last]) !== JSON.stringify(patch.value)) return `test failed at ${patch.path}`;
  return undefined;
}

/** PATCH /Patient/{id}: checks in the hosted sandbox's order, then applies the patch to a copy (never stored). */
export async function updatePatient(request: Request, id: string, store: Map<string, FhirResource>): Promise<Response> {
  if (!isValidNhsNumber(id)) return invalidNhsNumber(request);
  const ifMatch = request.headers.get("if-match");
  if (ifMatch === null) {
    return outcomeResponse(request, 412, {
      code: "value",
      spineCode: "PRECONDITION_FAILED",
      display: "Required condition was not fulfilled",
      diagnostics: "Invalid request with error - If-Match header must be supplied to update this resource",
    });
  }
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) {
    return badRequest(
      request,
      "UNSUPPORTED_SERVICE",
      "Invalid request with error - Content-Type must be application/json-patch+json",
      "processing",
    );
  }
  const headers = headerProblem(request);
  if (headers) return headers;
  const stored = store.get(id);
  if (!stored) return notFound(request);
  const version = Number((stored.meta as { versionId?: string } | undefined)?.versionId ?? "1");
  if (ifMatch !== `W/"${version}"`) {
    return outcomeResponse(request, 409, {
      code: "conflict",
      spineCode: "RESOURCE_VERSION_MISMATCH",
      display: "Resource version mismatch",
      diagnostics: `Invalid update with error - This resource has changed since you last read. Please re-read and try again with the new version number. The current version is W/"${version}"`,
    });
  }
  let body: { patches?: unknown };
  try {
    body = (await request.json()) as { patches?: unknown };
  } catch {
    return badRequest(request, "INVALID_UPDATE", "Invalid update with error - body is not valid JSON", "structure");
  }
  const patches = Array.isArray(body?.patches) ? (body.patches as Patch[]) : [];
  if (patches.length === 0) return invalidUpdate(request, "No patches found");
  for (const [i, p] of patches.entries()) {
    if (!["add", "replace", "remove", "test"].includes(p.op as string)) {
      return badRequest(request, "INVALID_VALUE", `Invalid value - '${String(p.op)}' in field '${i}/op'`);
    }
    if (typeof p.path !== "string" || !p.path.startsWith("/")) {
      return badRequest(request, "INVALID_VALUE", `Invalid value - '${String(p.path)}' in field '${i}/path'`);
    }
  }
  // Address changes must first pin the address they apply to by its id.
  const touchesAddress = patches.some((p) => (p.path as string).startsWith("/address/0") && p.path !== "/address/0/id");
  const pinsAddress = patches.some(
    (p) => (p.op === "test" || p.op === "replace") && (p.path === "/address/0/id" || p.path === "/address/0"),
  );
  if (touchesAddress && !pinsAddress) return invalidUpdate(request, "no id or url found for path with root /address/0");
  for (const p of patches) {
    if (p.op === "remove" && p.path === "/birthDate")
      return forbidden(request, "Forbidden update with error - not permitted to remove 'birthDate'");
    if (p.op === "remove" && p.path === "/gender")
      return forbidden(request, "Forbidden update with error - not permitted to remove 'gender'");
    if (p.op === "remove" && p.path === "/name/0")
      return forbidden(request, "Forbidden update with error - not permitted to remove usual name");
    if (
      p.op === "add" &&
      /^\/name\/(\d+|-)$/.test(p.path as string) &&
      (p.value as { use?: unknown } | null)?.use === "usual"
    ) {
      return forbidden(request, "Forbidden update with error - multiple usual names cannot be added");
    }
  }
  const updated = structuredClone(stored) as Record<string, unknown>;
  for (const p of patches) {
    const problem = applyPatch(updated, p as Required<Pick<Patch, "op" | "path">> & Patch);
    if (problem) return invalidUpdate(request, problem);
  }
  const next = version + 1;
  updated.meta = { ...(updated.meta as object), versionId: String(next) };
  return fhirResponse(request, updated, { headers: { ETag: `W/"${next}"` } });
}
