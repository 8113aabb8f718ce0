import { immunisationHistory } from "@nhskit/catalogue";
import { anyOrigin, fhirResponse, mirroredHeaders, operationOutcome, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import { covidEntries, fluEntries, HISTORY_NHS_NUMBER, hpvEntries, includedPatient } from "./fixtures.js";

/** `/immunisation-history/FHIR/R4`: where the hosted sandbox serves the API. */
export const IMMUNISATION_HISTORY_BASE_PATH = sandboxBasePath(immunisationHistory);
/** `/immunisation-history`: the proxy's own path, where `_ping`, `_status` and `health` answer. */
export const IMMUNISATION_HISTORY_PROXY_PATH = IMMUNISATION_HISTORY_BASE_PATH.replace(/\/FHIR\/R4$/, "");

// biome-ignore lint/suspicious/noEmptyInterface: room for options without breaking callers
export interface ImmunisationHistoryMockOptions {}

const TARGETS = ["COVID19", "HPV", "FLU"];
const COVID_PROCEDURE = "90640007";
const TARGET_PROBLEM =
  "Missing or invalid required request parameters: [procedure-code:below] OR [immunization.target]";

/** The API version an Accept header asks for ("1.0" when it says nothing), or undefined when unusable. */
function requestedVersion(accept: string | null): "1.0" | "2.0" | undefined {
  let version = "1.0";
  if (accept !== null) {
    const parts = accept
      .toLowerCase()
      .split(";")
      .map((part) => part.split("=").map((s) => s.trim()));
    const found = parts.find(([key]) => key === "version");
    if (found && found[1] !== undefined) version = found[1];
  }
  if (Number.isNaN(Number(version))) return undefined;
  const major = version.split(".")[0];
  return major === "1" ? "1.0" : major === "2" ? "2.0" : undefined;
}

/** Midnight UTC of a strict YYYY-MM-DD day from 0001-01-01 to 9999-12-31, or undefined. */
function parseDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime();
}

function problem(request: Request, diagnostics: string, version?: string) {
  return fhirResponse(request, operationOutcome({ code: "processing", diagnostics }), {
    status: 400,
    headers: version ? { version } : {},
  });
}

type Entry = { resource: { occurrenceDateTime: string } };

function bundleOf(entries: readonly Entry[], from: number, to: number) {
  // Like the sandbox, `date.to` is compared with the start of that day, so a dose later on it is left out.
  const matched = entries.filter((e) => {
    const when = Date.parse(e.resource.occurrenceDateTime);
    return when >= from && when <= to;
  });
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: matched.length,
    entry: [...structuredClone(matched), includedPatient()],
  };
}

/** GET /Immunization, with the hosted sandbox's checks in its order. */
export function searchImmunizations(request: Request): Response {
  const version = requestedVersion(request.headers.get("accept"));
  if (!version) return problem(request, "Invalid version");
  const query = new URL(request.url).searchParams;
  const identifier = query.get("patient.identifier");
  if (identifier === null) {
    // The sandbox crashes reading the missing parameter and its error handler answers this.
    return HttpResponse.json({ error: "something went wrong" }, { status: 500, headers: mirroredHeaders(request) });
  }
  const nhsNumber = identifier.split("|")[1];
  if (!nhsNumber) return problem(request, "Missing required request parameters: [patient.identifier]", version);

  const target = query.get("immunization.target");
  const procedure = query.get("procedure-code:below");
  if (!target === !procedure) return problem(request, TARGET_PROBLEM, version);
  if (target && !TARGETS.includes(target)) return problem(request, TARGET_PROBLEM, version);
  if (procedure && procedure !== COVID_PROCEDURE) return problem(request, TARGET_PROBLEM, version);

  const rawFrom = query.get("date.from");
  const rawTo = query.get("date.to");
  const from = rawFrom ? parseDay(rawFrom) : parseDay("0001-01-01");
  const to = rawTo ? parseDay(rawTo) : parseDay("9999-12-31");
  if (from === undefined) return problem(request, "Invalid request parameters: [date.from]", version);
  if (to === undefined) return problem(request, "Invalid request parameters: [date.to]", version);
  if (from > to) return problem(request, "Invalid request parameters: [date.from] is greater than [date.to]", version);

  const headers = { version };
  if (nhsNumber !== HISTORY_NHS_NUMBER) {
    return fhirResponse(request, { resourceType: "Bundle", type: "searchset", total: 0, entry: [] }, { headers });
  }
  if (procedure || target === "COVID19") return fhirResponse(request, bundleOf(covidEntries, from, to), { headers });
  if (target === "HPV") return fhirResponse(request, bundleOf(hpvEntries, from, to), { headers });
  if (version === "1.0") return fhirResponse(request, bundleOf(fluEntries, from, to), { headers });
  // Version 2.0 has no FLU data store in the sandbox: it answers 200 with an empty body.
  return new HttpResponse(null, {
    status: 200,
    headers: { "Content-Type": "application/json", ...mirroredHeaders(request), ...headers },
  });
}

const health = { status: "pass", ping: "pong", service: "immunisation-history", version: {} };

/**
 * msw handlers that answer like the hosted Immunisation History sandbox, on any origin under
 * `/immunisation-history/FHIR/R4` (plus the proxy's `_ping`, `_status` and `health`). Use them in-process
 * (`setupServer(...immunisationHistoryHandlers())`), in a browser worker, or through `@nhskit/sandbox`.
 */
export function immunisationHistoryHandlers(_options: ImmunisationHistoryMockOptions = {}): RequestHandler[] {
  const proxy = (path: string) => anyOrigin(IMMUNISATION_HISTORY_PROXY_PATH, path);
  return [
    http.get(anyOrigin(IMMUNISATION_HISTORY_BASE_PATH, "/Immunization"), ({ request }) => searchImmunizations(request)),
    http.get(proxy("/_ping"), () => HttpResponse.json(health)),
    http.get(proxy("/health"), () => HttpResponse.json(health)),
    http.get(proxy("/_status"), ({ request }) =>
      request.headers.get("apikey")
        ? HttpResponse.json(health)
        : HttpResponse.json(
            { error: "Access Denied", error_description: "Invalid api key for _status monitoring endpoint" },
            { status: 401 },
          ),
    ),
  ];
}
