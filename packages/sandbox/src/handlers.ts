import { catalogue } from "@nhskit/catalogue";
import { sandboxBasePath } from "@nhskit/mock-kit";
import type { RequestHandler } from "msw";
import { type MockedApi, mockedApis } from "./registry.js";

export interface SandboxOptions {
  /** Only these API ids (default: all that have mocks). */
  apis?: readonly string[];
}

function selected(options: SandboxOptions): readonly MockedApi[] {
  if (!options.apis) return mockedApis;
  const known = new Set(mockedApis.map((m) => m.api.id));
  const unknown = options.apis.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new Error(
      `The sandbox has no mocks for ${unknown.join(", ")}. It serves: ${[...known].join(", ") || "nothing yet"}.`,
    );
  }
  return mockedApis.filter((m) => options.apis!.includes(m.api.id));
}

/** All handlers in the order msw should try them. */
export function sandboxHandlers(options: SandboxOptions = {}): RequestHandler[] {
  return selected(options).flatMap((m) => m.handlers());
}

/** What `GET /` answers: every catalogue API, where it is served, or why not. */
export function sandboxIndex(options: SandboxOptions = {}) {
  const served = selected(options);
  return {
    name: "nhskit local sandbox",
    note: "Behaves like the NHS API platform's hosted sandboxes, offline. Not an NHS service.",
    apis: catalogue.map((api) => {
      const docs = served.filter((m) => m.api.id === api.id);
      return {
        id: api.id,
        name: api.name,
        status: api.status,
        served: docs.length > 0,
        basePaths: docs.map((m) => sandboxBasePath(m.api, m.document)),
      };
    }),
  };
}

export function servedBasePaths(options: SandboxOptions = {}): string[] {
  return selected(options).map((m) => sandboxBasePath(m.api, m.document));
}
