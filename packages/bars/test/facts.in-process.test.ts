import { barsSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

barsSandboxFacts("in-process msw", inProcessTarget);
