import { decodeJsonHeader, encodeJsonHeader } from "@nhskit/bars";
import fc from "fast-check";
import { describe, it } from "vitest";

describe("property: BaRS base64 JSON headers", () => {
  it("round-trip any JSON value, including non-Latin text, and are plain base64 (header-safe)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const header = encodeJsonHeader(value);
        return (
          /^[A-Za-z0-9+/]*={0,2}$/.test(header) && JSON.stringify(decodeJsonHeader(header)) === JSON.stringify(value)
        );
      }),
      { numRuns: 500 },
    );
  });

  it("carry names and organisations written in any script", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (name) => {
        const org = { resourceType: "Organization", name, identifier: [{ value: "Y12345" }] };
        return (decodeJsonHeader(encodeJsonHeader(org)) as { name: string }).name === name;
      }),
      { numRuns: 500 },
    );
  });
});
