import { createDataRegistersClient, type DataRegistersClientOptions, NhsValidationError } from "@nhskit/data-registers";
import { check, type Scenario, type Target } from "../types.js";
import { apiError, refusal } from "./util.js";

// PROVISIONAL API: NHS England has published no interface, so there is nothing to call but nhskit's model and
// its invented registers (organisation-codes, postcodes, diagnosis-codes with E11 retitled in 2016).
const LOCAL: readonly Target[] = ["local"];
const client = (baseUrl: string, extra: Partial<DataRegistersClientOptions> = {}) =>
  createDataRegistersClient({ baseUrl, retry: false, ...extra });

export const dataRegistersScenarios: Scenario[] = [
  {
    api: "data-registers",
    operation: "listRegisters",
    name: "list the registers",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { registers } = await client(baseUrl()).listRegisters();
      const ids = registers.map((r) => r.id).sort();
      check(ids.join() === "diagnosis-codes,organisation-codes,postcodes", `the three registers (got ${ids.join()})`);
      return { status: 200, detail: `${registers.length} registers` };
    },
  },
  {
    api: "data-registers",
    operation: "getRegisterEntry",
    name: "E11 now and as at 2015-12-31",
    targets: LOCAL,
    async run({ baseUrl }) {
      const registers = client(baseUrl());
      const now = await registers.getEntry("diagnosis-codes", "E11");
      const past = await registers.getEntry("diagnosis-codes", "E11", { asAt: "2015-12-31" });
      check(now.entry.name === "Type 2 diabetes mellitus", `today's title (got ${now.entry.name})`);
      check(past.entry.name === "Non-insulin-dependent diabetes mellitus", `the 2015 title (got ${past.entry.name})`);
      return { status: 200, detail: "retitled in 2016" };
    },
  },
  {
    api: "data-registers",
    operation: "listRegisterEntries",
    name: "postcodes starting LS, 2 a page",
    targets: LOCAL,
    async run({ baseUrl }) {
      const page = await client(baseUrl()).listEntries("postcodes", { search: "LS", limit: 2 });
      check(
        page.entries.length === 2 && page.nextOffset === 2,
        `2 entries and a next page (got ${page.entries.length})`,
      );
      return { status: 200, detail: `2 of ${page.total}` };
    },
  },
  {
    api: "data-registers",
    operation: "listRegisterSnapshots",
    name: "organisation-codes snapshots",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { snapshots } = await client(baseUrl()).listSnapshots("organisation-codes");
      check(snapshots.length > 0, "at least one snapshot");
      return { status: 200, detail: `${snapshots.length} snapshots` };
    },
  },
  {
    api: "data-registers",
    operation: "getRegister",
    name: "unknown register is 404",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await apiError(client(baseUrl()).getRegister("hospital-beds"));
      check(error.status === 404 && error.code === "REGISTER_NOT_FOUND", `404 REGISTER_NOT_FOUND (got ${error.code})`);
      return { status: error.status, detail: error.code };
    },
  },
  {
    api: "data-registers",
    operation: "getRegisterEntry",
    name: "future asAt refused before sending",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await refusal((fetch) =>
        client(baseUrl(), { fetch }).getEntry("diagnosis-codes", "E11", { asAt: "2999-01-01" }),
      );
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "asAt is not in the future" };
    },
  },
];
