// Repairs for known upstream defects (each one is described in that API's SOURCE.md). A fix mutates the
// document in place and returns how many things it changed; the pipeline treats 0 as an error, so a fix that
// no longer matches (because upstream repaired the defect) is noticed and removed from sources.ts.
//
// "source" fixes run on the upstream entry file before bundling (they must: bundling would otherwise try to
// fetch the EPS proxygen URLs); "bundled" fixes run on the bundled OpenAPI 3 document before normalization.

import {
  derefObject,
  HTTP_METHODS,
  type HttpMethod,
  isObject,
  type Json,
  type JsonObject,
  objectAt,
  pathsOf,
  renameKey,
} from "./openapi.js";

export type FixStage = "source" | "bundled";

export interface Fix {
  stage: FixStage;
  apply: (doc: JsonObject) => number;
}

/** Our own marker on path items whose key carries a `#fragment`: the path actually sent on the wire. */
export const WIRE_PATH_EXTENSION = "x-nhskit-wire-path";

const PROXYGEN_PREFIX = "https://proxygen.prod.api.platform.nhs.uk/";

/**
 * EPS split specs take their security schemes from proxygen by absolute URL. Bundling must stay offline, so
 * define them locally as HTTP bearer (every one of them is an OAuth 2.0 access token sent as `Bearer`).
 */
export function replaceProxygenSecuritySchemes(doc: JsonObject): number {
  const components = doc.components;
  if (!isObject(components) || !isObject(components.securitySchemes)) return 0;
  let changed = 0;
  for (const [name, scheme] of Object.entries(components.securitySchemes)) {
    if (isObject(scheme) && typeof scheme.$ref === "string" && scheme.$ref.startsWith(PROXYGEN_PREFIX)) {
      components.securitySchemes[name] = { type: "http", scheme: "bearer" };
      changed++;
    }
  }
  return changed;
}

/** The placeholder operations the EPS split specs declare only so that the proxy routes their paths. */
export const EPS_ROUTING_PLACEHOLDERS: ReadonlyArray<readonly [HttpMethod, string]> = [
  ["post", "/FHIR/R4/$process-message"],
  ["post", "/FHIR/R4/$validate"],
  ["post", "/FHIR/R4/$convert"],
  ["post", "/FHIR/R4/Task"],
];

const PLACEHOLDER_SUMMARY = /^dummy operation for path$/i;

/**
 * Drop the EPS routing placeholders. Only operations upstream itself labels "dummy operation for path" are
 * removed, so a real operation that later appears at one of these paths survives. `GET /metadata` carries the
 * same label but is a real FHIR endpoint (the CapabilityStatement), so it is deliberately not in the list.
 */
export function dropEpsRoutingPlaceholders(doc: JsonObject): number {
  const paths = pathsOf(doc);
  let changed = 0;
  for (const [method, path] of EPS_ROUTING_PLACEHOLDERS) {
    const pathItem = paths[path];
    if (!isObject(pathItem)) continue;
    const operation = pathItem[method];
    if (!isObject(operation) || typeof operation.summary !== "string" || !PLACEHOLDER_SUMMARY.test(operation.summary)) {
      continue;
    }
    delete pathItem[method];
    changed++;
    if (!HTTP_METHODS.some((m) => pathItem[m] !== undefined)) delete paths[path];
  }
  return changed;
}

/**
 * EPS publishes several operations on one endpoint by suffixing the path key with `#event`. The fragment stays
 * in the key (each operation keeps its own typed path); the real path goes into `x-nhskit-wire-path`, which the
 * runtime uses (it strips the fragment before sending).
 */
export function annotateFragmentWirePaths(doc: JsonObject): number {
  const paths = pathsOf(doc);
  let changed = 0;
  for (const [path, pathItem] of Object.entries(paths)) {
    const hash = path.indexOf("#");
    if (hash < 0 || !isObject(pathItem)) continue;
    // Put our marker first so it is visible at the top of the path item.
    paths[path] = { [WIRE_PATH_EXTENSION]: path.slice(0, hash), ...pathItem };
    changed++;
  }
  return changed;
}

/**
 * Service Search names a security scheme (`OAuth_Token`) that it never defines. The API really takes an API
 * key in the `apikey` header, so define that scheme and point every dangling requirement at it.
 */
export function defineApiKeySecurityScheme(doc: JsonObject): number {
  const schemes = objectAt(objectAt(doc, "components"), "securitySchemes");
  const defined = (name: string) => name in schemes;
  let changed = 0;
  const repair = (security: Json | undefined): Json[] | undefined => {
    if (!Array.isArray(security)) return undefined;
    const dangling = security.some((req) => isObject(req) && Object.keys(req).some((name) => !defined(name)));
    if (!dangling) return undefined;
    changed++;
    return [{ apikey: [] }];
  };
  const rootSecurity = repair(doc.security);
  for (const pathItem of Object.values(pathsOf(doc))) {
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const repaired = repair(operation.security);
      if (repaired) operation.security = repaired;
    }
  }
  if (rootSecurity) doc.security = rootSecurity;
  if (changed > 0) schemes.apikey = { type: "apiKey", in: "header", name: "apikey" };
  return changed;
}

/**
 * Website Content declares pages as literal wildcards (`/conditions/*`), which is not an OpenAPI path template.
 * Turn the wildcard into a `{slug}` path parameter so a client can address a page.
 */
export function templateWildcardPaths(doc: JsonObject): number {
  const paths = pathsOf(doc);
  let changed = 0;
  for (const path of Object.keys(paths)) {
    if (!path.endsWith("/*")) continue;
    const templated = `${path.slice(0, -1)}{slug}`;
    renameKey(paths, path, templated);
    const pathItem = paths[templated];
    if (!isObject(pathItem)) continue;
    const parameters = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    pathItem.parameters = [{ name: "slug", in: "path", required: true, schema: { type: "string" } }, ...parameters];
    changed++;
  }
  return changed;
}

/** The GP Connect provider base URL is discovered at runtime (SDS), so the demonstrator server is dropped. */
export function clearServers(doc: JsonObject): number {
  const had = Array.isArray(doc.servers) ? doc.servers.length : 0;
  doc.servers = [];
  return had;
}

/** ODS Terminology declares the ValueSet expansion as `POST /ValueSet/`; the real endpoint is `/ValueSet/$expand`. */
export function renameOdsValueSetExpandPath(doc: JsonObject): number {
  const paths = pathsOf(doc);
  if (!("/ValueSet/" in paths)) return 0;
  renameKey(paths, "/ValueSet/", "/ValueSet/$expand");
  return 1;
}

/** ODS Terminology misspells the `_summary` search parameter as `_summmary`. */
export function renameOdsSummaryParameter(doc: JsonObject): number {
  let changed = 0;
  const visitParameters = (parameters: Json | undefined) => {
    if (!Array.isArray(parameters)) return;
    for (const parameter of parameters) {
      if (isObject(parameter) && parameter.name === "_summmary") {
        parameter.name = "_summary";
        changed++;
      }
    }
  };
  for (const pathItem of Object.values(pathsOf(doc))) {
    if (!isObject(pathItem)) continue;
    visitParameters(pathItem.parameters);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) visitParameters(operation.parameters);
    }
  }
  const components = doc.components;
  if (isObject(components) && isObject(components.parameters)) {
    visitParameters(Object.values(components.parameters).filter((p): p is JsonObject => isObject(p)));
  }
  return changed;
}

/** (in, name) identity of a parameter; header names compare case-insensitively, as HTTP does. */
function parameterKey(doc: JsonObject, parameter: Json): string | undefined {
  const resolved = derefObject(doc, parameter);
  if (!resolved || typeof resolved.in !== "string" || typeof resolved.name !== "string") return undefined;
  return resolved.in === "header" ? `header:${resolved.name.toLowerCase()}` : `${resolved.in}:${resolved.name}`;
}

/** Keep one parameter per (in, name); a later duplicate replaces the earlier one in place. */
function dedupeList(doc: JsonObject, parameters: Json[]): { list: Json[]; removed: number } {
  const byKey = new Map<string, number>();
  const list: Json[] = [];
  for (const parameter of parameters) {
    const key = parameterKey(doc, parameter);
    const seen = key === undefined ? undefined : byKey.get(key);
    if (seen !== undefined) {
      list[seen] = parameter;
      continue;
    }
    if (key !== undefined) byKey.set(key, list.length);
    list.push(parameter);
  }
  return { list, removed: parameters.length - list.length };
}

/**
 * BaRS lists header parameters twice: at path level and again on some operations. Per OpenAPI the
 * operation-level definition wins, so: keep one per (in, name) within each list; drop an operation-level copy
 * that is identical to the path-level one (it changes nothing); keep a different one (it overrides); and drop
 * a path-level parameter that every operation overrides (it is dead).
 */
export function dedupeParameters(doc: JsonObject): number {
  let changed = 0;
  for (const pathItem of Object.values(pathsOf(doc))) {
    if (!isObject(pathItem)) continue;
    const operations = HTTP_METHODS.map((m) => pathItem[m]).filter((op): op is JsonObject => isObject(op));
    const pathLevel = Array.isArray(pathItem.parameters) ? dedupeList(doc, pathItem.parameters) : undefined;
    changed += pathLevel?.removed ?? 0;
    const inherited = new Map<string, string>();
    for (const parameter of pathLevel?.list ?? []) {
      const key = parameterKey(doc, parameter);
      if (key !== undefined) inherited.set(key, JSON.stringify(parameter));
    }
    for (const operation of operations) {
      if (!Array.isArray(operation.parameters)) continue;
      const { list, removed } = dedupeList(doc, operation.parameters);
      const own = list.filter((parameter) => {
        const key = parameterKey(doc, parameter);
        return key === undefined || inherited.get(key) !== JSON.stringify(parameter);
      });
      changed += removed + list.length - own.length;
      if (own.length > 0) operation.parameters = own;
      else delete operation.parameters;
    }
    if (!pathLevel) continue;
    const overriddenEverywhere = (key: string | undefined) =>
      key !== undefined &&
      operations.length > 0 &&
      operations.every((op) => Array.isArray(op.parameters) && op.parameters.some((p) => parameterKey(doc, p) === key));
    const kept = pathLevel.list.filter((parameter) => !overriddenEverywhere(parameterKey(doc, parameter)));
    changed += pathLevel.list.length - kept.length;
    if (kept.length > 0) pathItem.parameters = kept;
    else delete pathItem.parameters;
  }
  return changed;
}

export const FIXES = {
  replaceProxygenSecuritySchemes: { stage: "source", apply: replaceProxygenSecuritySchemes },
  dropEpsRoutingPlaceholders: { stage: "source", apply: dropEpsRoutingPlaceholders },
  annotateFragmentWirePaths: { stage: "bundled", apply: annotateFragmentWirePaths },
  defineApiKeySecurityScheme: { stage: "bundled", apply: defineApiKeySecurityScheme },
  templateWildcardPaths: { stage: "bundled", apply: templateWildcardPaths },
  clearServers: { stage: "bundled", apply: clearServers },
  renameOdsValueSetExpandPath: { stage: "bundled", apply: renameOdsValueSetExpandPath },
  renameOdsSummaryParameter: { stage: "bundled", apply: renameOdsSummaryParameter },
  dedupeParameters: { stage: "bundled", apply: dedupeParameters },
} as const satisfies Record<string, Fix>;

export type FixName = keyof typeof FIXES;

/** Apply the named fixes of one stage, in the order listed; a fix that changes nothing is an error. */
export function applyFixes(doc: JsonObject, names: readonly FixName[], stage: FixStage, label: string): void {
  for (const name of names) {
    const fix: Fix = FIXES[name];
    if (fix.stage !== stage) continue;
    if (fix.apply(doc) === 0) {
      throw new Error(
        `${label}: fix "${name}" found nothing to change; upstream may have repaired it (remove it in src/sources.ts)`,
      );
    }
  }
}
