import type { ApiEntry } from "@nhskit/catalogue";
import type { TargetKind } from "./call.js";
import type { Prepared } from "./checks.js";
import type { Operation } from "./operations.js";

/** The same call as TypeScript with the API's package, ready to paste. */
export function snippet(api: ApiEntry, docName: string, op: Operation, prepared: Prepared, target: TargetKind): string {
  const factory = (api.documents.find((d) => d.name === docName) ?? api.documents[0]).clientFactory;
  const init: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  for (const where of ["path", "query", "header"] as const) {
    if (Object.keys(prepared.params[where]).length) params[where] = prepared.params[where];
  }
  if (Object.keys(params).length) init.params = params;
  if (prepared.body !== undefined) init.body = prepared.body;
  const auth = api.auth.includes("api-key")
    ? `\n// Outside the sandboxes add auth: apiKey({ key: process.env.NHS_API_KEY! }) from "@nhskit/auth".`
    : api.auth.includes("basic")
      ? `\n// Outside the sandboxes add auth: basicAuth({ username, password }) from "@nhskit/auth".`
      : api.auth.includes("signed-jwt")
        ? `\n// Outside the sandboxes add auth: signedJwt({ apiKey, privateKey, kid, environment }) from "@nhskit/auth".`
        : "";
  const args = Object.keys(init).length ? `, ${JSON.stringify(init, null, 2).replace(/\n/g, "\n")}` : "";
  return `import { ${factory} } from "${api.packageName}";

const client = ${factory}({ environment: "${target}" });${auth}

const { data } = await client.raw.${op.method}("${op.path}"${args});
console.log(data);
`;
}
