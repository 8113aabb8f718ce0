import { dos } from "@nhskit/catalogue";
import { anyOrigin, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import { DOS_MESSAGES } from "../schemas.js";
import { lookupView, milesBetween, POSTCODES, SERVICES, searchView } from "./fixtures.js";

export interface DosMockOptions {
  /** Accounts the mock accepts. Default: any non-empty Basic user name and password. */
  accounts?: ReadonlyArray<{ username: string; password: string }>;
}

/** `/dos/app/controllers/api/v1.0/services` under `pnpm sandbox` (there is no hosted DoS sandbox). */
export const DOS_BASE_PATH = sandboxBasePath(dos);

const error = (code: number, message: string) => HttpResponse.json({ error: { code, message } }, { status: code });
const badRequest = (message: string) => error(400, `Bad Request: ${message}`);

function success(services: unknown[]) {
  return HttpResponse.json({
    success: {
      code: 200,
      status: "success",
      transactionId: crypto.randomUUID(),
      catchAll: services.length === 0,
      serviceCount: services.length,
      services,
    },
  });
}

function authorised(request: Request, options: DosMockOptions): boolean {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(request.headers.get("authorization") ?? "");
  if (!match) return false;
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]!), (c) => c.charCodeAt(0)));
  } catch {
    return false;
  }
  const colon = decoded.indexOf(":");
  if (colon < 1 || colon === decoded.length - 1) return false;
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  return options.accounts ? options.accounts.some((a) => a.username === username && a.password === password) : true;
}

function normalisePostcode(text: string): string {
  const compact = text.replace(/\s+/g, "").toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

type Filter = { kind: "combination"; value: string } | { kind: "types"; value: number[] };

function search(segments: string[], filter: "combination" | "types") {
  const [, postcodeText, distanceText, gpText, ageText, genderText, , filterText, perTypeText] = segments as string[];
  if (!postcodeText || postcodeText === "0") return badRequest(DOS_MESSAGES.postcodeMissing);
  const origin = POSTCODES[normalisePostcode(postcodeText)];
  if (!origin) return badRequest(DOS_MESSAGES.postcodeInvalid);
  if (!/^\d+(\.\d+)?$/.test(distanceText!)) return badRequest(DOS_MESSAGES.distanceNumeric);
  if (Number(distanceText) > 100) return badRequest(DOS_MESSAGES.distanceMax);
  const gp = Number(gpText);
  if (gpText !== "0" && !SERVICES.some((s) => s.id === gp && s.typeId === 100 && s.active)) {
    return badRequest(DOS_MESSAGES.gpPractice);
  }
  if (!["0", "1", "2", "3", "4", "8"].includes(ageText!)) return badRequest(DOS_MESSAGES.ageGroup);
  if (!["0", "M", "F", "I"].includes(genderText!)) return badRequest(DOS_MESSAGES.gender);
  let wanted: Filter;
  if (filter === "combination") {
    if (!/^\d+=\d+$/.test(filterText!)) return badRequest(DOS_MESSAGES.combination);
    wanted = { kind: "combination", value: filterText! };
  } else {
    // No documented message for bad service type ids: they simply match nothing.
    wanted = { kind: "types", value: /^\d+(,\d+)*$/.test(filterText!) ? filterText!.split(",").map(Number) : [] };
  }
  const radius = Number(distanceText) === 0 ? 37.5 : Number(distanceText);
  const perType = /^\d+$/.test(perTypeText!) && Number(perTypeText) > 0 ? Number(perTypeText) : 5;

  const found = SERVICES.filter((s) => s.active)
    .filter((s) =>
      wanted.kind === "combination" ? s.combinations.includes(wanted.value) : wanted.value.includes(s.typeId),
    )
    .filter((s) => ageText === "0" || s.ageGroups.includes(Number(ageText)))
    .filter((s) => genderText === "0" || s.genders.includes(genderText as "M" | "F" | "I"))
    .map((s) => ({ s, distance: milesBetween(origin, s) }))
    .filter(({ distance }) => distance <= radius)
    // Nearest first, except that services listing the patient's GP practice among their referrals lead.
    .sort((a, b) => {
      const aGp = gp !== 0 && a.s.referredByGps.includes(gp) ? 0 : 1;
      const bGp = gp !== 0 && b.s.referredByGps.includes(gp) ? 0 : 1;
      return aGp - bGp || a.distance - b.distance;
    });
  const perTypeCount = new Map<number, number>();
  const limited = found.filter(({ s }) => {
    const n = (perTypeCount.get(s.typeId) ?? 0) + 1;
    perTypeCount.set(s.typeId, n);
    return n <= perType;
  });
  return success(limited.map(({ s, distance }) => searchView(s, distance)));
}

/**
 * msw handlers that emulate the DoS UEC REST API under `/dos/app/controllers/api/v1.0/services` (no hosted
 * sandbox exists, so this follows the documentation: basic auth, the four searches, the documented 400
 * messages, `0` for unused segments) with invented services around Leeds.
 */
export function dosHandlers(options: DosMockOptions = {}): RequestHandler[] {
  function route(request: Request): Response {
    const url = new URL(request.url);
    const segments = url.pathname
      .slice(DOS_BASE_PATH.length)
      .split("/")
      .filter((s) => s !== "")
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      });
    if (!authorised(request, options)) {
      return error(401, "Unauthorized: You are not authorized to access this resource.");
    }
    const [operation] = segments;
    if (request.method === "GET") {
      if (operation === "byClinicalTerm" && segments.length === 10) return search(segments.slice(1), "combination");
      if (operation === "byServiceType" && segments.length === 10) return search(segments.slice(1), "types");
      if (operation === "byOdsCode" && segments.length === 2) {
        const code = segments[1]!.toUpperCase();
        return success(SERVICES.filter((s) => s.active && s.odsCode === code).map(lookupView));
      }
      if (operation === "byServiceId" && segments.length === 2) {
        const id = Number(segments[1]);
        return success(SERVICES.filter((s) => s.active && s.id === id).map(lookupView));
      }
    }
    return error(404, `Not Found: no ${request.method} ${url.pathname.slice(DOS_BASE_PATH.length) || "/"}`);
  }
  return [
    http.all(anyOrigin(DOS_BASE_PATH), ({ request }) => route(request)),
    http.all(anyOrigin(DOS_BASE_PATH, "/*"), ({ request }) => route(request)),
  ];
}
