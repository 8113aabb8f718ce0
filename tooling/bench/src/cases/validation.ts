import { isValidNhsNumber } from "@nhskit/core";
import { patientBundleSchema } from "@nhskit/pds/schemas";
import { type Summary, summarize } from "../stats.js";

/** Valid NHS numbers counting up from 9000000009. */
function nhsNumbers(count: number): string[] {
  const out: string[] = [];
  for (let n = 900000000; out.length < count; n++) {
    for (let check = 0; check <= 9; check++) {
      const candidate = `${n}${check}`;
      if (isValidNhsNumber(candidate)) {
        out.push(candidate);
        break;
      }
    }
  }
  return out;
}

export function bundleText(entries = 500): string {
  return JSON.stringify({
    resourceType: "Bundle",
    type: "searchset",
    total: entries,
    entry: nhsNumbers(entries).map((id, i) => ({
      fullUrl: `https://sandbox.api.service.nhs.uk/personal-demographics/FHIR/R4/Patient/${id}`,
      search: { score: 1 },
      resource: {
        resourceType: "Patient",
        id,
        identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: id }],
        meta: {
          versionId: "2",
          security: [
            { system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "U", display: "unrestricted" },
          ],
        },
        name: [
          {
            id: `n${i}`,
            use: "usual",
            period: { start: "2020-01-01" },
            given: ["Jane", "Anne"],
            family: "Smith",
            prefix: ["Mrs"],
          },
        ],
        gender: "female",
        birthDate: "2010-10-22",
        address: [
          { id: `a${i}`, use: "home", line: ["1 Trevelyan Square", "Boar Lane", "Leeds"], postalCode: "LS1 6AE" },
        ],
        telecom: [{ id: `t${i}`, system: "phone", use: "home", value: "01632960587" }],
      },
    })),
  });
}

export interface ValidationResult {
  bytes: number;
  parseMs: Summary;
  parseAndValidateMs: Summary;
  ratio: Summary;
  parseMBps: number;
  validateMBps: number;
}

/** JSON.parse alone against JSON.parse + zod validation of a 500-entry Bundle, interleaved. */
export function validationCost(rounds = 15, perRound = 20): ValidationResult {
  const text = bundleText(500);
  const bytes = Buffer.byteLength(text);
  for (let i = 0; i < 20; i++) patientBundleSchema.parse(JSON.parse(text)); // warm up
  const parse: number[] = [];
  const both: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    for (let i = 0; i < perRound; i++) JSON.parse(text);
    const p = (performance.now() - t) / perRound;
    t = performance.now();
    for (let i = 0; i < perRound; i++) {
      const result = patientBundleSchema.safeParse(JSON.parse(text));
      if (!result.success) throw new Error("the benchmark bundle should be valid");
    }
    const b = (performance.now() - t) / perRound;
    parse.push(p);
    both.push(b);
    ratios.push(b / p);
  }
  const parseMs = summarize(parse);
  const parseAndValidateMs = summarize(both);
  return {
    bytes,
    parseMs,
    parseAndValidateMs,
    ratio: summarize(ratios),
    parseMBps: bytes / 1e6 / (parseMs.median / 1000),
    validateMBps: bytes / 1e6 / (parseAndValidateMs.median / 1000),
  };
}
