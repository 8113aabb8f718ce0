import { BaseUrlError, NhsApiError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataRegistersClient, type DataRegistersClient, type RegisterEntry } from "../../src/index.js";
import type { Target } from "./targets.js";

/** The error a call throws (fails the test if it does not throw). */
async function failure(promise: Promise<unknown>): Promise<NhsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(NhsApiError);
  return error as NhsApiError;
}

const codes = (entries: RegisterEntry[]) => entries.map((e) => e.code);

/**
 * No Data Registers sandbox, spec or facts exist: this suite pins down nhskit's PROVISIONAL model (the client
 * and the mock together), over HTTP and in-process.
 */
export function dataRegistersBehaviour(name: string, start: () => Promise<Target>) {
  describe(`Data Registers provisional model (${name})`, () => {
    let target: Target;
    let registers: DataRegistersClient;

    beforeAll(async () => {
      target = await start();
      registers = createDataRegistersClient({ baseUrl: target.baseUrl, retry: false });
    });
    afterAll(() => target.close());

    it("P1: lists the three emulated registers with their custodians", async () => {
      const { registers: all, total } = await registers.listRegisters();
      expect(total).toBe(3);
      expect(all.map((r) => [r.id, r.custodian])).toEqual([
        ["organisation-codes", "NHS England (Organisation Data Service)"],
        ["postcodes", "Office for National Statistics"],
        ["diagnosis-codes", "NHS England (Terminology and Classifications Delivery Service)"],
      ]);
    });

    it("P2: reads one register; an unknown one is 404 REGISTER_NOT_FOUND", async () => {
      const { register } = await registers.getRegister("postcodes");
      expect([register.name, register.entryCount, register.updated]).toEqual(["Postcodes", 4, "2022-07-01T00:00:00Z"]);
      const error = await failure(registers.getRegister("hospital-beds"));
      expect([error.status, error.code, error.diagnostics]).toEqual([
        404,
        "REGISTER_NOT_FOUND",
        "No register 'hospital-beds'",
      ]);
    });

    it("P3: entries now and asAt a past date differ", async () => {
      const now = await registers.listEntries("organisation-codes");
      expect(codes(now.entries)).toEqual(["RX1", "RX2", "Y90001", "Y90003"]);
      expect(now.entries.find((e) => e.code === "RX2")).toMatchObject({ status: "inactive", endDate: "2020-03-31" });
      const then = await registers.listEntries("organisation-codes", { asAt: "2012-01-01" });
      expect(codes(then.entries)).toEqual(["RX1", "RX2", "Y90001"]);
      expect(then.entries.map((e) => e.name)).toContain("Northshire Hospitals NHS Trust");
      expect(then.entries.find((e) => e.code === "Y90001")?.attributes).toMatchObject({ parent: "15F" });
      expect(now.entries.find((e) => e.code === "Y90001")?.attributes).toMatchObject({ parent: "QWO" });
    });

    it("P4: one entry, now or asAt; a code that did not exist yet is 404 ENTRY_NOT_FOUND", async () => {
      expect((await registers.getEntry("diagnosis-codes", "E11")).entry.name).toBe("Type 2 diabetes mellitus");
      const old = await registers.getEntry("diagnosis-codes", "E11", { asAt: "2015-12-31" });
      expect(old.entry).toMatchObject({ name: "Non-insulin-dependent diabetes mellitus", startDate: "1995-04-01" });
      expect((await registers.getEntry("postcodes", "LS1 4HR")).entry.attributes).toMatchObject({ icb: "QWO" });
      const error = await failure(registers.getEntry("diagnosis-codes", "U07.1", { asAt: "2019-12-31" }));
      expect([error.status, error.code]).toEqual([404, "ENTRY_NOT_FOUND"]);
    });

    it("P5: snapshots come newest first, with their entry counts", async () => {
      const { snapshots } = await registers.listSnapshots("diagnosis-codes");
      expect(snapshots.map((s) => [s.asAt, s.entryCount])).toEqual([
        ["2025-04-01", 5],
        ["2020-04-01", 5],
        ["2016-04-01", 3],
      ]);
    });

    it("P6: asAt before the register's data is 404 SNAPSHOT_NOT_FOUND; a future asAt is refused before sending", async () => {
      const error = await failure(registers.listEntries("postcodes", { asAt: "1970-01-01" }));
      expect([error.status, error.code]).toEqual([404, "SNAPSHOT_NOT_FOUND"]);
      const before = target.requests().length;
      await expect(registers.listEntries("postcodes", { asAt: "2999-01-01" })).rejects.toThrow(/is in the future/);
      expect(target.requests().length).toBe(before);
      const res = await fetch(`${target.baseUrl}/registers/postcodes/entries?asAt=2999-01-01`);
      expect([res.status, (await res.json()).code]).toEqual([400, "INVALID_PARAMETER"]);
    });

    it("P7: offset paging, and allEntries walks every page", async () => {
      const first = await registers.listEntries("diagnosis-codes", { limit: 2 });
      expect([codes(first.entries), first.total, first.nextOffset]).toEqual([["B05.9", "E11"], 5, 2]);
      const last = await registers.listEntries("diagnosis-codes", { limit: 2, offset: 4 });
      expect([codes(last.entries), last.nextOffset]).toEqual([["U07.2"], undefined]);
      const all: string[] = [];
      for await (const entry of registers.allEntries("diagnosis-codes", { limit: 2 })) all.push(entry.code);
      expect(all).toEqual(["B05.9", "E11", "J45.9", "U07.1", "U07.2"]);
    });

    it("P8: code and search filters", async () => {
      expect(codes((await registers.listEntries("diagnosis-codes", { search: "covid" })).entries)).toEqual([
        "U07.1",
        "U07.2",
      ]);
      expect(codes((await registers.listEntries("postcodes", { code: "ls2 7ue" })).entries)).toEqual(["LS2 7UE"]);
      expect((await registers.listEntries("postcodes", { code: "LS2 7UE", asAt: "2020-01-01" })).entries).toEqual([]);
    });

    it("P9: paths are configurable: client and mock on other templates", async () => {
      const paths = {
        listRegisters: "/api/v1/registers",
        getRegister: "/api/v1/registers/{registerId}",
        listRegisterEntries: "/api/v1/registers/{registerId}/codes",
        getRegisterEntry: "/api/v1/codes/{registerId}/{code}",
        listRegisterSnapshots: "/api/v1/registers/{registerId}/history",
      };
      await target.withOptions({ paths }, async (baseUrl) => {
        const custom = createDataRegistersClient({ baseUrl, paths, retry: false });
        expect((await custom.listRegisters()).total).toBe(3);
        expect((await custom.getRegister("postcodes")).register.id).toBe("postcodes");
        expect((await custom.listEntries("postcodes", { limit: 1 })).entries).toHaveLength(1);
        expect((await custom.getEntry("organisation-codes", "RX1")).entry.code).toBe("RX1");
        expect((await custom.listSnapshots("postcodes")).snapshots).toHaveLength(4);
        // The default paths are not served there.
        const defaults = createDataRegistersClient({ baseUrl, retry: false });
        expect((await failure(defaults.listRegisters())).code).toBe("NOT_FOUND");
      });
    });

    it("P10: open access: no credentials are sent", async () => {
      const res = await fetch(`${target.baseUrl}/registers`);
      expect(res.status).toBe(200);
      expect((await registers.listRegisters()).registers).toHaveLength(3);
    });

    it("P11: bad input is refused before sending", async () => {
      const before = target.requests().length;
      await expect(registers.getRegister("Postcodes")).rejects.toThrow(NhsValidationError);
      await expect(registers.getEntry("postcodes", "LS1/4HR")).rejects.toThrow(/must be a code such as LS1 4HR/);
      await expect(registers.listEntries("postcodes", { limit: 5000 })).rejects.toThrow(
        /limit: must be a whole number from 1 to 1000/,
      );
      expect(target.requests().length).toBe(before);
    });

    it("P12: no base URL is published: outside the local sandbox baseUrl is required", () => {
      expect(() => createDataRegistersClient({ environment: "prod" })).toThrow(BaseUrlError);
      // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
      expect(() => createDataRegistersClient({} as any)).toThrow(
        /no published base URL and its interface is provisional/,
      );
      expect(createDataRegistersClient({ environment: "local" }).baseUrl).toBe("http://127.0.0.1:9000/data-registers");
    });
  });
}
