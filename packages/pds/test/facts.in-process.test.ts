import { pdsSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

pdsSandboxFacts("in-process msw", inProcessTarget);
