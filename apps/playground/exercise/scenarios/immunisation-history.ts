import {
  createImmunisationHistoryClient,
  type ImmunisationHistoryClientOptions,
  NhsValidationError,
} from "@nhskit/immunisation-history";
import { check, type Scenario } from "../types.js";
import { apiError, refusal } from "./util.js";

// The hosted sandbox's test data: 9000000009 has 2 COVID-19 doses, 3 HPV records and 1 flu dose (version 1.0).
const client = (baseUrl: string, extra: Partial<ImmunisationHistoryClientOptions> = {}) =>
  createImmunisationHistoryClient({ baseUrl, retry: false, ...extra });

export const immunisationHistoryScenarios: Scenario[] = [
  {
    api: "immunisation-history",
    operation: "get-immunisation-history",
    name: "COVID-19 history of 9000000009",
    async run({ baseUrl }) {
      const { total, patient } = await client(baseUrl()).searchImmunisations({
        nhsNumber: "9000000009",
        target: "COVID19",
      });
      check(total === 2, `2 doses (got ${total})`);
      check(patient?.birthDate === "1965-02-28", `the included patient, born 1965-02-28 (got ${patient?.birthDate})`);
      return { status: 200, detail: `${total} doses` };
    },
  },
  {
    api: "immunisation-history",
    operation: "get-immunisation-history",
    name: "HPV, 24–31 Dec 2020",
    async run({ baseUrl }) {
      const { total } = await client(baseUrl()).searchImmunisations({
        nhsNumber: "9000000009",
        target: "HPV",
        from: "2020-12-24",
        to: "2020-12-31",
      });
      check(total === 2, `2 records in the window (got ${total})`);
      return { status: 200, detail: `${total} records` };
    },
  },
  {
    api: "immunisation-history",
    operation: "get-immunisation-history",
    name: "flu under API version 1.0",
    async run({ baseUrl }) {
      const result = await client(baseUrl(), { apiVersion: "1.0" }).searchImmunisations({
        nhsNumber: "9000000009",
        target: "FLU",
      });
      check(result.total === 1, `1 flu dose (got ${result.total})`);
      check(result.apiVersion === "1.0", `answered by 1.0 (got ${result.apiVersion})`);
      return { status: 200, detail: `version ${result.apiVersion}` };
    },
  },
  {
    api: "immunisation-history",
    operation: "get-immunisation-history",
    name: "patient with no history",
    async run({ baseUrl }) {
      const { total, patient } = await client(baseUrl()).searchImmunisations({
        nhsNumber: "9000000033",
        target: "COVID19",
      });
      check(total === 0 && patient === undefined, `an empty searchset (got ${total})`);
      return { status: 200, detail: "0 records" };
    },
  },
  {
    api: "immunisation-history",
    operation: "get-immunisation-history",
    name: "unknown procedure code is 400",
    async run({ baseUrl }) {
      const error = await apiError(
        client(baseUrl()).searchImmunisations({ nhsNumber: "9000000009", procedureCode: "12345678" }),
      );
      check(error.status === 400 && error.code === "processing", `400 processing (got ${error.status} ${error.code})`);
      return { status: error.status, detail: error.diagnostics };
    },
  },
  {
    api: "immunisation-history",
    operation: "get-immunisation-history",
    name: "search without a target refused",
    async run({ baseUrl }) {
      const error = await refusal((fetch) =>
        client(baseUrl(), { fetch }).searchImmunisations({ nhsNumber: "9000000009" }),
      );
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "target or procedure code needed" };
    },
  },
];
