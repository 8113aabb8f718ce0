import { documentedBehaviour } from "./support/behaviour.js";
import { httpTarget } from "./support/targets.js";

documentedBehaviour("over real HTTP on 127.0.0.1", httpTarget);
