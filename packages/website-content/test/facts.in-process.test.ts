import { websiteContentSandboxFacts } from "./support/facts.js";
import { inProcessTarget } from "./support/targets.js";

websiteContentSandboxFacts("in-process msw", inProcessTarget);
