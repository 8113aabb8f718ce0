import { serviceSearchSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

serviceSearchSandboxFacts("in-process msw", inProcessTarget);
