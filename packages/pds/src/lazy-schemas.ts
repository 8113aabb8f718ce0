// The zod schemas are loaded on first use: bundlers split them into their own chunk, so an app that only
// reads patients by NHS number does not download zod up front (the entry stays within its size budget).
let schemas: Promise<typeof import("./schemas.js")> | undefined;

export function loadSchemas(): Promise<typeof import("./schemas.js")> {
  schemas ??= import("./schemas.js");
  return schemas;
}
