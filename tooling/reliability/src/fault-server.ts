import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One scripted answer. The server plays the script in order, repeating the last entry. */
export type Fault =
  | { kind: "ok"; body?: unknown; headers?: Record<string, string>; status?: number }
  | { kind: "status"; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: "reset-before-headers" }
  | { kind: "reset-mid-body" }
  | { kind: "no-headers" }
  | { kind: "truncated-json" }
  | { kind: "html"; status: number }
  | { kind: "wrong-content-type" }
  | { kind: "huge"; bytes: number }
  | { kind: "drip"; chunks: number; everyMs: number };

export interface SeenRequest {
  method: string;
  url: string;
  requestId: string | undefined;
  authorization: string | undefined;
}

export const PATIENT = {
  resourceType: "Patient",
  id: "9000000009",
  meta: { versionId: "2" },
  name: [{ use: "usual", given: ["Jane"], family: "Smith" }],
};

function send(res: ServerResponse, fault: Fault) {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/fhir+json", etag: 'W/"2"', ...headers });
    res.end(JSON.stringify(body));
  };
  switch (fault.kind) {
    case "ok":
      return json(fault.status ?? 200, fault.body ?? PATIENT, fault.headers);
    case "status":
      return json(
        fault.status,
        fault.body ?? { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "transient" }] },
        fault.headers,
      );
    case "reset-before-headers":
      return res.socket?.destroy();
    case "reset-mid-body":
      res.writeHead(200, { "content-type": "application/fhir+json", "content-length": "5000" });
      res.write('{"resourceType":"Patient","id":"90000');
      return setTimeout(() => res.socket?.destroy(), 20);
    case "no-headers":
      return; // never answers: the client's timeout must fire
    case "truncated-json":
      res.writeHead(200, { "content-type": "application/fhir+json" });
      return res.end('{"resourceType":"Patient","id":"9000000009","name":[{"family":"Sm');
    case "html":
      res.writeHead(fault.status, { "content-type": "text/html" });
      return res.end(
        `<html><head><title>${fault.status} Bad Gateway</title></head><body><h1>Bad Gateway</h1>${"<p>proxy</p>".repeat(200)}</body></html>`,
      );
    case "wrong-content-type":
      res.writeHead(200, { "content-type": "text/html" });
      return res.end("<html><body>Maintenance page</body></html>");
    case "huge": {
      res.writeHead(200, { "content-type": "application/fhir+json" });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < fault.bytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => {
        sent = fault.bytes;
      });
      return pump();
    }
    case "drip": {
      res.writeHead(200, { "content-type": "application/fhir+json" });
      let n = 0;
      const timer = setInterval(() => {
        if (res.destroyed || n++ >= fault.chunks) {
          clearInterval(timer);
          if (!res.destroyed) res.end();
          return;
        }
        res.write(" ");
      }, fault.everyMs);
      res.on("close", () => clearInterval(timer));
      return;
    }
  }
}

/** A real HTTP server on 127.0.0.1 that answers with scripted faults and records what it was sent. */
export async function startFaultServer(script: Fault[]) {
  const seen: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        requestId: req.headers["x-request-id"] as string | undefined,
        authorization: req.headers.authorization,
      });
      send(res, script[Math.min(seen.length - 1, script.length - 1)]!);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
