import { describe, expect, it } from "vitest";
import {
  isPlaceholderVersion,
  normalizeHandWritten,
  normalizeUpstream,
  provenanceLine,
  rewriteInfo,
  stripUpstreamProse,
} from "../src/normalize.js";
import type { JsonObject } from "../src/openapi.js";

const provenance = { repository: "NHSDigital/example-api", commit: "0123456789abcdef", licence: "MIT" };

function fhirDoc(): JsonObject {
  return {
    openapi: "3.0.0",
    info: {
      title: "Example",
      description: "Long upstream prose",
      version: "{VERSION}",
      contact: { name: "Someone", email: "a@example.org" },
      termsOfService: "https://example.org/terms",
      "x-logo": "logo.png",
    },
    servers: [{ url: "https://sandbox.example.org", description: "Sandbox environment" }],
    tags: [{ name: "Patient", description: "Patient things", externalDocs: { url: "https://example.org" } }],
    "x-spec-publication": { order: [] },
    paths: {
      "x-path-extension": { anything: true },
      "/Patient/{id}": {
        summary: "Path summary",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            description: "NHS number",
            schema: { type: "string" },
            example: "9000000009",
          },
        ],
        get: {
          operationId: "get-patient",
          summary: "Get a patient",
          description: "Upstream operation text",
          externalDocs: { url: "https://example.org" },
          "x-nhsd-apim": { anything: true },
          responses: {
            "200": {
              description: "Success",
              headers: { ETag: { description: "Version", schema: { type: "string" } } },
              content: {
                "application/fhir+json": {
                  schema: { $ref: "#/components/schemas/Patient" },
                  example: { resourceType: "Patient" },
                  examples: { one: { summary: "One", value: { $ref: "examples/one.json" } } },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Patient: {
          type: "object",
          title: "Patient",
          description: "A FHIR Patient",
          required: ["description", "summary"],
          example: { description: "an example" },
          "x-internal": true,
          properties: {
            description: { type: "string", description: "The property called description" },
            summary: { type: "string", title: "Summary" },
            example: { type: "boolean" },
            "x-custom-name": { type: "string" },
            kind: { type: "string", enum: ["description", "summary"], default: "description" },
            contact: {
              type: "object",
              default: { description: "literal default values are data" },
              properties: { description: { type: "string", description: "nested prose" } },
            },
            items: { type: "array", items: { type: "string", description: "item prose" } },
          },
        },
        description: { type: "string", description: "a schema named description" },
      },
      examples: { one: { value: { resourceType: "Patient" } } },
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Bearer token" } },
    },
  };
}

describe("stripUpstreamProse", () => {
  it("keeps a schema property named description but drops the description keyword", () => {
    const doc = fhirDoc();
    stripUpstreamProse(doc);
    const patient = (doc.components as JsonObject).schemas as JsonObject;
    expect(patient.Patient).toMatchObject({
      type: "object",
      title: "Patient",
      required: ["description", "summary"],
    });
    const schema = patient.Patient as JsonObject;
    expect(schema.description).toBeUndefined();
    expect(schema.example).toBeUndefined();
    expect(schema["x-internal"]).toBeUndefined();
    const properties = schema.properties as JsonObject;
    expect(Object.keys(properties)).toEqual([
      "description",
      "summary",
      "example",
      "x-custom-name",
      "kind",
      "contact",
      "items",
    ]);
    expect(properties.description).toEqual({ type: "string" });
    expect(properties.summary).toEqual({ type: "string", title: "Summary" });
    expect(properties.kind).toEqual({ type: "string", enum: ["description", "summary"], default: "description" });
    expect(properties.contact).toEqual({
      type: "object",
      default: { description: "literal default values are data" },
      properties: { description: { type: "string" } },
    });
    expect(properties.items).toEqual({ type: "array", items: { type: "string" } });
    // A component schema *named* description is a name, not a keyword.
    expect(patient.description).toEqual({ type: "string" });
  });

  it("removes prose, examples, external docs and vendor extensions everywhere else", () => {
    const doc = fhirDoc();
    stripUpstreamProse(doc);
    expect(doc["x-spec-publication"]).toBeUndefined();
    expect(doc.info).toEqual({ title: "Example", version: "{VERSION}" });
    expect(doc.servers).toEqual([{ url: "https://sandbox.example.org" }]);
    expect(doc.tags).toEqual([{ name: "Patient" }]);
    const paths = doc.paths as JsonObject;
    expect(paths["x-path-extension"]).toBeUndefined();
    expect(paths["/Patient/{id}"]).toEqual({
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: {
        operationId: "get-patient",
        responses: {
          "200": {
            // Required by OpenAPI 3.0, so kept, but empty.
            description: "",
            headers: { ETag: { schema: { type: "string" } } },
            content: { "application/fhir+json": { schema: { $ref: "#/components/schemas/Patient" } } },
          },
        },
      },
    });
    const components = doc.components as JsonObject;
    expect(components.examples).toBeUndefined();
    expect(components.securitySchemes).toEqual({ bearer: { type: "http", scheme: "bearer" } });
  });

  it("keeps our own x-nhskit-* extensions", () => {
    const doc: JsonObject = {
      openapi: "3.0.0",
      paths: { "/a#b": { "x-nhskit-wire-path": "/a", get: { responses: {} } } },
    };
    stripUpstreamProse(doc);
    expect((doc.paths as JsonObject)["/a#b"]).toMatchObject({ "x-nhskit-wire-path": "/a" });
  });
});

describe("info", () => {
  it("replaces a placeholder version and writes our own description", () => {
    const doc = fhirDoc();
    rewriteInfo(doc, provenance);
    expect(doc.info).toEqual({
      title: "Example",
      description: "Normalized by nhskit from NHSDigital/example-api@0123456789abcdef (MIT). Upstream prose removed.",
      version: "0.0.0-upstream",
    });
  });

  it("keeps a real upstream version, and prefers a configured one", () => {
    const doc: JsonObject = { info: { title: "T", version: "1.4.0-alpha" } };
    rewriteInfo(doc, provenance);
    expect((doc.info as JsonObject).version).toBe("1.4.0-alpha");
    rewriteInfo(doc, { ...provenance, version: "2.2.0" });
    expect((doc.info as JsonObject).version).toBe("2.2.0");
  });

  it("recognises placeholders", () => {
    expect(isPlaceholderVersion("{VERSION}")).toBe(true);
    expect(isPlaceholderVersion("Computed and injected at build time by `scripts/set_version.py`")).toBe(true);
    expect(isPlaceholderVersion("1.5.0 - Appointment Management")).toBe(true);
    expect(isPlaceholderVersion(undefined)).toBe(true);
    expect(isPlaceholderVersion("0.1")).toBe(false);
    expect(isPlaceholderVersion("1.0.0")).toBe(false);
    expect(isPlaceholderVersion("1.4.0-alpha")).toBe(false);
  });

  it("states provenance in one line", () => {
    expect(provenanceLine(provenance)).not.toContain("\n");
  });
});

describe("normalizeUpstream / normalizeHandWritten", () => {
  it("normalizes an upstream document end to end", () => {
    const doc = normalizeUpstream(fhirDoc(), provenance);
    expect(Object.keys(doc)).toEqual(["openapi", "info", "servers", "tags", "paths", "components"]);
    expect(JSON.stringify(doc)).not.toContain("Upstream operation text");
    expect(JSON.stringify(doc)).not.toContain("NHS number");
  });

  it("keeps the prose of hand-written documents, adding only operationIds", () => {
    const doc: JsonObject = {
      openapi: "3.0.3",
      info: { title: "Ours", version: "1.0.0", description: "Our own words" },
      paths: { "/things": { get: { summary: "List things", responses: { "200": { description: "Things" } } } } },
    };
    normalizeHandWritten(doc);
    expect((doc.info as JsonObject).description).toBe("Our own words");
    expect(((doc.paths as JsonObject)["/things"] as JsonObject).get).toEqual({
      summary: "List things",
      responses: { "200": { description: "Things" } },
      operationId: "getThings",
    });
  });
});

describe("relaxManagedHeaders", () => {
  it("makes the headers core and auth supply optional, wherever they are declared", async () => {
    const { relaxManagedHeaders } = await import("../src/normalize.js");
    const doc = {
      paths: {
        "/a": {
          parameters: [{ name: "X-Request-ID", in: "header", required: true }],
          get: {
            parameters: [
              { name: "apikey", in: "header", required: true },
              { name: "If-Match", in: "header", required: true },
            ],
          },
        },
      },
      components: { parameters: { Auth: { name: "Authorization", in: "header", required: true } } },
    };
    expect(relaxManagedHeaders(doc)).toBe(3);
    expect(doc.paths["/a"].parameters[0]).toMatchObject({ required: false, "x-nhskit-managed": true });
    expect(doc.paths["/a"].get.parameters[1]).toEqual({ name: "If-Match", in: "header", required: true });
    expect(doc.components.parameters.Auth.required).toBe(false);
  });
});
