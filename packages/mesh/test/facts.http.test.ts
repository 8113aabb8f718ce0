import { meshSandboxFacts } from "./support/facts.js";
import { httpTarget } from "./support/targets.js";

meshSandboxFacts("over real HTTP on 127.0.0.1", httpTarget);
