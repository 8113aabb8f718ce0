import { sdsSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

sdsSandboxFacts("in-process msw", () => inProcessTarget());
