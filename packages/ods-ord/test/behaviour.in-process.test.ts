import { documentedBehaviour } from "./support/behaviour.js";
import { inProcessTarget } from "./support/targets.js";

documentedBehaviour("in-process msw", inProcessTarget);
