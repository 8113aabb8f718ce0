import { NhsValidationError } from "@nhskit/core";
import type { MeshClient, MeshMessage } from "./client.js";
import { check, workflowFilterSchema } from "./schemas.js";

/** Your processing for one message. Resolve when it is safely handled; throw to leave it in the inbox. */
export type ReceiveHandler = (message: MeshMessage, context: { signal: AbortSignal | undefined }) => unknown;

export interface ReceiveOptions {
  /** Stops the loop; a message whose handler finished but was not yet acknowledged is delivered again later. */
  signal?: AbortSignal;
  /** Only messages whose workflow matches (`X`, `!X`, `X*`, `!X*`, `*X*`, `!*X*`). */
  workflowFilter?: string;
  /** Ids per inbox request, 10 to 5000. Default 500 (MESH's own page size). */
  pageSize?: number;
  /** Messages handled at the same time. Default 1 (inbox order). */
  concurrency?: number;
  /** Stop after trying this many messages. */
  maxMessages?: number;
  /** Largest message to download into memory (bytes); bigger ones fail at the download stage. */
  maxBytes?: number;
  /** Told about each message that failed; the message stays in the inbox and the loop carries on. */
  onError?: (failure: ReceiveFailure) => void;
  /** Throw the first failure instead of carrying on (messages already being handled are finished first). */
  stopOnError?: boolean;
}

export interface ReceiveFailure {
  messageId: string;
  /** Where it failed. Only `acknowledge` failures come after a successful handler. */
  stage: "download" | "handler" | "acknowledge";
  error: unknown;
}

export interface ReceiveSummary {
  /** Handled and acknowledged, in the order the acknowledgements were accepted. */
  acknowledged: string[];
  /** Left in the inbox (they will be delivered again). */
  failures: ReceiveFailure[];
  /** Inbox requests made. */
  polls: number;
}

function positive(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new NhsValidationError("receiveAll", [
      { path: `options.${name}`, message: `must be a whole number from ${min} to ${max}` },
    ]);
  }
}

/**
 * The receive loop behind `client.receiveAll`: poll the inbox (again while pages come back full), and for each
 * message download → `await handler` → acknowledge. The acknowledgement is the last step, so a failure or a
 * stop anywhere before it leaves the message in the inbox: at-least-once delivery. Handlers should therefore be
 * idempotent (a message id seen before can be skipped).
 */
export async function receiveAll(
  client: MeshClient,
  handler: ReceiveHandler,
  options: ReceiveOptions = {},
): Promise<ReceiveSummary> {
  if (typeof handler !== "function") {
    throw new NhsValidationError("receiveAll", [{ path: "handler", message: "must be a function (message) => ..." }]);
  }
  const { signal, pageSize = 500, concurrency = 1, maxMessages, maxBytes, onError, stopOnError = false } = options;
  positive("pageSize", pageSize, 10, 5000);
  positive("concurrency", concurrency, 1, 64);
  positive("maxMessages", maxMessages, 1, Number.MAX_SAFE_INTEGER);
  const workflowFilter =
    options.workflowFilter === undefined
      ? undefined
      : check("receiveAll", workflowFilterSchema, options.workflowFilter, "options.workflowFilter");

  const acknowledged: string[] = [];
  const failures: ReceiveFailure[] = [];
  const attempted = new Set<string>();
  let polls = 0;
  let stop: { error: unknown } | undefined;

  const fail = (failure: ReceiveFailure) => {
    failures.push(failure);
    onError?.(failure);
    if (stopOnError && !stop) stop = { error: failure.error };
  };
  const aborted = () => {
    if (signal?.aborted) throw signal.reason;
  };

  async function handle(messageId: string): Promise<void> {
    let message: MeshMessage;
    try {
      message = await client.downloadMessage(messageId, {
        ...(signal ? { signal } : {}),
        ...(maxBytes ? { maxBytes } : {}),
      });
    } catch (error) {
      aborted();
      return fail({ messageId, stage: "download", error });
    }
    aborted(); // stopped after the download: not acknowledged, so delivered again
    try {
      await handler(message, { signal });
    } catch (error) {
      aborted();
      return fail({ messageId, stage: "handler", error });
    }
    aborted(); // stopped between the handler and the acknowledgement: delivered again on the next run
    try {
      await client.acknowledgeMessage(messageId, signal ? { signal } : {});
      acknowledged.push(messageId);
    } catch (error) {
      aborted();
      fail({ messageId, stage: "acknowledge", error });
    }
  }

  async function handleAll(ids: string[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < ids.length && !stop) {
        const id = ids[next++]!;
        await handle(id);
      }
    };
    const results = await Promise.allSettled(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (rejected) throw rejected.reason;
  }

  let continueFrom: string | undefined;
  const tokens = new Set<string>();
  for (;;) {
    aborted();
    const page = await client.listInbox(
      {
        maxResults: pageSize,
        ...(continueFrom ? { continueFrom } : {}),
        ...(workflowFilter ? { workflowFilter } : {}),
      },
      signal ? { signal } : {},
    );
    polls += 1;
    let fresh = page.messages.filter((id) => !attempted.has(id));
    if (maxMessages !== undefined) fresh = fresh.slice(0, Math.max(0, maxMessages - attempted.size));
    for (const id of fresh) attempted.add(id);
    await handleAll(fresh);
    if (stop) throw stop.error;
    if (maxMessages !== undefined && attempted.size >= maxMessages) break;
    if (page.continueFrom && !tokens.has(page.continueFrom)) {
      tokens.add(page.continueFrom);
      continueFrom = page.continueFrom;
      continue;
    }
    // A full page and no way to page on: poll again from the start (what MESH asks while 500 come back).
    if (fresh.length > 0 && page.messages.length >= pageSize) {
      continueFrom = undefined;
      continue;
    }
    break;
  }
  return { acknowledged, failures, polls };
}
