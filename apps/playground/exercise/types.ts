export type Target = "local" | "sandbox";

/** What a scenario's call produced, for the table. */
export interface Outcome {
  /** HTTP status, or "refused" when the client rejected the input before sending. */
  status: number | "refused";
  detail?: string;
}

export interface Scenario {
  api: string;
  operation: string;
  name: string;
  /** Runs the call through the API's client; throws (an assertion) when the result is wrong. */
  run(ctx: { baseUrl: (document?: string) => string; target: Target }): Promise<Outcome>;
  /** Targets the scenario's expectations hold for (default both); the hosted sandbox differs in places. */
  targets?: readonly Target[];
}

export class ScenarioFailure extends Error {
  override readonly name = "ScenarioFailure";
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ScenarioFailure(message);
}
