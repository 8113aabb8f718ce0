import { dosBehaviour } from "./support/behaviour.js";
import { httpTarget } from "./support/targets.js";

dosBehaviour("over real HTTP on 127.0.0.1", httpTarget);
