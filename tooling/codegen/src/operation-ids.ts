// operationIds: openapi-typescript names the `operations` export after them, and clients call operations by
// them, so every operation needs one and they must be unique within a document.

import { type HttpMethod, type JsonObject, type OperationRef, operationsOf } from "./openapi.js";

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Words of one path segment: "$ers.fetchworklist" -> ["ers", "fetchworklist"], "health-a-to-z" -> [...]. */
function words(segment: string): string[] {
  return segment.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
}

/**
 * A camelCase id from method and path: `GET /Patient/{id}/Appointment` -> `getPatientAppointment`,
 * `GET /Patient/{id}` -> `getPatientById`, `POST /Task#return` -> `postTaskReturn`, `GET /` -> `getRoot`.
 * Parameters in the middle of a path are left out; trailing ones become "By<Name>".
 */
export function deriveOperationId(method: HttpMethod, path: string): string {
  const segments = path.split(/[/#]/).filter((segment) => segment.length > 0);
  const isParam = (segment: string) => /^\{.+\}$/.test(segment);
  let end = segments.length;
  while (end > 0 && isParam(segments[end - 1] ?? "")) end--;
  const base = segments
    .slice(0, end)
    .filter((segment) => !isParam(segment))
    .flatMap(words)
    .map(capitalise)
    .join("");
  const trailing = segments.slice(end).flatMap((segment) => words(segment).map(capitalise).join(""));
  const by = trailing.length > 0 ? `By${trailing.join("And")}` : "";
  return `${method}${base || "Root"}${by}`;
}

/**
 * Give every operation an operationId and make them unique. Upstream ids are kept (a later duplicate gets a
 * numeric suffix); missing ones are derived afterwards, so a derived id never takes an upstream id's name.
 * Returns how many ids were set or changed.
 */
export function ensureOperationIds(doc: JsonObject): number {
  const taken = new Set<string>();
  let changed = 0;
  const assign = (operation: JsonObject, wanted: string) => {
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}${n}`;
    taken.add(id);
    if (operation.operationId !== id) {
      operation.operationId = id;
      changed++;
    }
  };
  const missing: OperationRef[] = [];
  for (const ref of operationsOf(doc)) {
    const current = typeof ref.operation.operationId === "string" ? ref.operation.operationId.trim() : "";
    if (current) assign(ref.operation, current);
    else missing.push(ref);
  }
  for (const { method, path, operation } of missing) assign(operation, deriveOperationId(method, path));
  return changed;
}
