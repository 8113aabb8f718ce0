import { pds } from "@nhskit/catalogue";
import { isValidNhsNumber } from "@nhskit/core";
import { anyOrigin, fhirResponse, sandboxBasePath } from "@nhskit/mock-kit";
import { http, type RequestHandler } from "msw";
import { headerProblem, invalidNhsNumber, notFound } from "./checks.js";
import { getCoverage, upsertCoverage } from "./coverage.js";
import { createPatient, processBirthDetails } from "./create.js";
import { type FhirResource, patientStore, relatedPeople } from "./fixtures.js";
import { searchPatients } from "./search.js";
import { updatePatient } from "./update.js";

export interface PdsMockOptions {
  /**
   * Keep successful updates, so a later read sees them. Off by default: the hosted sandbox is stateless
   * (a PATCH answers version 3, the next read still says 2).
   */
  stateful?: boolean;
}

/** The PDS sandbox path, e.g. `/personal-demographics/FHIR/R4`. */
export const PDS_BASE_PATH = sandboxBasePath(pds);

function baseUrlOf(request: Request) {
  return `${new URL(request.url).origin}${PDS_BASE_PATH}`;
}

/**
 * msw handlers that answer like the hosted PDS sandbox, on any origin under `/personal-demographics/FHIR/R4`.
 * Use them in-process (`setupServer(...pdsHandlers())`), in a browser worker, or through `@nhskit/sandbox`.
 */
export function pdsHandlers(options: PdsMockOptions = {}): RequestHandler[] {
  const store: Map<string, FhirResource> = patientStore();
  const at = (path: string) => anyOrigin(PDS_BASE_PATH, path);

  return [
    http.get(at("/Patient"), ({ request }) => headerProblem(request) ?? searchPatients(request, baseUrlOf(request))),

    http.post(
      at("/Patient/$process-birth-details"),
      ({ request }) => headerProblem(request) ?? processBirthDetails(request),
    ),

    http.post(
      at("/Patient"),
      async ({ request }) => headerProblem(request) ?? createPatient(request, baseUrlOf(request)),
    ),

    http.get(at("/Patient/:id"), ({ request, params }) => {
      const problem = headerProblem(request);
      if (problem) return problem;
      const id = params.id as string;
      if (!isValidNhsNumber(id)) return invalidNhsNumber(request);
      const patient = store.get(id);
      if (!patient) return notFound(request);
      const version = (patient.meta as { versionId?: string } | undefined)?.versionId ?? "1";
      return fhirResponse(request, patient, { headers: { ETag: `W/"${version}"` } });
    }),

    http.patch(at("/Patient/:id"), async ({ request, params }) => {
      const response = await updatePatient(request, params.id as string, store);
      if (options.stateful && response.ok)
        store.set(params.id as string, (await response.clone().json()) as FhirResource);
      return response;
    }),

    http.get(at("/Patient/:id/RelatedPerson"), ({ request, params }) => {
      const problem = headerProblem(request);
      if (problem) return problem;
      const id = params.id as string;
      if (!isValidNhsNumber(id)) return invalidNhsNumber(request);
      if (id === "9111231130") return notFound(request);
      const people = relatedPeople[id] ?? [];
      return fhirResponse(request, {
        resourceType: "Bundle",
        type: "searchset",
        total: people.length,
        ...(people.length
          ? {
              entry: people.map((resource) => ({
                fullUrl: `${baseUrlOf(request)}/Patient/${id}/RelatedPerson/${resource.id as string}`,
                resource,
              })),
            }
          : {}),
      });
    }),

    http.get(at("/Coverage"), ({ request }) => headerProblem(request) ?? getCoverage(request)),

    http.post(at("/Coverage"), async ({ request }) => headerProblem(request) ?? upsertCoverage(request)),
  ];
}
