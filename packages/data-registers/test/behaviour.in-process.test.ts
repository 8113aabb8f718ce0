import { dataRegistersBehaviour } from "./support/behaviour.js";
import { inProcessTarget } from "./support/targets.js";

dataRegistersBehaviour("in-process msw", inProcessTarget);
