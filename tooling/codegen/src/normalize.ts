// Normalization of bundled OpenAPI 3 documents.
//
// Upstream prose must never be committed verbatim, so descriptions, summaries, examples, external docs and
// vendor extensions are removed from upstream documents. The walk is typed: it knows which object it is in,
// so `description` is dropped where it is an OpenAPI keyword but kept where it is a name (a schema property
// called `description`, as FHIR resources have) or a literal value (enum, default, required, ...).

import { isObject, type Json, type JsonObject } from "./openapi.js";
import { ensureOperationIds } from "./operation-ids.js";

type Kind =
  | "Root"
  | "Info"
  | "Server"
  | "ServerVariable"
  | "PathItem"
  | "Operation"
  | "Parameter"
  | "RequestBody"
  | "MediaType"
  | "Encoding"
  | "Response"
  | "Header"
  | "Link"
  | "Schema"
  | "Components"
  | "SecurityScheme"
  | "OAuthFlows"
  | "OAuthFlow"
  | "Tag";

/** What a keyword holds: a typed object, a map of names to a shape, or a list of a shape. */
type Shape = Kind | { mapOf: Shape; extensible?: boolean } | { listOf: Shape };

const schemaMap: Shape = { mapOf: "Schema" };
const schemaList: Shape = { listOf: "Schema" };
const pathItemMap: Shape = { mapOf: "PathItem", extensible: true };
const mediaTypeMap: Shape = { mapOf: "MediaType" };
const headerMap: Shape = { mapOf: "Header" };
const serverList: Shape = { listOf: "Server" };

// Keywords not listed hold literal values (enum, default, required, security, style, ...), which are kept
// as they are and never walked into.
const SHAPES: Record<Kind, Record<string, Shape>> = {
  Root: {
    info: "Info",
    servers: serverList,
    paths: pathItemMap,
    webhooks: pathItemMap,
    components: "Components",
    tags: { listOf: "Tag" },
  },
  Info: {},
  Server: { variables: { mapOf: "ServerVariable" } },
  ServerVariable: {},
  PathItem: {
    get: "Operation",
    put: "Operation",
    post: "Operation",
    delete: "Operation",
    options: "Operation",
    head: "Operation",
    patch: "Operation",
    trace: "Operation",
    parameters: { listOf: "Parameter" },
    servers: serverList,
  },
  Operation: {
    parameters: { listOf: "Parameter" },
    requestBody: "RequestBody",
    responses: { mapOf: "Response", extensible: true },
    callbacks: { mapOf: pathItemMap },
    servers: serverList,
  },
  Parameter: { schema: "Schema", content: mediaTypeMap },
  RequestBody: { content: mediaTypeMap },
  MediaType: { schema: "Schema", encoding: { mapOf: "Encoding" } },
  Encoding: { headers: headerMap },
  Response: { headers: headerMap, content: mediaTypeMap, links: { mapOf: "Link" } },
  Header: { schema: "Schema", content: mediaTypeMap },
  Link: { server: "Server" },
  Schema: {
    properties: schemaMap,
    patternProperties: schemaMap,
    additionalProperties: "Schema",
    items: "Schema",
    prefixItems: schemaList,
    allOf: schemaList,
    anyOf: schemaList,
    oneOf: schemaList,
    not: "Schema",
    if: "Schema",
    // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a thenable
    then: "Schema",
    else: "Schema",
    contains: "Schema",
    propertyNames: "Schema",
    dependentSchemas: schemaMap,
    unevaluatedProperties: "Schema",
    unevaluatedItems: "Schema",
    $defs: schemaMap,
    definitions: schemaMap,
  },
  Components: {
    schemas: schemaMap,
    responses: { mapOf: "Response" },
    parameters: { mapOf: "Parameter" },
    requestBodies: { mapOf: "RequestBody" },
    headers: headerMap,
    securitySchemes: { mapOf: "SecurityScheme" },
    links: { mapOf: "Link" },
    callbacks: { mapOf: pathItemMap },
    pathItems: { mapOf: "PathItem" },
  },
  SecurityScheme: { flows: "OAuthFlows" },
  OAuthFlows: {
    implicit: "OAuthFlow",
    password: "OAuthFlow",
    clientCredentials: "OAuthFlow",
    authorizationCode: "OAuthFlow",
  },
  OAuthFlow: {},
  Tag: {},
};

/** Keywords that carry prose or sample data, removed wherever they are keywords. */
const UPSTREAM_ONLY_KEYWORDS = new Set(["description", "summary", "example", "examples", "externalDocs"]);

/** Our own extensions survive; every other x-* is upstream tooling metadata. */
const isForeignExtension = (key: string) => key.startsWith("x-") && !key.startsWith("x-nhskit-");

function walkShape(value: Json | undefined, shape: Shape): void {
  if (typeof shape === "string") {
    walkTyped(value, shape);
    return;
  }
  if ("listOf" in shape) {
    if (Array.isArray(value)) for (const item of value) walkShape(item, shape.listOf);
    return;
  }
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    // Keys of a map are names, not keywords; only maps that allow extensions (paths, responses, callbacks)
    // can hold x-* keys that are not names.
    if (shape.extensible && isForeignExtension(key)) delete value[key];
    else walkShape(value[key], shape.mapOf);
  }
}

function walkTyped(node: Json | undefined, kind: Kind): void {
  // `additionalProperties: true` and friends are booleans; nothing to do.
  if (!isObject(node)) return;
  const shapes = SHAPES[kind];
  for (const key of Object.keys(node)) {
    if (UPSTREAM_ONLY_KEYWORDS.has(key) || isForeignExtension(key)) {
      delete node[key];
      continue;
    }
    const shape = shapes[key];
    if (shape !== undefined) walkShape(node[key], shape);
  }
  if (kind === "Response" && typeof node.$ref !== "string") {
    // Response.description is required by OpenAPI 3.0; keep the document valid without upstream text
    // (first, where it conventionally sits).
    const rest = { ...node };
    for (const key of Object.keys(node)) delete node[key];
    Object.assign(node, { description: "" }, rest);
  }
  if (kind === "Info") {
    delete node.contact;
    delete node.termsOfService;
  }
  if (kind === "OAuthFlow" && isObject(node.scopes)) {
    // Scope descriptions are prose too; the scope names are what matter.
    for (const scope of Object.keys(node.scopes)) node.scopes[scope] = "";
  }
}

/** Remove upstream prose (see the top of this file). Mutates `doc`. */
export function stripUpstreamProse(doc: JsonObject): void {
  walkTyped(doc, "Root");
}

/** Facts recorded in info.description of an upstream document. */
export interface Provenance {
  repository: string;
  commit: string;
  licence: string;
  /** Version to publish instead of a placeholder; upstream's own version is used when absent. */
  version?: string;
}

const UNKNOWN_VERSION = "0.0.0-upstream";

/** A real version looks like 1, 1.2 or 1.2.3-alpha; "{VERSION}" or "Computed ... at build time" do not. */
export function isPlaceholderVersion(version: Json | undefined): boolean {
  return typeof version !== "string" || !/^v?\d+(\.\d+)*([-+][0-9A-Za-z.-]+)?$/.test(version.trim());
}

export function provenanceLine({ repository, commit, licence }: Provenance): string {
  return `Normalized by nhskit from ${repository}@${commit} (${licence}). Upstream prose removed.`;
}

/** Rebuild info: upstream title, our one-line description, a real version. */
export function rewriteInfo(doc: JsonObject, provenance: Provenance): void {
  const upstream = isObject(doc.info) ? doc.info : {};
  const version =
    provenance.version ?? (isPlaceholderVersion(upstream.version) ? UNKNOWN_VERSION : String(upstream.version).trim());
  const info: JsonObject = {
    title: upstream.title ?? "",
    description: provenanceLine(provenance),
    version,
  };
  if (isObject(upstream.license)) info.license = upstream.license;
  doc.info = info;
}

/** Sort each components map by name, so output is stable however upstream orders or the bundler hoists. */
export function sortComponents(doc: JsonObject): void {
  const components = doc.components;
  if (!isObject(components)) return;
  for (const [section, map] of Object.entries(components)) {
    if (!isObject(map)) continue;
    const sorted: JsonObject = {};
    for (const name of Object.keys(map).sort()) sorted[name] = map[name];
    components[section] = sorted;
  }
}

const TOP_LEVEL_ORDER = ["openapi", "info", "servers", "security", "tags", "paths", "webhooks", "components"];

/** Put the top-level keys in the conventional order (swagger2openapi, for one, appends `servers` last). */
export function orderTopLevel(doc: JsonObject): void {
  const rank = (key: string) => {
    const index = TOP_LEVEL_ORDER.indexOf(key);
    return index < 0 ? TOP_LEVEL_ORDER.length : index;
  };
  const entries = Object.entries(doc).sort(([a], [b]) => rank(a) - rank(b));
  for (const key of Object.keys(doc)) delete doc[key];
  for (const [key, value] of entries) doc[key] = value;
}

// Headers that @nhskit/core or @nhskit/auth set on every call. Specs mark some of them required, which would
// force every caller to pass them by hand; they stay in the types as optional overrides.
const MANAGED_HEADERS = new Set(["authorization", "x-request-id", "x-correlation-id", "apikey"]);

/** Mark the headers core and auth supply as optional, tagged `x-nhskit-managed`. Returns how many changed. */
export function relaxManagedHeaders(doc: JsonObject): number {
  let changed = 0;
  const visit = (param: Json | undefined) => {
    if (!isObject(param) || param.in !== "header" || typeof param.name !== "string") return;
    if (!MANAGED_HEADERS.has(param.name.toLowerCase())) return;
    param.required = false;
    param["x-nhskit-managed"] = true;
    changed += 1;
  };
  const components = isObject(doc.components) ? doc.components : {};
  if (isObject(components.parameters)) for (const param of Object.values(components.parameters)) visit(param);
  for (const pathItem of Object.values(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(pathItem)) continue;
    for (const value of [pathItem, ...Object.values(pathItem)]) {
      if (isObject(value) && Array.isArray(value.parameters)) for (const param of value.parameters) visit(param);
    }
  }
  return changed;
}

/** Upstream documents: strip prose, rewrite info, operationIds, stable component order. Mutates `doc`. */
export function normalizeUpstream(doc: JsonObject, provenance: Provenance): JsonObject {
  stripUpstreamProse(doc);
  rewriteInfo(doc, provenance);
  relaxManagedHeaders(doc);
  ensureOperationIds(doc);
  sortComponents(doc);
  orderTopLevel(doc);
  return doc;
}

/** Hand-written documents are our own text: nothing is removed; only operationIds and key order. */
export function normalizeHandWritten(doc: JsonObject): JsonObject {
  relaxManagedHeaders(doc);
  ensureOperationIds(doc);
  sortComponents(doc);
  orderTopLevel(doc);
  return doc;
}
