import { type ApiEntry, eps, pds } from "@nhskit/catalogue";
import { epsCombinedHandlers, epsDispensingHandlers, epsPrescribingHandlers } from "@nhskit/eps/mocks";
import { pdsHandlers } from "@nhskit/pds/mocks";
import type { RequestHandler } from "msw";

/** One API (or one document of it) the sandbox serves, with the msw handlers its package exports as /mocks. */
export interface MockedApi {
  readonly api: ApiEntry;
  readonly document?: string;
  readonly handlers: () => RequestHandler[];
}

/** Every API the sandbox serves. Each API package adds itself here when its mocks exist. */
export const mockedApis: readonly MockedApi[] = [
  { api: pds, handlers: () => pdsHandlers() },
  { api: eps, handlers: () => epsCombinedHandlers() },
  { api: eps, document: "prescribing", handlers: () => epsPrescribingHandlers() },
  { api: eps, document: "dispensing", handlers: () => epsDispensingHandlers() },
];
