import { meshSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

meshSandboxFacts("in-process with msw", inProcessTarget);
