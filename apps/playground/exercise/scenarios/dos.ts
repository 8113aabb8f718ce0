import { basicAuth } from "@nhskit/auth";
import { createDosClient, type DosClientOptions, NhsValidationError } from "@nhskit/dos";
import { check, type Scenario, type Target } from "../types.js";
import { apiError, refusal } from "./util.js";

// DoS has no hosted sandbox and no public test data: nhskit's mock invents services around Leeds (GP practice
// 2000001, Headingley Pharmacy 2000003, ODS code RX801 on two records). It wants basic credentials, any will do.
const LOCAL: readonly Target[] = ["local"];
const auth = basicAuth({ username: "nhskit-exercise", password: "not-a-real-password" });
// createDosClient is marked @deprecated (the API is, from 31 May 2026); exercising it is still the point here.
const client = (baseUrl: string, extra: Partial<DosClientOptions> = {}) =>
  createDosClient({ baseUrl, retry: false, auth, ...extra });

export const dosScenarios: Scenario[] = [
  {
    api: "dos",
    operation: "searchByClinicalTerm",
    name: "clinical term 1011=4003 near LS1 4HR",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { services, serviceCount } = await client(baseUrl()).searchByClinicalTerm({
        postcode: "LS1 4HR",
        symptomGroupId: 1011,
        symptomDiscriminatorId: 4003,
        ageGroup: 1,
        gender: "F",
        searchDistance: 10,
      });
      check(serviceCount > 0 && services.length === serviceCount, `some services (got ${serviceCount})`);
      return { status: 200, detail: `${serviceCount} services` };
    },
  },
  {
    api: "dos",
    operation: "searchByServiceType",
    name: "service types 40, 13 near LS9 7TA",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { services } = await client(baseUrl()).searchByServiceType({
        postcode: "LS9 7TA",
        serviceTypeIds: [40, 13],
        numberPerType: 2,
        gpPracticeId: 2000001,
      });
      check(services.length > 0, "some services");
      return { status: 200, detail: `${services.length} services, ${services[0]?.name} first` };
    },
  },
  {
    api: "dos",
    operation: "getServicesByOdsCode",
    name: "ODS code RX801 (two records)",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { services } = await client(baseUrl()).getServicesByOdsCode("RX801");
      check(services.length === 2, `2 services share RX801 (got ${services.length})`);
      return { status: 200, detail: services.map((s) => s.name).join("; ") };
    },
  },
  {
    api: "dos",
    operation: "getServiceById",
    name: "service 2000003",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { services } = await client(baseUrl()).getServiceById(2000003);
      check(services[0]?.name === "Headingley Pharmacy", `Headingley Pharmacy (got ${services[0]?.name})`);
      return { status: 200, detail: services[0]?.name };
    },
  },
  {
    api: "dos",
    operation: "searchByServiceType",
    name: "unknown GP practice is 400",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await apiError(
        client(baseUrl()).searchByServiceType({ postcode: "LS1 4HR", serviceTypeIds: [100], gpPracticeId: 42 }),
      );
      check(error.status === 400, `400 (got ${error.status})`);
      return { status: error.status, detail: error.diagnostics };
    },
  },
  {
    api: "dos",
    operation: "getServiceById",
    name: "no credentials is 401",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await apiError(createDosClient({ baseUrl: baseUrl(), retry: false }).getServiceById(2000003));
      check(error.status === 401, `401 (got ${error.status})`);
      return { status: error.status, detail: error.diagnostics };
    },
  },
  {
    api: "dos",
    operation: "searchByClinicalTerm",
    name: "150 miles refused before sending",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await refusal((fetch) =>
        client(baseUrl(), { fetch }).searchByClinicalTerm({
          postcode: "LS1 4HR",
          searchDistance: 150,
          symptomGroupId: 1011,
          symptomDiscriminatorId: 4003,
        }),
      );
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "at most 100 miles" };
    },
  },
];
