import { epsSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

epsSandboxFacts("in-process msw", inProcessTarget);
