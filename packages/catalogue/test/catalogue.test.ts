import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogue, ENVIRONMENTS, getApi, LOCAL_SANDBOX_ORIGIN } from "../src/index.js";

const specsDir = process.env.NHSKIT_SPECS_DIR ?? fileURLToPath(new URL("../../../../shared/specs", import.meta.url));
const haveSpecs = existsSync(specsDir);

describe("catalogue", () => {
  it("lists the 19 APIs once each", () => {
    expect(catalogue).toHaveLength(19);
    expect(new Set(catalogue.map((a) => a.id)).size).toBe(19);
  });

  it.each(catalogue.map((a) => [a.id, a] as const))("%s is complete and consistent", (id, api) => {
    expect(api.packageName).toBe(`@nhskit/${id}`);
    expect(api.docsUrl).toMatch(/^https:\/\/digital\.nhs\.uk\/developer\/api-catalogue\//);
    expect(api.auth.length).toBeGreaterThan(0);
    expect(api.documents[0].specFile).toBe("openapi.json");
    const names = api.documents.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    for (const doc of api.documents) {
      // Every document can be tried offline against the local sandbox.
      expect(doc.baseUrls.local?.startsWith(`${LOCAL_SANDBOX_ORIGIN}/`)).toBe(true);
      for (const env of ENVIRONMENTS) {
        const url = doc.baseUrls[env];
        if (url === undefined || env === "local") continue;
        expect(url).toMatch(/^https:\/\/[^/]+/);
        expect(url.endsWith("/")).toBe(false);
      }
      if (api.hostedSandbox) expect(doc.baseUrls.sandbox ?? api.documents[0].baseUrls.sandbox).toBeDefined();
    }
    if (api.status === "deprecated") expect(api.successor).toBeTruthy();
  });

  it("serves each hosted API locally under its hosted sandbox path, so only the origin changes", () => {
    for (const api of catalogue) {
      for (const doc of api.documents) {
        if (!doc.baseUrls.sandbox) continue;
        const hostedPath = new URL(doc.baseUrls.sandbox).pathname;
        expect(doc.baseUrls.local).toBe(LOCAL_SANDBOX_ORIGIN + hostedPath);
      }
    }
  });

  it("names each document's client factory, and the package exports it", () => {
    for (const api of catalogue) {
      const index = fileURLToPath(new URL(`../../${api.id}/src/index.ts`, import.meta.url));
      if (!existsSync(index)) continue; // the package has not landed yet
      const source = readFileSync(index, "utf8");
      for (const doc of api.documents) expect(source, `${api.id} ${doc.name}`).toContain(doc.clientFactory);
    }
  });

  it("marks DoS deprecated and Data Registers provisional", () => {
    expect(getApi("dos").status).toBe("deprecated");
    expect(getApi("data-registers").status).toBe("provisional");
    expect(() => getApi("nope")).toThrow(/Unknown API "nope". Known APIs: pds, eps/);
  });

  // The URLs are facts from each API's SOURCE.md; this keeps the two from drifting apart.
  it.skipIf(!haveSpecs)("uses only URLs that the API's SOURCE.md states", () => {
    for (const api of catalogue) {
      const source = readFileSync(`${specsDir}/${api.id}/SOURCE.md`, "utf8");
      for (const doc of api.documents) {
        for (const env of ENVIRONMENTS) {
          const url = doc.baseUrls[env];
          if (url === undefined || env === "local") continue;
          // Some SOURCE.md files give host and path separately (DoS), so check each part.
          const { host, pathname } = new URL(url);
          expect(source, `${api.id} ${doc.name} ${env} host`).toContain(host);
          expect(source, `${api.id} ${doc.name} ${env} path`).toContain(pathname);
        }
      }
    }
  });
});
