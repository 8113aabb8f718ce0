import { odsFhirSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

odsFhirSandboxFacts("in-process msw", () => inProcessTarget());
