import { createHmac } from "node:crypto";
import { meshAuthorization } from "@nhskit/auth";
import { pds } from "@nhskit/catalogue";
import { createApiClient, isValidNhsNumber, NhsValidationError } from "@nhskit/core";
import { createPdsClient } from "@nhskit/pds";
import fc from "fast-check";
import { describe, it } from "vitest";

const RUNS = 300;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being tested
const CONTROL = /[\u0000-\u001f\u007f]/;

/** An NHS number check written again from the published rule, independently of core's. */
function referenceNhsCheck(value: string): boolean {
  if (!/^[0-9]{10}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const total = digits.slice(0, 9).reduce((sum, d, i) => sum + d * (10 - i), 0);
  const remainder = total % 11;
  const expected = remainder === 0 ? 0 : 11 - remainder;
  return expected !== 10 && expected === digits[9];
}

describe("property: NHS numbers", () => {
  it("core agrees with an independent implementation on any 10 digits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{10}$/), (n) => isValidNhsNumber(n) === referenceNhsCheck(n)),
      { numRuns: 5000 },
    );
  });

  it("rejects anything that is not exactly ten digits", () => {
    fc.assert(
      fc.property(fc.string(), (s) => (/^[0-9]{10}$/.test(s) ? true : !isValidNhsNumber(s))),
      { numRuns: RUNS },
    );
  });
});

interface paths {
  "/Patient/{id}": {
    get: {
      parameters: { path: { id: string }; query?: { q?: string } };
      responses: { 200: { content: { "application/json": { ok: boolean } } } };
    };
  };
}

function capturing() {
  const urls: string[] = [];
  const client = createApiClient<paths>({
    api: pds,
    baseUrl: "https://example.test/base",
    retry: false,
    fetch: async (request) => {
      urls.push(request.url);
      return Response.json({ ok: true });
    },
  });
  return { client, urls };
}

describe("property: path and query serialisation", () => {
  it("a path parameter stays one encoded segment, or is refused before sending", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 30 }), async (id) => {
        const { client, urls } = capturing();
        const result = await client.GET("/Patient/{id}", { params: { path: { id } } }).then(
          () => "sent",
          (e: unknown) => (e instanceof NhsValidationError ? "refused" : e),
        );
        const dangerous = id.trim() === "" || id === "." || /[/\\?#]/.test(id) || id.includes("..") || CONTROL.test(id);
        if (dangerous) return result === "refused" && urls.length === 0;
        if (result !== "sent") return false;
        const url = new URL(urls[0]!);
        const segments = url.pathname.split("/");
        // /base/Patient/<id>: exactly one segment for the id, and it decodes back to what was given.
        return (
          url.origin === "https://example.test" && segments.length === 4 && decodeURIComponent(segments[3]!) === id
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("query values round-trip and never add parameters", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), async (q) => {
        const { client, urls } = capturing();
        await client.GET("/Patient/{id}", { params: { path: { id: "1" }, query: { q } } });
        const params = new URL(urls[0]!).searchParams;
        return [...params.keys()].join(",") === "q" && params.get("q") === q;
      }),
      { numRuns: RUNS },
    );
  });
});

describe("property: header values", () => {
  it("any value with CR or LF is refused and nothing is sent", async () => {
    const withBreak = fc
      .tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\r", "\n", "\r\n"), fc.string({ maxLength: 10 }))
      .map(([a, brk, b]) => `${a}${brk}${b}`);
    await fc.assert(
      fc.asyncProperty(withBreak, async (value) => {
        const { client, urls } = capturing();
        const error = await client
          .GET("/Patient/{id}", { params: { path: { id: "1" } }, headers: { "X-Anything": value } })
          .catch((e: unknown) => e);
        return error instanceof NhsValidationError && urls.length === 0 && !(error as Error).message.includes(value);
      }),
      { numRuns: RUNS },
    );
  });

  it("ODS codes: the PDS client accepts letters and digits and refuses anything else", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), (code) => {
        const valid = /^[A-Za-z0-9]{3,12}$/.test(code);
        try {
          createPdsClient({ environment: "sandbox", endUserOrganisationOds: code });
          return valid;
        } catch (error) {
          return !valid && error instanceof NhsValidationError;
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("property: the MESH header", () => {
  it("equals an HMAC-SHA256 computed independently", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9]{6,12}$/),
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes(":")),
        fc.string({ minLength: 8, maxLength: 30 }),
        fc.uuid(),
        fc.integer({ min: 1, max: 10_000 }),
        fc.date({ min: new Date("2020-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }),
        async (mailboxId, password, sharedKey, nonce, nonceCount, time) => {
          const header = await meshAuthorization({ mailboxId, password, sharedKey, nonce, nonceCount, time });
          const stamp = time.toISOString().replace(/[-T:]/g, "").slice(0, 12);
          const mailbox = mailboxId.toUpperCase();
          const hmac = createHmac("sha256", sharedKey)
            .update(`${mailbox}:${nonce}:${nonceCount}:${password}:${stamp}`)
            .digest("hex");
          return header === `NHSMESH ${mailbox}:${nonce}:${nonceCount}:${stamp}:${hmac}`;
        },
      ),
      { numRuns: RUNS },
    );
  });
});
