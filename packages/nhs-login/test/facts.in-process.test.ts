import { nhsLoginSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

nhsLoginSandboxFacts("in-process msw", inProcessTarget);
