import { fhirResponse, operationOutcome } from "@nhskit/mock-kit";
import { badRequest } from "./checks.js";

const GENDERS = ["male", "female", "unknown"];
const randomId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(3)), (b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();

type Json = Record<string, unknown>;
const missing = (request: Request, field: string) =>
  badRequest(request, "MISSING_VALUE", `Missing value - '${field}'`, "required");

/** POST /Patient: allocates the sandbox's fixed new NHS number, or reports a probable existing record. */
export async function createPatient(request: Request, baseUrl: string): Promise<Response> {
  let body: Json;
  try {
    body = (await request.json()) as Json;
  } catch {
    return badRequest(request, "INVALID_VALUE", "Invalid value - request body is not valid JSON", "structure");
  }
  const name = (Array.isArray(body.name) ? body.name[0] : undefined) as Json | undefined;
  const address = (Array.isArray(body.address) ? body.address[0] : undefined) as Json | undefined;
  if (!name) return missing(request, "name");
  if (!address) return missing(request, "address");
  if (body.gender === undefined) return missing(request, "gender");
  if (body.birthDate === undefined) return missing(request, "birthDate");
  if (!address.period) return missing(request, "address/0/period");
  if (!GENDERS.includes(body.gender as string)) {
    return badRequest(request, "INVALID_VALUE", `Invalid value - '${String(body.gender)}' in field 'gender'`);
  }
  if (typeof body.birthDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(body.birthDate)) {
    return badRequest(request, "INVALID_VALUE", `Invalid value - '${String(body.birthDate)}' in field 'birthDate'`);
  }
  if (name.given !== undefined && !Array.isArray(name.given)) {
    return badRequest(request, "INVALID_VALUE", `Invalid value - '${String(name.given)}' in field 'name/0/given'`);
  }
  const postcode = String(address.postalCode ?? "");
  if (name.family === "McMatch-Single" && postcode === "BAP 4WG") {
    return fhirResponse(
      request,
      operationOutcome({
        code: "duplicate",
        spineCode: "SINGLE_MATCH",
        display: "Single match found",
        diagnostics: "A record for this person probably exists already: NHS number 5900054586",
      }),
    );
  }
  if (name.family === "McMatch-Multiple" && postcode === "DN19 7UD") {
    return fhirResponse(
      request,
      operationOutcome({
        code: "multiple-matches",
        spineCode: "MULTIPLE_MATCHES",
        display: "Multiple matches found",
        diagnostics: "Several existing records may belong to this person",
      }),
    );
  }
  const nhsNumber = "5182663366";
  const lines = Array.isArray(address.line)
    ? (address.line as unknown[]).filter((l) => typeof l === "string" && l.trim() !== "")
    : [];
  const patient = {
    resourceType: "Patient",
    id: nhsNumber,
    identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: nhsNumber }],
    meta: {
      versionId: "1",
      security: [
        { system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "U", display: "unrestricted" },
      ],
    },
    name: [{ ...name, id: randomId() }],
    gender: body.gender,
    birthDate: body.birthDate,
    address: [{ ...address, id: randomId(), line: lines }],
  };
  return fhirResponse(request, patient, {
    status: 201,
    headers: { Location: `${baseUrl}/Patient/${nhsNumber}`, ETag: 'W/"1"' },
  });
}

/** POST /Patient/$process-birth-details: not in the published spec, but the hosted sandbox answers it. */
export function processBirthDetails(request: Request) {
  const nhsNumber = "5900010775";
  return fhirResponse(
    request,
    {
      resourceType: "Patient",
      id: nhsNumber,
      identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: nhsNumber }],
      meta: { versionId: "1" },
    },
    { status: 201, headers: { "notification-id": "2AE84248-5180-42B6-8BB7-C93C0991B863" } },
  );
}
