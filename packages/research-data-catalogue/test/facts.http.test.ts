import { researchDataCatalogueSandboxFacts } from "./support/facts.js";
import { httpTarget } from "./support/targets.js";

researchDataCatalogueSandboxFacts("over real HTTP on 127.0.0.1", httpTarget);
