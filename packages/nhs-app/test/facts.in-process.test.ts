import { nhsAppFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

nhsAppFacts("in-process msw", inProcessTarget);
