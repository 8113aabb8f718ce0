import { fhirResponse, operationOutcome } from "@nhskit/mock-kit";
import { badRequest } from "./checks.js";
import { type FhirResource, historicSmith, janeSmith, janetSmythe, johnSmith, knappExact } from "./fixtures.js";

const KNOWN = new Set([
  "_fuzzy-match",
  "_exact-match",
  "_history",
  "_max-results",
  "family",
  "given",
  "gender",
  "birthdate",
  "death-date",
  "address-postalcode",
  "address-postcode",
  "general-practitioner",
  "email",
  "phone",
]);
const DATE = /^(eq|ge|le)?(\d{4}-\d{2}-\d{2})$/;

function bundle(request: Request, baseUrl: string, matches: Array<[FhirResource, number]>) {
  return fhirResponse(request, {
    resourceType: "Bundle",
    type: "searchset",
    timestamp: new Date().toISOString(), // fresh on every search, as on the hosted sandbox
    total: matches.length,
    ...(matches.length
      ? {
          entry: matches.map(([resource, score]) => ({
            fullUrl: `${baseUrl}/Patient/${resource.id as string}`,
            search: { score },
            resource,
          })),
        }
      : {}),
  });
}

/** True when the birthdate parameters cover `day` (eq/none exactly, or a ge/le range around it). */
function datesCover(values: string[], day: string): boolean {
  if (values.length === 0) return false;
  return values.every((v) => {
    const [, prefix = "eq", date] = DATE.exec(v) ?? [];
    if (!date) return false;
    if (prefix === "eq") return date === day;
    return prefix === "ge" ? date <= day : date >= day;
  });
}

/** GET /Patient, reproducing the hosted sandbox's canned search outcomes in its order of checks. */
export function searchPatients(request: Request, baseUrl: string): Response {
  const query = new URL(request.url).searchParams;
  const names = [...new Set(query.keys())];
  if (names.length === 0) {
    return badRequest(
      request,
      "UNSUPPORTED_SERVICE",
      "Invalid request with error - no search parameters were supplied",
      "processing",
    );
  }
  const unknown = names.find((n) => !KNOWN.has(n));
  if (unknown) {
    return badRequest(
      request,
      "ADDITIONAL_PROPERTIES",
      `Invalid request with error - Additional properties are not allowed ('${unknown}' was unexpected)`,
      "invariant",
    );
  }
  for (const field of ["birthdate", "death-date"]) {
    const bad = query.getAll(field).find((v) => !DATE.test(v));
    if (bad !== undefined) return badRequest(request, "INVALID_VALUE", `Invalid value - '${bad}' in field '${field}'`);
  }
  const birthdates = query.getAll("birthdate");
  if (birthdates.length === 0) {
    return badRequest(
      request,
      "MISSING_VALUE",
      "Missing value - 'birth_date/birth_date_range_start/birth_date_range_end'",
      "required",
    );
  }
  const family = query.get("family");
  if (!family) {
    return badRequest(
      request,
      "INVALID_SEARCH_DATA",
      "Invalid search data provided - the search criteria did not meet the minimum requirements",
      "invalid",
    );
  }

  const phone = query.get("phone");
  const email = query.get("email");
  const gender = query.get("gender");
  const maxResults = query.has("_max-results") ? Number(query.get("_max-results")) : undefined;
  const janesPhone = phone === "01632960587";
  const janesEmail = email === "jane.smith@example.com";

  if (family.toLowerCase() === "smythe") return bundle(request, baseUrl, [[janetSmythe, 1]]);

  if (family === "KNAPP" && gender === "female" && datesCover(birthdates, "1943-07-03")) {
    return bundle(request, baseUrl, query.get("_exact-match") === "true" ? [[knappExact, 1]] : []);
  }

  if (
    family === "Smith" &&
    gender === "male" &&
    datesCover(birthdates, "2000-05-05") &&
    email === "Historic@historic.com"
  ) {
    return bundle(request, baseUrl, query.get("_history") === "true" ? [[historicSmith, 1]] : []);
  }

  if (query.get("_fuzzy-match") === "true") {
    if (janesPhone && janesEmail) return bundle(request, baseUrl, [[janeSmith, 0.9542]]);
    if (janesPhone || janesEmail) return bundle(request, baseUrl, [[janeSmith, 0.9124]]);
    if (!phone && !email) return bundle(request, baseUrl, [[johnSmith, 0.8976]]);
  }

  const tooMany = (family === "Sm*" && !phone && !email) || family === "YOUDS";
  if (tooMany && maxResults !== undefined && maxResults < 2) {
    return fhirResponse(
      request,
      operationOutcome({
        code: "multiple-matches",
        spineCode: "TOO_MANY_MATCHES",
        display: "Too Many Matches",
        diagnostics: "Too many matches were found; narrow the search",
      }),
    );
  }
  if (family === "Sm*" && !phone && !email) {
    return bundle(request, baseUrl, [
      [janeSmith, 0.8343],
      [johnSmith, 0.8343],
    ]);
  }

  if (family === "Smith" && gender === "female" && datesCover(birthdates, "2010-10-22")) {
    if (email === "deb.trotter@example.com" && phone === "0121111111") return bundle(request, baseUrl, []);
    const contactMatches = (!phone || janesPhone) && (!email || janesEmail);
    if (contactMatches) return bundle(request, baseUrl, [[janeSmith, 1]]);
  }

  return fhirResponse(
    request,
    operationOutcome({
      severity: "warning",
      code: "not-supported",
      diagnostics: "This mock endpoint has no example response for this combination of search parameters",
    }),
  );
}
