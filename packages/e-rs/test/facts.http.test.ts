import { eRsSandboxFacts } from "./support/facts.js";
import { httpTarget } from "./support/targets.js";

eRsSandboxFacts("over real HTTP on 127.0.0.1", httpTarget);
