import { sdsSandboxFacts } from "./support/facts.js";
import { httpTarget } from "./support/targets.js";

sdsSandboxFacts("over real HTTP on 127.0.0.1", () => httpTarget());
