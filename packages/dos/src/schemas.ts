import { NhsValidationError, type ValidationIssue } from "@nhskit/core";

/** The API's own messages for the checks the client repeats before sending (without "Bad Request: "). */
export const DOS_MESSAGES = {
  distanceNumeric: "Search distance must be numeric",
  distanceMax: "Search distance must be no more than 100",
  postcodeInvalid: "Invalid post code",
  postcodeMissing: "Postcode must be provided",
  ageGroup: "The age group ID must be one of the following: 1, 2, 3, 4, 8",
  gender: "The gender must be one of the following: M, F, I (case sensitive)",
  gpPractice: "The supplied service ID of the patient's practice does not exist in the system",
  combination: 'Invalid "SymptomGroupId=SymptomDiscriminatorId" combination supplied',
} as const;

/** DoS age groups: 4 neonate and infant (under 1), 3 toddler (1 to 4), 2 child (5 to 15), 1 adult (16+), 8 older people (65+). */
export type AgeGroup = 1 | 2 | 3 | 4 | 8;
/** Case-sensitive: M male, F female, I indeterminate. */
export type Gender = "M" | "F" | "I";

/** What both searches take. Leave an input out to send `0` in its path segment. */
export interface DosSearchBase {
  /** Where to search from; must be in the DoS postcode table. */
  postcode: string;
  /** Radius in miles, at most 100. Left out (or 0): the API's default, 37.5. */
  searchDistance?: number | string;
  /** DoS service id of the patient's GP practice, when known. */
  gpPracticeId?: number;
  ageGroup?: AgeGroup;
  gender?: Gender;
  /** Most services per service type. Left out (or 0): the API's default, 5. */
  numberPerType?: number;
  /** This call's case id; defaults to the client's (`TEST` outside the live environment). */
  caseId?: string;
}

export interface ClinicalTermSearch extends DosSearchBase {
  /** The clinical need as one symptom group and symptom discriminator, sent as `SGID=SDID`. */
  symptomGroupId: number;
  symptomDiscriminatorId: number;
}

export interface ServiceTypeSearch extends DosSearchBase {
  /** One or more DoS service type ids, sent joined with commas. */
  serviceTypeIds: readonly number[];
}

/** The path segments a search sends, `0` standing for each input left out. */
export interface SearchSegments {
  caseId: string;
  postcode: string;
  searchDistance: number;
  gpPracticeId: number;
  age: 0 | AgeGroup;
  gender: "0" | Gender;
  disposition: string;
  numberPerType: number;
}

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;
const whole = (v: unknown) => typeof v === "number" && Number.isInteger(v);

/** Checks what both searches share and fills `0` into unused segments. */
export function checkSearchBase(
  params: DosSearchBase,
  caseId: { value: string; live: boolean },
  issues: ValidationIssue[],
): SearchSegments {
  const p = (params ?? {}) as DosSearchBase;
  const postcode = typeof p.postcode === "string" ? p.postcode.trim() : "";
  if (postcode === "" || postcode === "0") issues.push({ path: "postcode", message: DOS_MESSAGES.postcodeMissing });
  else if (!POSTCODE.test(postcode)) issues.push({ path: "postcode", message: DOS_MESSAGES.postcodeInvalid });

  let searchDistance = 0;
  if (p.searchDistance !== undefined) {
    const text = String(p.searchDistance).trim();
    const numeric =
      (typeof p.searchDistance === "number" && Number.isFinite(p.searchDistance)) ||
      (typeof p.searchDistance === "string" && /^\d+(\.\d+)?$/.test(text));
    if (!numeric) issues.push({ path: "searchDistance", message: DOS_MESSAGES.distanceNumeric });
    else if (Number(text) > 100) issues.push({ path: "searchDistance", message: DOS_MESSAGES.distanceMax });
    else if (Number(text) < 0) {
      issues.push({
        path: "searchDistance",
        message: "Search distance must not be negative (0 means the default, 37.5 miles)",
      });
    } else searchDistance = Number(text);
  }

  if (p.gpPracticeId !== undefined && !(whole(p.gpPracticeId) && p.gpPracticeId >= 0)) {
    issues.push({
      path: "gpPracticeId",
      message: "must be the DoS service id (a whole number) of the patient's GP practice",
    });
  }
  if (p.ageGroup !== undefined && !([1, 2, 3, 4, 8] as unknown[]).includes(p.ageGroup)) {
    issues.push({ path: "ageGroup", message: DOS_MESSAGES.ageGroup });
  }
  if (p.gender !== undefined && !(["M", "F", "I"] as unknown[]).includes(p.gender)) {
    issues.push({ path: "gender", message: DOS_MESSAGES.gender });
  }
  if (p.numberPerType !== undefined && !(whole(p.numberPerType) && p.numberPerType >= 0)) {
    issues.push({ path: "numberPerType", message: "must be a whole number (0 for the default of 5)" });
  }
  const givenCase = p.caseId ?? caseId.value;
  checkCaseId(givenCase, caseId.live, p.caseId !== undefined ? "caseId" : "options.caseId", issues);

  return {
    caseId: givenCase,
    postcode: postcode.toUpperCase(),
    searchDistance,
    gpPracticeId: p.gpPracticeId ?? 0,
    age: p.ageGroup ?? 0,
    gender: p.gender ?? "0",
    disposition: "0",
    numberPerType: p.numberPerType ?? 0,
  };
}

/** Outside the live environment every call must say `TEST`; in live, any single path segment. */
export function checkCaseId(value: unknown, live: boolean, where: string, issues: ValidationIssue[]): void {
  if (!live) {
    if (value !== "TEST") {
      issues.push({
        path: where,
        message: `must be TEST outside the live environment (got ${JSON.stringify(value)}); only live traffic may carry a real case id`,
      });
    }
    return;
  }
  if (typeof value !== "string" || !/^[A-Za-z0-9_.-]{1,64}$/.test(value)) {
    issues.push({
      path: where,
      message: "must be your system's case id (letters, digits, -, _ or .), or 0 when there is none",
    });
  }
}

export function checkCombination(params: ClinicalTermSearch, issues: ValidationIssue[]): string {
  const { symptomGroupId: group, symptomDiscriminatorId: discriminator } = params ?? ({} as ClinicalTermSearch);
  if (!(whole(group) && group > 0 && whole(discriminator) && discriminator > 0)) {
    issues.push({ path: "symptomGroupId/symptomDiscriminatorId", message: DOS_MESSAGES.combination });
    return "";
  }
  return `${group}=${discriminator}`;
}

export function checkServiceTypes(params: ServiceTypeSearch, issues: ValidationIssue[]): string {
  const ids = params?.serviceTypeIds;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => whole(id) && id > 0)) {
    issues.push({
      path: "serviceTypeIds",
      message: "must be a list of one or more DoS service type ids (whole numbers)",
    });
    return "";
  }
  return ids.join(",");
}

/** An ODS code: letters and digits, optionally with hyphens after the first character. */
export function checkOdsCode(operation: string, value: unknown): string {
  if (typeof value !== "string" || !/^[A-Za-z0-9][A-Za-z0-9-]{1,19}$/.test(value)) {
    throw new NhsValidationError(operation, [
      { path: "odsCode", message: `${JSON.stringify(value)} must be an ODS code such as FA123` },
    ]);
  }
  return value.toUpperCase();
}

/** A DoS service id: a positive whole number. */
export function checkServiceId(operation: string, value: unknown): number {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (!(whole(n) && (n as number) > 0)) {
    throw new NhsValidationError(operation, [
      { path: "serviceId", message: `${JSON.stringify(value)} must be a DoS service id (a positive whole number)` },
    ]);
  }
  return n as number;
}
