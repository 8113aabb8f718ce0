import type { Scenario } from "../types.js";
import { pdsScenarios } from "./pds.js";

/** Every API's scenarios; an API package that lands adds its file here. */
export const scenarios: readonly Scenario[] = [...pdsScenarios];
