import { type ApiEntry, pds } from "@nhskit/catalogue";
import { pdsHandlers } from "@nhskit/pds/mocks";
import type { RequestHandler } from "msw";

/** One API (or one document of it) the sandbox serves, with the msw handlers its package exports as /mocks. */
export interface MockedApi {
  readonly api: ApiEntry;
  readonly document?: string;
  readonly handlers: () => RequestHandler[];
}

/** Every API the sandbox serves. Each API package adds itself here when its mocks exist. */
export const mockedApis: readonly MockedApi[] = [{ api: pds, handlers: () => pdsHandlers() }];
