// The endpoint catalogue (HealthcareService, Endpoint, Endpoint templates) is in BaRS 1.2.0+ but the hosted
// sandbox does not serve it. These stateless answers are nhskit's own, offered with
// `barsHandlers({ endpointCatalogue: true })` so code using those calls can be exercised.
import { fhirResponse } from "@nhskit/mock-kit";
import { EPC_IDS, endpointFixture, healthcareServiceFixture, type Json, templateFixture } from "./fixtures.js";
import { outcome } from "./responses.js";

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SANDBOX_BASE = "https://sandbox.api.service.nhs.uk/booking-and-referral/FHIR/R4";

type Identified = { identifier?: Array<{ system?: string; value?: string }> };

function matchesToken(resource: Json, token: string | null) {
  if (token === null) return true;
  const [system, value] = token.includes("|") ? token.split("|", 2) : [undefined, token];
  return ((resource as Identified).identifier ?? []).some(
    (i) => i.value === value && (system === undefined || system === "" || i.system === system),
  );
}

function bundle(request: Request, path: string, resources: Json[]) {
  return fhirResponse(request, {
    resourceType: "Bundle",
    type: "searchset",
    total: resources.length,
    link: [{ relation: "self", url: `${SANDBOX_BASE}${path}${new URL(request.url).search}` }],
    entry: resources.map((resource) => ({
      fullUrl: `${SANDBOX_BASE}/${resource.resourceType as string}/${resource.id as string}`,
      resource,
    })),
  });
}

const notFound = (request: Request) =>
  fhirResponse(
    request,
    outcome({ code: "not-found", coding: "REC_NOT_FOUND", diagnostics: "the resource requested was not found." }),
    {
      status: 404,
    },
  );
const invalid = (request: Request, diagnostics: string) =>
  fhirResponse(request, outcome({ code: "invalid", coding: "REC_BAD_REQUEST", diagnostics }), { status: 400 });
const removed = (request: Request) =>
  fhirResponse(
    request,
    outcome({
      severity: "information",
      code: "informational",
      coding: "RESOURCE_REMOVED",
      display: "Resource removed",
      diagnostics: "Resource removed",
      system: "https://fhir.nhs.uk/CodeSystem/NRLF-SuccessCode",
    }),
  );

async function body(request: Request): Promise<Json | undefined> {
  try {
    const parsed = JSON.parse(await request.clone().text());
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** One kind of catalogue resource: search, create, read, replace, delete. */
async function collection(
  request: Request,
  id: string | undefined,
  fixture: Json,
  resourceType: string,
  filter: (resource: Json, url: URL) => boolean,
  path: string,
  readable = true,
): Promise<Response | undefined> {
  const method = request.method;
  if (id === undefined) {
    if (method === "GET")
      return bundle(
        request,
        path,
        [fixture].filter((r) => filter(r, new URL(request.url))),
      );
    if (method === "POST") {
      const sent = await body(request);
      if (sent?.resourceType !== resourceType) return invalid(request, `The body must be a ${resourceType}`);
      return fhirResponse(request, { ...sent, id: crypto.randomUUID() });
    }
    return undefined;
  }
  if (!UUID.test(id)) return invalid(request, `${id} is not a UUID`);
  const known = id.toLowerCase() === fixture.id;
  if (method === "GET" && readable) return known ? fhirResponse(request, fixture) : notFound(request);
  if (method === "PUT") {
    const sent = await body(request);
    if (sent?.resourceType !== resourceType) return invalid(request, `The body must be a ${resourceType}`);
    return fhirResponse(request, { ...sent, id }, { status: known ? 200 : 201 });
  }
  if (method === "DELETE") return known ? removed(request) : notFound(request);
  return undefined;
}

/** Answers an endpoint-catalogue path, or undefined when the path is not one. */
export async function endpointCatalogue(request: Request, path: string): Promise<Response | undefined> {
  const [resource, second, third, ...more] = path.split("/").filter(Boolean);
  if (more.length) return undefined;
  if (resource === "HealthcareService" && third === undefined) {
    return collection(
      request,
      second,
      healthcareServiceFixture(),
      "HealthcareService",
      (r, url) => {
        const providedBy = url.searchParams.get("HealthcareService.providedBy");
        const ods = (r.providedBy as Array<{ identifier?: { value?: string } }>)[0]?.identifier?.value;
        return (
          (providedBy === null || providedBy === ods) &&
          matchesToken(r, url.searchParams.get("HealthcareService.identifier"))
        );
      },
      "/HealthcareService",
    );
  }
  if (resource !== "Endpoint") return undefined;
  if (second === "$template" && third === undefined) {
    return collection(
      request,
      undefined,
      templateFixture(),
      "Endpoint",
      (r, url) => matchesToken(r, url.searchParams.get("Endpoint.identifier")),
      "/Endpoint/$template",
    );
  }
  if (third === "$template") {
    if (request.method === "GET" || request.method === "POST") return undefined;
    return collection(request, second, templateFixture(), "Endpoint", () => true, "/Endpoint/$template", false);
  }
  if (third !== undefined) return undefined;
  return collection(
    request,
    second,
    endpointFixture(),
    "Endpoint",
    (r, url) => {
      const service = url.searchParams.get("_has:HealthcareService.Id");
      return (
        (service === null || service === EPC_IDS.healthcareService) &&
        matchesToken(r, url.searchParams.get("_has:HealthcareService.Identifier")) &&
        matchesToken(r, url.searchParams.get("Endpoint.identifier"))
      );
    },
    "/Endpoint",
  );
}
