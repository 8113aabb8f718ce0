import { dataRegisters } from "@nhskit/catalogue";
import { anyOrigin, mirroredHeaders, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import { type DataRegistersOperation, type DataRegistersPaths, resolvePaths } from "../paths.js";
import { isIsoDate, today } from "../schemas.js";
import { entryAsAt, firstDate, lastChange, type MockRegister, REGISTERS } from "./fixtures.js";

export interface DataRegistersMockOptions {
  /** Serve the operations on these path templates instead of the defaults (match the client's `paths`). */
  paths?: Partial<DataRegistersPaths>;
}

/** `/data-registers` under `pnpm sandbox` (PROVISIONAL: no real URL is published). */
export const DATA_REGISTERS_BASE_PATH = sandboxBasePath(dataRegisters);

const json = (request: Request, body: unknown, status = 200) =>
  HttpResponse.json(body as object, { status, headers: mirroredHeaders(request) });
const fail = (request: Request, status: number, code: string, message: string) =>
  json(request, { code, message }, status);

function registerView(r: MockRegister) {
  const now = today();
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    custodian: r.custodian,
    updated: `${lastChange(r)}T00:00:00Z`,
    entryCount: r.entries.filter((e) => entryAsAt(e, now)).length,
  };
}

/** Turns `/registers/{registerId}/entries/{code}` into a regular expression with named groups. */
function matcher(template: string): RegExp {
  const escaped = template
    .split(/(\{[^{}]+\})/)
    .map((part) =>
      part.startsWith("{") ? `(?<${part.slice(1, -1)}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${escaped}/?$`);
}

/**
 * PROVISIONAL msw handlers emulating nhskit's model of the Data Registers Service under `/data-registers`:
 * three invented registers (organisation codes, postcodes, ICD-10 diagnosis codes) whose entries change over
 * time, so reading them `asAt` different dates gives different answers.
 */
export function dataRegistersHandlers(options: DataRegistersMockOptions = {}): RequestHandler[] {
  const templates = resolvePaths("dataRegistersHandlers", options.paths);
  // Longest templates first, so /registers/{id}/entries is not taken for /registers/{id}.
  const routes = (Object.entries(templates) as Array<[DataRegistersOperation, string]>)
    .map(([operation, template]) => ({ operation, pattern: matcher(template) }))
    .sort((a, b) => b.pattern.source.length - a.pattern.source.length);

  function asAtOf(request: Request, register: MockRegister): { date: string } | Response {
    const asAt = new URL(request.url).searchParams.get("asAt");
    if (asAt === null) return { date: today() };
    if (!isIsoDate(asAt))
      return fail(request, 400, "INVALID_PARAMETER", `asAt must be a date written YYYY-MM-DD, not '${asAt}'`);
    if (asAt > today()) return fail(request, 400, "INVALID_PARAMETER", `asAt ${asAt} is in the future`);
    if (asAt < firstDate(register)) {
      return fail(request, 404, "SNAPSHOT_NOT_FOUND", `Register '${register.id}' has no data as at ${asAt}`);
    }
    return { date: asAt };
  }

  function route(request: Request): Response {
    const url = new URL(request.url);
    const path = decodeURIComponent(url.pathname.slice(DATA_REGISTERS_BASE_PATH.length)) || "/";
    const hit = routes.map((r) => ({ ...r, match: r.pattern.exec(path) })).find((r) => r.match);
    if (!hit || request.method !== "GET")
      return fail(request, 404, "NOT_FOUND", `Nothing is served at ${request.method} ${path}`);
    const groups = hit.match!.groups ?? {};

    if (hit.operation === "listRegisters") {
      return json(request, { total: REGISTERS.length, items: REGISTERS.map(registerView) });
    }
    const register = REGISTERS.find((r) => r.id === groups.registerId);
    if (!register) return fail(request, 404, "REGISTER_NOT_FOUND", `No register '${groups.registerId}'`);

    switch (hit.operation) {
      case "getRegister":
        return json(request, registerView(register));
      case "listRegisterSnapshots":
        return json(request, {
          items: register.snapshotDates.map((asAt) => ({
            asAt,
            published: `${asAt}T06:00:00Z`,
            entryCount: register.entries.filter((e) => entryAsAt(e, asAt)).length,
          })),
        });
      case "getRegisterEntry": {
        const when = asAtOf(request, register);
        if (when instanceof Response) return when;
        const entry = register.entries.find((e) => e.code.toUpperCase() === groups.code!.toUpperCase());
        const state = entry && entryAsAt(entry, when.date);
        if (!state)
          return fail(
            request,
            404,
            "ENTRY_NOT_FOUND",
            `No entry '${groups.code}' in '${register.id}' as at ${when.date}`,
          );
        return json(request, state);
      }
      default: {
        const when = asAtOf(request, register);
        if (when instanceof Response) return when;
        const params = url.searchParams;
        const limitText = params.get("limit") ?? "100";
        const offsetText = params.get("offset") ?? "0";
        if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > 1000) {
          return fail(request, 400, "INVALID_PARAMETER", "limit must be a whole number from 1 to 1000");
        }
        if (!/^\d+$/.test(offsetText))
          return fail(request, 400, "INVALID_PARAMETER", "offset must be a whole number from 0");
        const code = params.get("code");
        const search = params.get("search")?.toLowerCase();
        const matching = register.entries
          .map((e) => entryAsAt(e, when.date))
          .filter((e) => e !== undefined)
          .filter((e) => code === null || e.code.toUpperCase() === code.toUpperCase())
          .filter((e) => !search || e.code.toLowerCase().includes(search) || e.name.toLowerCase().includes(search))
          .sort((a, b) => a.code.localeCompare(b.code));
        const limit = Number(limitText);
        const offset = Number(offsetText);
        return json(request, { total: matching.length, limit, offset, items: matching.slice(offset, offset + limit) });
      }
    }
  }

  return [
    http.all(anyOrigin(DATA_REGISTERS_BASE_PATH), ({ request }) => route(request)),
    http.all(anyOrigin(DATA_REGISTERS_BASE_PATH, "/*"), ({ request }) => route(request)),
  ];
}
