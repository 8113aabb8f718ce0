import { immunisationHistoryFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

immunisationHistoryFacts("in-process msw", inProcessTarget);
