import { describe, expect, it } from "vitest";
import {
  annotateFragmentWirePaths,
  applyFixes,
  clearServers,
  dedupeParameters,
  defineApiKeySecurityScheme,
  dropEpsRoutingPlaceholders,
  renameOdsSummaryParameter,
  renameOdsValueSetExpandPath,
  replaceProxygenSecuritySchemes,
  templateWildcardPaths,
} from "../src/fixes.js";
import type { JsonObject } from "../src/openapi.js";

const ok = { responses: { "200": { description: "" } } };

describe("replaceProxygenSecuritySchemes", () => {
  it("defines proxygen schemes locally as HTTP bearer, keeping their names", () => {
    const doc: JsonObject = {
      components: {
        securitySchemes: {
          "nhs-cis2-aal3": {
            $ref: "https://proxygen.prod.api.platform.nhs.uk/components/securitySchemes/nhs-cis2-aal3",
          },
          "app-level0": { $ref: "https://proxygen.prod.api.platform.nhs.uk/components/securitySchemes/app-level0" },
          local: { type: "apiKey", in: "header", name: "apikey" },
        },
      },
    };
    expect(replaceProxygenSecuritySchemes(doc)).toBe(2);
    expect((doc.components as JsonObject).securitySchemes).toEqual({
      "nhs-cis2-aal3": { type: "http", scheme: "bearer" },
      "app-level0": { type: "http", scheme: "bearer" },
      local: { type: "apiKey", in: "header", name: "apikey" },
    });
  });
});

describe("dropEpsRoutingPlaceholders", () => {
  it("drops operations labelled as placeholders and keeps real ones", () => {
    const dummy = { summary: "dummy operation for path", responses: { "200": { description: "Dummy response" } } };
    const doc: JsonObject = {
      paths: {
        "/FHIR/R4/$process-message": { post: { ...dummy } },
        "/FHIR/R4/$validate": { post: { ...dummy } },
        "/FHIR/R4/Task": { post: { ...dummy }, get: { ...ok } },
        "/FHIR/R4/$convert": { post: { summary: "Convert a message", ...ok } },
        "/metadata": { get: { ...dummy } },
      },
    };
    expect(dropEpsRoutingPlaceholders(doc)).toBe(3);
    expect(Object.keys(doc.paths as JsonObject)).toEqual(["/FHIR/R4/Task", "/FHIR/R4/$convert", "/metadata"]);
    expect((doc.paths as JsonObject)["/FHIR/R4/Task"]).toEqual({ get: ok });
  });
});

describe("annotateFragmentWirePaths", () => {
  it("keeps the fragment in the key and records the wire path", () => {
    const doc: JsonObject = {
      paths: { "/FHIR/R4/$process-message#prescription-order": { post: ok }, "/FHIR/R4/Claim": { post: ok } },
    };
    expect(annotateFragmentWirePaths(doc)).toBe(1);
    expect(doc.paths).toEqual({
      "/FHIR/R4/$process-message#prescription-order": { "x-nhskit-wire-path": "/FHIR/R4/$process-message", post: ok },
      "/FHIR/R4/Claim": { post: ok },
    });
  });
});

describe("defineApiKeySecurityScheme", () => {
  it("replaces an undefined scheme with an apikey header scheme", () => {
    const doc: JsonObject = { security: [{ OAuth_Token: [] }], paths: { "/": { get: ok } } };
    expect(defineApiKeySecurityScheme(doc)).toBe(1);
    expect(doc.security).toEqual([{ apikey: [] }]);
    expect(doc.components).toEqual({ securitySchemes: { apikey: { type: "apiKey", in: "header", name: "apikey" } } });
  });

  it("leaves defined schemes alone", () => {
    const doc: JsonObject = {
      security: [{ bearer: [] }],
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    };
    expect(defineApiKeySecurityScheme(doc)).toBe(0);
    expect(doc.security).toEqual([{ bearer: [] }]);
  });
});

describe("templateWildcardPaths", () => {
  it("turns /x/* into /x/{slug} with a required path parameter, keeping the path's position", () => {
    const modules = { $ref: "#/components/parameters/modules" };
    const doc: JsonObject = {
      paths: { "/conditions": { get: ok }, "/conditions/*": { parameters: [modules], get: ok }, "/z": { get: ok } },
    };
    expect(templateWildcardPaths(doc)).toBe(1);
    expect(Object.keys(doc.paths as JsonObject)).toEqual(["/conditions", "/conditions/{slug}", "/z"]);
    expect((doc.paths as JsonObject)["/conditions/{slug}"]).toEqual({
      parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }, modules],
      get: ok,
    });
  });
});

describe("clearServers", () => {
  it("empties servers", () => {
    const doc: JsonObject = { servers: [{ url: "https://orange.testlab.nhs.uk/B82617/STU3/1/gpconnect/fhir" }] };
    expect(clearServers(doc)).toBe(1);
    expect(doc.servers).toEqual([]);
  });
});

describe("ODS Terminology fixes", () => {
  it("renames /ValueSet/ to /ValueSet/$expand", () => {
    const doc: JsonObject = {
      paths: { "/CodeSystem/": { get: ok }, "/ValueSet/": { post: ok }, "/metadata": { get: ok } },
    };
    expect(renameOdsValueSetExpandPath(doc)).toBe(1);
    expect(Object.keys(doc.paths as JsonObject)).toEqual(["/CodeSystem/", "/ValueSet/$expand", "/metadata"]);
  });

  it("renames the misspelt _summmary parameter", () => {
    const doc: JsonObject = {
      paths: {
        "/CodeSystem/": {
          get: {
            parameters: [
              { in: "query", name: "system", schema: { type: "string" } },
              { in: "query", name: "_summmary", schema: { type: "boolean" } },
            ],
            ...ok,
          },
        },
      },
    };
    expect(renameOdsSummaryParameter(doc)).toBe(1);
    const get = ((doc.paths as JsonObject)["/CodeSystem/"] as JsonObject).get as JsonObject;
    expect((get.parameters as JsonObject[]).map((p) => p.name)).toEqual(["system", "_summary"]);
  });
});

describe("dedupeParameters", () => {
  const requestId = { $ref: "#/components/parameters/RequestId" };
  const accept = { $ref: "#/components/parameters/Accept" };
  const components = {
    parameters: {
      RequestId: { in: "header", name: "X-Request-Id", required: true, schema: { type: "string" } },
      Accept: { in: "header", name: "Accept", schema: { type: "string" } },
    },
  };

  it("drops operation-level copies identical to the path-level parameter and duplicates within a list", () => {
    const doc: JsonObject = {
      components,
      paths: {
        "/Appointment/{id}": {
          parameters: [requestId, accept],
          get: { ...ok },
          put: { parameters: [requestId, accept, requestId], ...ok },
        },
      },
    };
    expect(dedupeParameters(doc)).toBe(3);
    expect((doc.paths as JsonObject)["/Appointment/{id}"]).toEqual({
      parameters: [requestId, accept],
      get: { ...ok },
      put: { ...ok },
    });
  });

  it("lets a different operation-level definition win, case-insensitively for headers", () => {
    const optional = { in: "header", name: "x-request-id", required: false, schema: { type: "string" } };
    const doc: JsonObject = {
      components,
      paths: { "/a": { parameters: [requestId], get: { parameters: [optional], ...ok } } },
    };
    expect(dedupeParameters(doc)).toBe(1);
    // Every operation overrides the path-level one, so it is dead and removed.
    expect((doc.paths as JsonObject)["/a"]).toEqual({ get: { parameters: [optional], ...ok } });
  });
});

describe("applyFixes", () => {
  it("runs only the fixes of the given stage", () => {
    const doc: JsonObject = { paths: { "/a#b": { post: ok } } };
    applyFixes(doc, ["annotateFragmentWirePaths"], "source", "test");
    expect((doc.paths as JsonObject)["/a#b"]).toEqual({ post: ok });
    applyFixes(doc, ["annotateFragmentWirePaths"], "bundled", "test");
    expect((doc.paths as JsonObject)["/a#b"]).toEqual({ "x-nhskit-wire-path": "/a", post: ok });
  });

  it("fails when a configured fix no longer finds its defect", () => {
    expect(() => applyFixes({ paths: {} }, ["renameOdsValueSetExpandPath"], "bundled", "ods-fhir")).toThrow(
      /ods-fhir: fix "renameOdsValueSetExpandPath" found nothing to change/,
    );
  });
});
