import type { Scenario } from "../types.js";
import { barsScenarios } from "./bars.js";
import { dataRegistersScenarios } from "./data-registers.js";
import { dosScenarios } from "./dos.js";
import { eRsScenarios } from "./e-rs.js";
import { epsScenarios } from "./eps.js";
import { gpConnectAppointmentsScenarios } from "./gp-connect-appointments.js";
import { immunisationHistoryScenarios } from "./immunisation-history.js";
import { meshScenarios } from "./mesh.js";
import { nhsAppScenarios } from "./nhs-app.js";
import { nhsLoginScenarios } from "./nhs-login.js";
import { nrlScenarios } from "./nrl.js";
import { odsFhirScenarios } from "./ods-fhir.js";
import { odsOrdScenarios } from "./ods-ord.js";
import { pdsScenarios } from "./pds.js";
import { researchDataCatalogueScenarios } from "./research-data-catalogue.js";
import { scrScenarios } from "./scr.js";
import { sdsScenarios } from "./sds.js";
import { serviceSearchScenarios } from "./service-search.js";
import { websiteContentScenarios } from "./website-content.js";

/** Every API's scenarios, one file per API package; an API package that lands adds its file here. */
export const scenarios: readonly Scenario[] = [
  ...pdsScenarios,
  ...epsScenarios,
  ...scrScenarios,
  ...nrlScenarios,
  ...barsScenarios,
  ...gpConnectAppointmentsScenarios,
  ...eRsScenarios,
  ...immunisationHistoryScenarios,
  ...sdsScenarios,
  ...odsFhirScenarios,
  ...odsOrdScenarios,
  ...serviceSearchScenarios,
  ...websiteContentScenarios,
  ...researchDataCatalogueScenarios,
  ...dosScenarios,
  ...dataRegistersScenarios,
  ...nhsAppScenarios,
  ...nhsLoginScenarios,
  ...meshScenarios,
];
