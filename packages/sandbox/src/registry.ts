import type { TokenEndpoint } from "@nhskit/auth/mocks";
import { barsHandlers } from "@nhskit/bars/mocks";
import {
  type ApiEntry,
  bars,
  dataRegisters,
  dos,
  eps,
  eRs,
  gpConnectAppointments,
  immunisationHistory,
  mesh,
  nhsApp,
  nhsLogin,
  nrl,
  odsFhir,
  odsOrd,
  pds,
  researchDataCatalogue,
  scr,
  sds,
  serviceSearch,
  websiteContent,
} from "@nhskit/catalogue";
import { dataRegistersHandlers } from "@nhskit/data-registers/mocks";
import { dosHandlers } from "@nhskit/dos/mocks";
import { eRsHandlers } from "@nhskit/e-rs/mocks";
import { epsCombinedHandlers, epsDispensingHandlers, epsPrescribingHandlers } from "@nhskit/eps/mocks";
import { gpConnectAppointmentsHandlers } from "@nhskit/gp-connect-appointments/mocks";
import { immunisationHistoryHandlers } from "@nhskit/immunisation-history/mocks";
import { meshHandlers } from "@nhskit/mesh/mocks";
import { nhsAppHandlers } from "@nhskit/nhs-app/mocks";
import { NHS_LOGIN_MOCK_BASE_PATH, nhsLoginHandlers } from "@nhskit/nhs-login/mocks";
import { nrlHandlers } from "@nhskit/nrl/mocks";
import { odsFhirHandlers } from "@nhskit/ods-fhir/mocks";
import { odsOrdHandlers } from "@nhskit/ods-ord/mocks";
import { pdsHandlers } from "@nhskit/pds/mocks";
import { researchDataCatalogueHandlers } from "@nhskit/research-data-catalogue/mocks";
import { scrHandlers } from "@nhskit/scr/mocks";
import { sdsHandlers } from "@nhskit/sds/mocks";
import { serviceSearchHandlers } from "@nhskit/service-search/mocks";
import { websiteContentHandlers } from "@nhskit/website-content/mocks";
import type { RequestHandler } from "msw";

/** What the sandbox hands each API's mocks: its shared token endpoint, and whether tokens are required. */
export interface MockContext {
  readonly tokenEndpoint: TokenEndpoint;
  readonly requireAccessToken: boolean;
}

/** One API (or one document of it) the sandbox serves, with the msw handlers its package exports as /mocks. */
export interface MockedApi {
  readonly api: ApiEntry;
  readonly document?: string;
  readonly handlers: (context: MockContext) => RequestHandler[];
  /** Must answer before the platform token endpoint (NHS login's authorization_code grant on /oauth2/token). */
  readonly beforeTokenEndpoint?: boolean;
  /** Paths served besides the document's base path. */
  readonly extraBasePaths?: readonly string[];
  /** Checks access tokens itself (its own 401 bodies), so the sandbox's token gate leaves it alone. */
  readonly ownTokenCheck?: boolean;
}

/** Every API the sandbox serves. Each API package adds itself here when its mocks exist. */
export const mockedApis: readonly MockedApi[] = [
  { api: pds, handlers: () => pdsHandlers() },
  { api: eps, handlers: () => epsCombinedHandlers() },
  { api: eps, document: "prescribing", handlers: () => epsPrescribingHandlers() },
  { api: eps, document: "dispensing", handlers: () => epsDispensingHandlers() },
  { api: eRs, handlers: () => eRsHandlers() },
  // One NRL handler set answers both documents from one in-memory store, as the hosted sandbox keeps state.
  {
    api: nrl,
    document: "consumer",
    handlers: () => nrlHandlers(),
    extraBasePaths: ["/record-locator/producer/FHIR/R4"],
  },
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
  { api: serviceSearch, handlers: () => serviceSearchHandlers() },
  { api: websiteContent, handlers: () => websiteContentHandlers() },
  { api: researchDataCatalogue, handlers: () => researchDataCatalogueHandlers() },
  { api: dos, handlers: () => dosHandlers() },
  { api: dataRegisters, handlers: () => dataRegistersHandlers() },
  { api: sds, handlers: () => sdsHandlers() },
  { api: odsFhir, handlers: () => odsFhirHandlers() },
  { api: odsOrd, handlers: () => odsOrdHandlers() },
  // Checks NHSMESH headers like the MESH sandbox image does (shared key TestKey, password "password").
  { api: mesh, handlers: () => meshHandlers() },
  {
    api: nhsLogin,
    handlers: ({ tokenEndpoint }) => nhsLoginHandlers({ tokenEndpoint }),
    beforeTokenEndpoint: true,
    extraBasePaths: [NHS_LOGIN_MOCK_BASE_PATH],
    ownTokenCheck: true,
  },
  {
    api: nhsApp,
    handlers: ({ tokenEndpoint, requireAccessToken }) => nhsAppHandlers(requireAccessToken ? { tokenEndpoint } : {}),
    ownTokenCheck: true,
  },
];
