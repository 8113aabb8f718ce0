import { gpConnectFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

gpConnectFacts("in-process msw", inProcessTarget);
