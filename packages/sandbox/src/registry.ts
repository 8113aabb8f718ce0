import { barsHandlers } from "@nhskit/bars/mocks";
import {
  type ApiEntry,
  bars,
  eps,
  eRs,
  gpConnectAppointments,
  immunisationHistory,
  nrl,
  pds,
  scr,
} from "@nhskit/catalogue";
import { eRsHandlers } from "@nhskit/e-rs/mocks";
import { epsCombinedHandlers, epsDispensingHandlers, epsPrescribingHandlers } from "@nhskit/eps/mocks";
import { gpConnectAppointmentsHandlers } from "@nhskit/gp-connect-appointments/mocks";
import { immunisationHistoryHandlers } from "@nhskit/immunisation-history/mocks";
import { nrlHandlers } from "@nhskit/nrl/mocks";
import { pdsHandlers } from "@nhskit/pds/mocks";
import { scrHandlers } from "@nhskit/scr/mocks";
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
  { api: eRs, handlers: () => eRsHandlers() },
  // One NRL handler set answers both documents from one in-memory store, as the hosted sandbox keeps state.
  { api: nrl, document: "consumer", handlers: () => nrlHandlers() },
  { api: nrl, document: "producer", handlers: () => [] },
  { api: scr, handlers: () => scrHandlers() },
  { api: bars, handlers: () => barsHandlers() },
  {
    api: gpConnectAppointments,
    document: "patient-facing",
    handlers: () => gpConnectAppointmentsHandlers({ document: "patient-facing" }),
  },
  {
    api: gpConnectAppointments,
    document: "provider",
    handlers: () => gpConnectAppointmentsHandlers({ document: "provider" }),
  },
  { api: immunisationHistory, handlers: () => immunisationHistoryHandlers() },
];
