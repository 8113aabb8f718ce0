// The zod schemas are loaded on first use: bundlers split them into their own chunk, so creating a client
// does not download zod up front.
let schemas: Promise<typeof import("./schemas.js")> | undefined;

export function loadSchemas(): Promise<typeof import("./schemas.js")> {
  schemas ??= import("./schemas.js");
  return schemas;
}
