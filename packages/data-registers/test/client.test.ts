import { readFileSync } from "node:fs";
import { NhsApiError } from "@nhskit/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  createDataRegistersClient,
  DATA_REGISTERS_VERSION,
  DEFAULT_PATHS,
  type Register,
  type RegisterEntry,
} from "../src/index.js";
import { dataRegistersHandlers } from "../src/mocks/index.js";

const server = setupServer(...dataRegistersHandlers());
const seen: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  seen.length = 0;
  server.resetHandlers();
});
afterAll(() => server.close());

const registers = createDataRegistersClient({ environment: "local", retry: false });

describe("createDataRegistersClient", () => {
  it("sends a User-Agent naming the package, no credentials, and encodes codes as one segment", async () => {
    await registers.getEntry("postcodes", "LS1 4HR", { asAt: "2020-01-01" });
    expect(seen[0]!.headers.get("user-agent")).toContain(`nhskit-data-registers/${DATA_REGISTERS_VERSION}`);
    expect(seen[0]!.headers.get("authorization")).toBeNull();
    expect(new URL(seen[0]!.url).pathname).toBe("/data-registers/registers/postcodes/entries/LS1%204HR");
    expect(new URL(seen[0]!.url).search).toBe("?asAt=2020-01-01");
  });

  it("uses nhskit's provisional default paths unless told otherwise", () => {
    expect(registers.paths).toEqual(DEFAULT_PATHS);
    const custom = createDataRegistersClient({ environment: "local", paths: { listRegisters: "/v2/registers" } });
    expect(custom.paths.listRegisters).toBe("/v2/registers");
    expect(custom.paths.getRegister).toBe(DEFAULT_PATHS.getRegister);
  });

  it.each([
    [{ listRegisters: "registers" }, /paths\.listRegisters: must be a path template starting with \//],
    [{ getRegister: "/registers/{id}" }, /has unknown placeholder\(s\) \{id\}.*needs \{registerId\}/],
    [{ getRegisterEntry: "/registers/{registerId}" }, /paths\.getRegisterEntry: needs \{code\}/],
    [{ listRegisters: "/registers?all=true" }, /no query/],
    [{ listEntries: "/entries" }, /paths\.listEntries: is not an operation; use listRegisters/],
    [{ getRegister: "/registers/{registerId}}" }, /unbalanced brace/],
  ])("refuses bad paths %j", (paths, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    expect(() => createDataRegistersClient({ environment: "local", paths: paths as any })).toThrow(message);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(DATA_REGISTERS_VERSION).toBe(pkg.version);
  });

  it("types registers and entries", async () => {
    const { registers: all } = await registers.listRegisters();
    expectTypeOf(all[0]!).toEqualTypeOf<Register>();
    const { entry } = await registers.getEntry("postcodes", "LS1 4HR");
    expectTypeOf(entry).toEqualTypeOf<RegisterEntry>();
    expectTypeOf(entry.status).toEqualTypeOf<"active" | "inactive">();
  });

  it("takes the error code from the model's {code, message} body", async () => {
    const error = (await registers.getRegister("nothing-here").catch((e: unknown) => e)) as NhsApiError;
    expect(error).toBeInstanceOf(NhsApiError);
    expect([error.code, error.issues[0]?.code]).toEqual(["REGISTER_NOT_FOUND", "REGISTER_NOT_FOUND"]);
  });

  it("leaves other error bodies as core reads them", async () => {
    server.use(http.get("*/data-registers/registers", () => HttpResponse.text("upstream down", { status: 503 })));
    const error = (await registers.listRegisters().catch((e: unknown) => e)) as NhsApiError;
    expect([error.status, error.code, error.diagnostics]).toEqual([503, undefined, "upstream down"]);
  });
});

describe("input checks send nothing", () => {
  it.each([
    [() => registers.getRegister("Post codes"), /registerId: "Post codes" must be a register id/],
    [() => registers.listSnapshots("../x"), /must be a register id/],
    [() => registers.getEntry("postcodes", ""), /code: "" must be a code/],
    [
      () => registers.getEntry("postcodes", "LS1 4HR", { asAt: "2020-02-30" }),
      /options\.asAt: "2020-02-30" must be a real date/,
    ],
    [
      () => registers.listEntries("postcodes", { asAt: "01/01/2020" }),
      /params\.asAt: "01\/01\/2020" must be a real date/,
    ],
    [() => registers.listEntries("postcodes", { offset: -1 }), /params\.offset: must be a whole number from 0/],
    [() => registers.listEntries("postcodes", { search: " " }), /params\.search: must be some text/],
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    [() => registers.listEntries("postcodes", { page: 2 } as any), /params\.page: is not a parameter; use asAt, code/],
  ])("%#", async (run, message) => {
    await expect(run()).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });
});
