import { eRsSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

eRsSandboxFacts("in-process msw", inProcessTarget);
