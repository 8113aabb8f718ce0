// Minimal JSON / OpenAPI helpers shared by the pipeline steps. Documents are handled as plain JSON trees
// (not typed OpenAPI models) because upstream documents are often not valid against any strict model.

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json | undefined;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object at `key`, created if missing (throws if something else is there). */
export function objectAt(parent: JsonObject, key: string): JsonObject {
  const existing = parent[key];
  if (existing === undefined) {
    const created: JsonObject = {};
    parent[key] = created;
    return created;
  }
  if (!isObject(existing)) throw new Error(`expected an object at "${key}"`);
  return existing;
}

export function pathsOf(doc: JsonObject): JsonObject {
  const paths = doc.paths;
  return isObject(paths) ? paths : {};
}

export interface OperationRef {
  path: string;
  method: HttpMethod;
  pathItem: JsonObject;
  operation: JsonObject;
}

/** Every operation in document order (paths in key order, methods in OpenAPI order). */
export function operationsOf(doc: JsonObject): OperationRef[] {
  const result: OperationRef[] = [];
  for (const [path, pathItem] of Object.entries(pathsOf(doc))) {
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) result.push({ path, method, pathItem, operation });
    }
  }
  return result;
}

/** Resolve a local `#/...` JSON pointer; undefined when it does not resolve. */
export function resolveLocalRef(doc: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith("#/")) return undefined;
  let node: Json | undefined = doc;
  for (const raw of ref.slice(2).split("/")) {
    const segment = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isObject(node)) return undefined;
    node = node[segment];
  }
  return node;
}

/** A `$ref` chain followed to its target object (one document, local refs only). */
export function derefObject(doc: JsonObject, value: Json | undefined): JsonObject | undefined {
  let node = value;
  for (let hops = 0; hops < 20 && isObject(node) && typeof node.$ref === "string"; hops++) {
    node = resolveLocalRef(doc, node.$ref);
  }
  return isObject(node) ? node : undefined;
}

/** Replace the key `from` with `to` keeping the key's position (object key order is the document order). */
export function renameKey(obj: JsonObject, from: string, to: string): void {
  if (!(from in obj) || from === to) return;
  if (to in obj) throw new Error(`cannot rename "${from}" to "${to}": "${to}" already exists`);
  const entries = Object.entries(obj);
  for (const key of Object.keys(obj)) delete obj[key];
  for (const [key, value] of entries) obj[key === from ? to : key] = value;
}

export function countOperations(doc: JsonObject): number {
  return operationsOf(doc).length;
}
