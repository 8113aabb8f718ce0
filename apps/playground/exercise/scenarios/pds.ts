import { NhsApiError, NhsNumberError } from "@nhskit/core";
import { createPdsClient } from "@nhskit/pds";
import { check, type Scenario } from "../types.js";

const client = (baseUrl: string) => createPdsClient({ baseUrl, retry: false });

async function apiError(call: Promise<unknown>): Promise<NhsApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  check(error instanceof NhsApiError, `expected an API error, got ${String(error)}`);
  return error;
}

export const pdsScenarios: Scenario[] = [
  {
    api: "pds",
    operation: "get-patient",
    name: "read Jane Smith",
    async run({ baseUrl }) {
      const { patient, version } = await client(baseUrl()).getPatient("9000000009");
      check(patient.name?.[0]?.family === "Smith", "family name is Smith");
      check(version === 2, `version is 2 (got ${version})`);
      return { status: 200, detail: `version ${version}` };
    },
  },
  {
    api: "pds",
    operation: "get-patient",
    name: "unknown patient is 404",
    async run({ baseUrl }) {
      const error = await apiError(client(baseUrl()).getPatient("9111231130"));
      check(error.code === "RESOURCE_NOT_FOUND", `code RESOURCE_NOT_FOUND (got ${error.code})`);
      return { status: error.status, detail: error.code };
    },
  },
  {
    api: "pds",
    operation: "get-patient",
    name: "invalid NHS number refused before sending",
    async run({ baseUrl }) {
      const error = await client(baseUrl())
        .getPatient("9000000000")
        .catch((e: unknown) => e);
      check(error instanceof NhsNumberError, "NhsNumberError");
      return { status: "refused", detail: "check digit" };
    },
  },
  {
    api: "pds",
    operation: "search-patient",
    name: "search Smith / female / 2010-10-22",
    async run({ baseUrl }) {
      const result = await client(baseUrl()).searchPatients({
        family: "Smith",
        gender: "female",
        birthdate: ["eq2010-10-22"],
      });
      check(
        result.kind === "matches" && result.patients[0]?.patient.id === "9000000009",
        `one match, 9000000009 (got ${result.kind})`,
      );
      return { status: 200, detail: "1 match" };
    },
  },
  {
    api: "pds",
    operation: "search-patient",
    name: "too many matches told apart",
    async run({ baseUrl }) {
      const result = await client(baseUrl()).searchPatients({
        family: "Sm*",
        birthdate: ["eq2010-10-22"],
        "_max-results": 1,
      });
      check(result.kind === "too-many-matches", `too-many-matches (got ${result.kind})`);
      return { status: 200, detail: result.kind };
    },
  },
  {
    api: "pds",
    operation: "update-patient-partial",
    name: "update birth date (version 2 -> 3)",
    async run({ baseUrl }) {
      const updated = await client(baseUrl()).updatePatient(
        "9000000009",
        [{ op: "replace", path: "/birthDate", value: "2010-10-23" }],
        { version: 2 },
      );
      check(updated.version === 3, `version 3 (got ${updated.version})`);
      return { status: 200, detail: `version ${updated.version}` };
    },
  },
  {
    api: "pds",
    operation: "create-patient",
    name: "allocate an NHS number",
    async run({ baseUrl }) {
      const result = await client(baseUrl()).createPatient({
        name: [{ use: "usual", given: ["Ava"], family: "Newton", period: { start: "2026-11-01" } }],
        gender: "female",
        birthDate: "2026-11-01",
        address: [{ use: "home", line: ["1 Birth Lane"], postalCode: "LS1 1AA", period: { start: "2026-11-01" } }],
        extension: [
          {
            url: "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-RegisteringAuthority",
            extension: [
              {
                url: "registeringAuthorityType",
                valueCodeableConcept: {
                  coding: [{ system: "https://fhir.nhs.uk/CodeSystem/UKCore-RegisteringAuthorityType", code: "x" }],
                },
              },
              { url: "organisationIdentifier", valueString: "Y12345" },
            ],
          },
        ],
      });
      check(result.kind === "created" && result.nhsNumber === "5182663366", `created 5182663366 (got ${result.kind})`);
      return { status: 201, detail: result.nhsNumber };
    },
  },
  {
    api: "pds",
    operation: "get-related-people",
    name: "Jane's related people",
    async run({ baseUrl }) {
      const { relatedPeople } = await client(baseUrl()).getRelatedPeople("9000000009");
      check(relatedPeople.length === 2, `2 related people (got ${relatedPeople.length})`);
      return { status: 200, detail: "2 people" };
    },
  },
  {
    api: "pds",
    operation: "get-coverage",
    name: "Jane's coverage",
    async run({ baseUrl }) {
      const { coverage } = await client(baseUrl()).getCoverage("9000000009");
      check(coverage.length === 1, `1 coverage (got ${coverage.length})`);
      return { status: 200 };
    },
  },
  {
    api: "pds",
    operation: "post-coverage",
    name: "update coverage",
    // The local sandbox reproduces the documented versioning; the hosted one is not checked for it here.
    targets: ["local"],
    async run({ baseUrl }) {
      const pds = client(baseUrl());
      const { coverage, version } = await pds.getCoverage("9000000009");
      const saved = await pds.updateCoverage(coverage[0]!, { version: version ?? 1 });
      check(saved.version === (version ?? 1) + 1, "version goes up by one");
      return { status: 201, detail: `version ${saved.version}` };
    },
  },
];
