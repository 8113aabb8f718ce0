import { getApi } from "@nhskit/catalogue";
import { NhsNetworkError } from "@nhskit/core";
import { scenarios as allScenarios } from "./scenarios/index.js";
import type { Scenario, Target } from "./types.js";

export interface ScenarioResult {
  scenario: Scenario;
  ok: boolean;
  status: string;
  ms: number;
  detail: string;
}

export interface RunOptions {
  target: Target;
  apis?: readonly string[];
  /** Origin of the local sandbox (the local target). */
  localOrigin?: string;
  onResult?: (result: ScenarioResult, done: number, total: number) => void;
}

function baseUrlResolver(apiId: string, target: Target, localOrigin: string | undefined) {
  const api = getApi(apiId);
  return (document?: string) => {
    const doc = document ? api.documents.find((d) => d.name === document) : api.documents[0];
    const url = doc?.baseUrls[target];
    if (!url) throw new Error(`${apiId}${document ? ` (${document})` : ""} has no ${target} URL`);
    return target === "local" && localOrigin ? url.replace(/^https?:\/\/[^/]+/, localOrigin) : url;
  };
}

/** Runs the selected scenarios one after another (gently: the hosted sandboxes are rate limited). */
export async function runScenarios(options: RunOptions): Promise<ScenarioResult[]> {
  const chosen = allScenarios.filter(
    (s) => (!options.apis || options.apis.includes(s.api)) && (!s.targets || s.targets.includes(options.target)),
  );
  const results: ScenarioResult[] = [];
  for (const scenario of chosen) {
    const started = performance.now();
    let result: ScenarioResult;
    try {
      const outcome = await scenario.run({
        baseUrl: baseUrlResolver(scenario.api, options.target, options.localOrigin),
        target: options.target,
      });
      result = { scenario, ok: true, status: String(outcome.status), ms: 0, detail: outcome.detail ?? "" };
    } catch (error) {
      const detail =
        error instanceof NhsNetworkError
          ? `no answer: ${error.message}`
          : error instanceof Error
            ? error.message
            : String(error);
      result = { scenario, ok: false, status: "-", ms: 0, detail };
    }
    result.ms = Math.round(performance.now() - started);
    results.push(result);
    options.onResult?.(result, results.length, chosen.length);
  }
  return results;
}

export function knownApis(): string[] {
  return [...new Set(allScenarios.map((s) => s.api))];
}
