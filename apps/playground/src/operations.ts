import type { OpenApiDocument } from "./specs.js";

export type ParamLocation = "path" | "query" | "header";

export interface Param {
  name: string;
  in: ParamLocation;
  required: boolean;
  type: string;
  enum?: string[];
  /** Header parameters core or auth send for you (X-Request-ID, Authorization...). */
  managed: boolean;
}

export interface Operation {
  key: string;
  operationId: string;
  method: string;
  path: string;
  params: Param[];
  body?: { contentType: string; required: boolean; schema: unknown };
}

const METHODS = ["get", "post", "put", "patch", "delete", "head"];
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Follows a local `#/components/...` reference (documents are bundled, so there are no others). */
export function deref(doc: OpenApiDocument, value: unknown, depth = 0): unknown {
  if (!isObj(value) || typeof value.$ref !== "string" || depth > 20) return value;
  const parts = value.$ref.replace(/^#\//, "").split("/");
  let target: unknown = doc;
  for (const part of parts) target = isObj(target) ? target[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  return deref(doc, target, depth + 1);
}

function toParam(doc: OpenApiDocument, raw: unknown): Param | undefined {
  const p = deref(doc, raw);
  if (!isObj(p) || typeof p.name !== "string" || !["path", "query", "header"].includes(p.in as string))
    return undefined;
  const schema = deref(doc, p.schema);
  const s = isObj(schema) ? schema : {};
  const items = isObj(s.items) ? (deref(doc, s.items) as Obj) : undefined;
  const enumValues = Array.isArray(s.enum) ? s.enum : Array.isArray(items?.enum) ? items.enum : undefined;
  return {
    name: p.name,
    in: p.in as ParamLocation,
    required: p.required === true || p.in === "path",
    type:
      typeof s.type === "string"
        ? s.type === "array"
          ? `array of ${String(items?.type ?? "string")}`
          : s.type
        : "string",
    ...(enumValues ? { enum: enumValues.map(String) } : {}),
    managed: p["x-nhskit-managed"] === true,
  };
}

/** Every operation of a document, in document order, with path- and operation-level parameters merged. */
export function listOperations(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!isObj(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObj(op)) continue;
      const params = new Map<string, Param>();
      for (const raw of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
        const param = toParam(doc, raw);
        if (param) params.set(`${param.in}:${param.name.toLowerCase()}`, param);
      }
      const body = deref(doc, op.requestBody);
      const content = isObj(body) && isObj(body.content) ? body.content : undefined;
      const contentType = content ? Object.keys(content)[0] : undefined;
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        operationId: typeof op.operationId === "string" ? op.operationId : `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        params: [...params.values()],
        ...(content && contentType
          ? {
              body: {
                contentType,
                required: isObj(body) && body.required === true,
                schema: deref(doc, (content[contentType] as Obj | undefined)?.schema),
              },
            }
          : {}),
      });
    }
  }
  return out;
}

/** A starting body from the schema: required fields with placeholder values. */
export function skeleton(doc: OpenApiDocument, schema: unknown, depth = 0): unknown {
  const s = deref(doc, schema);
  if (!isObj(s) || depth > 4) return null;
  if (Array.isArray(s.allOf) && s.allOf.length) return skeleton(doc, s.allOf[0], depth + 1);
  if (Array.isArray(s.oneOf) && s.oneOf.length) return skeleton(doc, s.oneOf[0], depth + 1);
  if (Array.isArray(s.anyOf) && s.anyOf.length) return skeleton(doc, s.anyOf[0], depth + 1);
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  switch (s.type) {
    case "object": {
      const props = isObj(s.properties) ? s.properties : {};
      const required = Array.isArray(s.required) ? (s.required as string[]) : [];
      const out: Obj = {};
      for (const name of required) out[name] = skeleton(doc, props[name], depth + 1);
      return out;
    }
    case "array":
      return [skeleton(doc, s.items, depth + 1)];
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return false;
    default:
      return "";
  }
}
