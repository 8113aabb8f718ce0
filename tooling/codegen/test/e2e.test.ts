// One end-to-end test per fix, against the real upstream specs. Nothing is written: generateDocument returns
// the outputs in memory.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EPS_ROUTING_PLACEHOLDERS } from "../src/fixes.js";
import { derefObject, isObject, type Json, type JsonObject, operationsOf } from "../src/openapi.js";
import { type DocumentResult, generateDocument } from "../src/pipeline.js";
import { locateSpecsDir, repoRoot, SPECS_DIR_ENV } from "../src/repo.js";
import { API_DOCUMENTS, documentLabel } from "../src/sources.js";
import { typeCheckSource } from "./typecheck.js";

const specs = locateSpecsDir(repoRoot());
const noSpecs = !specs.ok;
const title = specs.ok
  ? "end to end against the real specs"
  : `end to end against the real specs (SKIPPED: upstream specs folder not found; set ${SPECS_DIR_ENV})`;

type Generated = Extract<DocumentResult, { status: "generated" }>;

describe.skipIf(noSpecs)(title, () => {
  const results = new Map<string, Generated>();
  let outRoot: string;

  beforeAll(async () => {
    // Outputs are not written, but hand-written inputs would be read from here: keep them out of the way.
    outRoot = mkdtempSync(join(tmpdir(), "nhskit-e2e-"));
  });
  afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

  async function generated(label: string): Promise<Generated> {
    const cached = results.get(label);
    if (cached) return cached;
    const source = API_DOCUMENTS.find((s) => documentLabel(s) === label);
    if (!source) throw new Error(`no document ${label}`);
    const result = await generateDocument(source, { specsDir: specs.ok ? specs.dir : undefined, outRoot });
    if (result.status !== "generated") throw new Error(`${label} was skipped: ${result.reason}`);
    results.set(label, result);
    return result;
  }
  const pathsOf = (result: Generated) => result.document.paths as JsonObject;
  const typesOf = (result: Generated) => result.files[1]?.content ?? "";

  it("replaceProxygenSecuritySchemes: EPS split specs bundle offline with local bearer schemes", async () => {
    const prescribing = await generated("eps/prescribing");
    const dispensing = await generated("eps/dispensing");
    const bearer = { type: "http", scheme: "bearer" };
    expect((prescribing.document.components as JsonObject).securitySchemes).toEqual({
      "app-level0": bearer,
      "nhs-cis2-aal3": bearer,
    });
    expect((dispensing.document.components as JsonObject).securitySchemes).toEqual({
      "app-level0": bearer,
      "app-level3": bearer,
      "nhs-cis2-aal3": bearer,
    });
    expect(JSON.stringify(dispensing.document)).not.toContain("proxygen");
  });

  it("dropEpsRoutingPlaceholders: placeholders are gone, real operations and GET /metadata stay", async () => {
    for (const label of ["eps/prescribing", "eps/dispensing"]) {
      const result = await generated(label);
      for (const [method, path] of EPS_ROUTING_PLACEHOLDERS) {
        const pathItem = pathsOf(result)[path];
        expect(isObject(pathItem) ? pathItem[method] : undefined).toBeUndefined();
      }
      expect(pathsOf(result)["/metadata"]).toMatchObject({ get: { operationId: "metadata" } });
    }
    expect((await generated("eps/prescribing")).operations).toBe(4);
    expect((await generated("eps/dispensing")).operations).toBe(6);
  });

  it("annotateFragmentWirePaths: fragment paths stay distinct and carry the wire path", async () => {
    for (const label of ["eps", "eps/prescribing", "eps/dispensing"]) {
      const result = await generated(label);
      const fragmentPaths = Object.keys(pathsOf(result)).filter((path) => path.includes("#"));
      expect(fragmentPaths.length).toBeGreaterThan(0);
      for (const path of fragmentPaths) {
        expect(pathsOf(result)[path]).toMatchObject({ "x-nhskit-wire-path": path.split("#")[0] });
      }
    }
    const combined = await generated("eps");
    expect(Object.keys(pathsOf(combined))).toContain("/FHIR/R4/Task#withdraw");
    expect(typesOf(combined)).toContain('"/FHIR/R4/$process-message#prescription-order": {');
  });

  it("EPS DispenseClaim.yaml (TAB after a plain scalar) parses, and the TAB is not part of the value", async () => {
    const json = JSON.stringify((await generated("eps/dispensing")).document);
    expect(json).toContain('"Item fully dispensed"');
    expect(json).not.toContain("\\t");
  });

  it("defineApiKeySecurityScheme: Service Search uses an apikey header scheme", async () => {
    const result = await generated("service-search");
    expect(result.document.security).toEqual([{ apikey: [] }]);
    expect((result.document.components as JsonObject).securitySchemes).toEqual({
      apikey: { type: "apiKey", in: "header", name: "apikey" },
    });
  });

  it("templateWildcardPaths: Website Content pages are /conditions/{slug} and /medicines/{slug}", async () => {
    const result = await generated("website-content");
    const paths = Object.keys(pathsOf(result));
    expect(paths.filter((path) => path.includes("*"))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(["/conditions/{slug}", "/medicines/{slug}"]));
    expect(typesOf(result)).toMatch(/path: \{\s+slug: string;/);
    expect(result.operations).toBe(18);
  });

  it("Swagger 2.0 conversion + clearServers: GP Connect provider is OpenAPI 3.0 with no servers", async () => {
    const result = await generated("gp-connect-appointments/provider");
    expect(String(result.document.openapi)).toMatch(/^3\.0\./);
    expect(result.document.swagger).toBeUndefined();
    expect(result.document.servers).toEqual([]);
    expect(Object.keys(pathsOf(result))).toHaveLength(13);
    expect(result.operations).toBe(14);
  });

  it("renameOdsValueSetExpandPath + renameOdsSummaryParameter: ODS Terminology paths and parameters", async () => {
    const result = await generated("ods-fhir");
    const paths = pathsOf(result);
    expect(Object.keys(paths)).toContain("/ValueSet/$expand");
    expect(Object.keys(paths)).not.toContain("/ValueSet/");
    const json = JSON.stringify(result.document);
    expect(json).not.toContain("_summmary");
    expect(typesOf(result)).toContain("_summary?: boolean;");
  });

  it("dedupeParameters: BaRS lists each parameter once and its types compile", async () => {
    const result = await generated("bars");
    const doc = result.document;
    const key = (parameter: Json) => {
      const resolved = derefObject(doc, parameter);
      return `${resolved?.in}:${String(resolved?.name).toLowerCase()}`;
    };
    for (const { pathItem, operation, method, path } of operationsOf(doc)) {
      const own = Array.isArray(operation.parameters) ? operation.parameters.map(key) : [];
      const inherited = Array.isArray(pathItem.parameters) ? pathItem.parameters.map(key) : [];
      expect(new Set(own).size, `${method} ${path}`).toBe(own.length);
      expect(new Set(inherited).size, path).toBe(inherited.length);
    }
    expect(result.operations).toBe(35);
    expect(typeCheckSource(typesOf(result))).toEqual([]);
  });

  it("example $refs are not resolved and no example survives (e-RS, NHS App, Service Search)", async () => {
    for (const label of ["e-rs", "nhs-app", "service-search"]) {
      const json = JSON.stringify((await generated(label)).document);
      expect(json, label).not.toMatch(/"examples?":/);
      expect(json, label).not.toMatch(/"\$ref":"(?!#)/);
    }
    expect((await generated("e-rs")).operations).toBe(40);
  });

  it("PDS header-name case clash: both spellings are typed, FHIR bodies are typed", async () => {
    const result = await generated("pds");
    const types = typesOf(result);
    expect(types).toContain('"X-Request-ID"?: components["parameters"]["RequestID"];'); // optional: core sends it
    expect(types).toContain('"X-Request-Id": components["headers"]["XRequestID"];');
    expect(types).toContain('"application/fhir+json": components["schemas"]["Patient"];');
    expect(typeCheckSource(types)).toEqual([]);
  });

  it("every upstream document normalizes without upstream prose and with unique operationIds", async () => {
    for (const source of API_DOCUMENTS) {
      if (source.kind !== "upstream") continue;
      const result = await generated(documentLabel(source));
      const ids = operationsOf(result.document).map((op) => op.operation.operationId);
      expect(new Set(ids).size, documentLabel(source)).toBe(ids.length);
      expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
      const info = result.document.info as JsonObject;
      expect(info.description).toMatch(/^Normalized by nhskit from .+@[0-9a-f]{40} \(.+\)\. Upstream prose removed\.$/);
      expect(info.contact).toBeUndefined();
      const summaries = JSON.stringify(result.document).match(/"summary":"[^"]+"/g) ?? [];
      expect(summaries, documentLabel(source)).toEqual([]);
    }
  });

  it("is deterministic: generating twice gives identical bytes", async () => {
    const source = API_DOCUMENTS.find((s) => documentLabel(s) === "e-rs");
    if (!source) throw new Error("no e-rs");
    const first = await generated("e-rs");
    const second = await generateDocument(source, { specsDir: specs.ok ? specs.dir : undefined, outRoot });
    expect(second.status === "generated" ? second.files : []).toEqual(first.files);
  });
});
