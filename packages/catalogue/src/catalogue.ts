import { bars } from "./apis/bars.js";
import { dataRegisters } from "./apis/data-registers.js";
import { dos } from "./apis/dos.js";
import { eRs } from "./apis/e-rs.js";
import { eps } from "./apis/eps.js";
import { gpConnectAppointments } from "./apis/gp-connect-appointments.js";
import { immunisationHistory } from "./apis/immunisation-history.js";
import { mesh } from "./apis/mesh.js";
import { nhsApp } from "./apis/nhs-app.js";
import { nhsLogin } from "./apis/nhs-login.js";
import { nrl } from "./apis/nrl.js";
import { odsFhir } from "./apis/ods-fhir.js";
import { odsOrd } from "./apis/ods-ord.js";
import { pds } from "./apis/pds.js";
import { researchDataCatalogue } from "./apis/research-data-catalogue.js";
import { scr } from "./apis/scr.js";
import { sds } from "./apis/sds.js";
import { serviceSearch } from "./apis/service-search.js";
import { websiteContent } from "./apis/website-content.js";
import type { ApiEntry } from "./types.js";

/**
 * Every API nhskit covers, in catalogue order. Importing this pulls in all 19 entries; a client
 * imports only its own entry (e.g. `pds`) so bundles stay small.
 */
export const catalogue: readonly ApiEntry[] = [
  pds,
  eps,
  scr,
  nrl,
  bars,
  gpConnectAppointments,
  eRs,
  immunisationHistory,
  nhsApp,
  serviceSearch,
  nhsLogin,
  sds,
  researchDataCatalogue,
  websiteContent,
  mesh,
  dos,
  dataRegisters,
  odsOrd,
  odsFhir,
];

export function findApi(id: string): ApiEntry | undefined {
  return catalogue.find((api) => api.id === id);
}

/** The entry for `id`, or an error that lists the ids that exist. */
export function getApi(id: string): ApiEntry {
  const api = findApi(id);
  if (!api) {
    throw new Error(`Unknown API "${id}". Known APIs: ${catalogue.map((a) => a.id).join(", ")}.`);
  }
  return api;
}
