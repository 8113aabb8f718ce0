import { nrlSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

nrlSandboxFacts("in-process msw", inProcessTarget);
