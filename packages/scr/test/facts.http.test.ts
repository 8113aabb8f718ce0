import { scrSandboxFacts } from "./support/facts.js";
import { httpTarget } from "./support/targets.js";

scrSandboxFacts("over real HTTP on 127.0.0.1", httpTarget);
