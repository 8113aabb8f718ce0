import { scrSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

scrSandboxFacts("in-process msw", inProcessTarget);
