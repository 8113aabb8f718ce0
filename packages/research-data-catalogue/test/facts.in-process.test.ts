import { researchDataCatalogueSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

researchDataCatalogueSandboxFacts("in-process msw", inProcessTarget);
