import { describe, expect, it } from "vitest";
import { BaseUrlError, nrl, pds, resolveBaseUrl } from "../src/index.js";

describe("resolveBaseUrl", () => {
  it("looks environments up in the catalogue", () => {
    expect(resolveBaseUrl(pds, { environment: "sandbox" })).toBe(
      "https://sandbox.api.service.nhs.uk/personal-demographics/FHIR/R4",
    );
    expect(resolveBaseUrl(pds, { environment: "local" })).toBe("http://127.0.0.1:9000/personal-demographics/FHIR/R4");
    expect(resolveBaseUrl(nrl, { environment: "int", document: "producer" })).toBe(
      "https://int.api.service.nhs.uk/record-locator/producer/FHIR/R4",
    );
  });

  it("lets an explicit baseUrl win and trims its trailing slash", () => {
    expect(resolveBaseUrl(pds, { environment: "prod", baseUrl: "http://127.0.0.1:4000/pds/" })).toBe(
      "http://127.0.0.1:4000/pds",
    );
  });

  it.each([
    [{ environment: "staging" }, /Unknown environment "staging". Use one of "local", "sandbox"/],
    [{ environment: "dep" }, /has no "dep" environment. It offers "local", "sandbox", "int", "prod"/],
    [{}, /pass environment \("local", "sandbox", "int", "prod"\) or baseUrl/],
    [{ baseUrl: "not a url" }, /is not an absolute URL/],
    [{ baseUrl: "ftp://example.org" }, /must use https/],
    [{ baseUrl: "https://user:secret@example.org" }, /must not contain a user name or password/],
    [{ baseUrl: "https://example.org/x?y=1" }, /must not contain a query string/],
    [{ environment: "sandbox", document: "nope" }, /has no document "nope"/],
  ])("rejects %o with a clear error", (options, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input from untyped callers
    expect(() => resolveBaseUrl(pds, options as any)).toThrow(BaseUrlError);
    // biome-ignore lint/suspicious/noExplicitAny: as above
    expect(() => resolveBaseUrl(pds, options as any)).toThrow(message);
  });

  it("never echoes a password from a rejected URL", () => {
    try {
      resolveBaseUrl(pds, { baseUrl: "https://user:hunter2@example.org" });
    } catch (error) {
      expect(String(error)).not.toContain("hunter2");
    }
    expect.assertions(1);
  });
});
