import { dosBehaviour } from "./support/behaviour.js";
import { inProcessTarget } from "./support/targets.js";

dosBehaviour("in-process msw", inProcessTarget);
