import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse, type RequestHandler } from "msw";

export interface MockServerOptions {
  /** msw handlers: the same ones the in-process tests and the browser worker use. */
  handlers: readonly RequestHandler[];
  /**
   * The handlers worth trying for a path (default: all). msw tries handlers one by one, so a server with
   * many APIs answers much faster when it only offers the API whose base path matches.
   */
  handlersFor?: (pathname: string) => readonly RequestHandler[];
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** One line per request; `false` for silence. Default: none. */
  log?: ((line: string) => void) | false;
  /** Answer for `GET /` (a listing of what is served). */
  index?: () => unknown;
  /** Base paths served, listed in the 404 body for unknown paths. */
  basePaths?: readonly string[];
  /** Largest request body accepted. Default 100 MiB (the MESH limit). */
  maxBodyBytes?: number;
}

export interface MockServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

// Headers the playground (another origin) must be able to read from responses.
const EXPOSED = [
  "ETag",
  "Location",
  "Link",
  "Retry-After",
  "X-Request-ID",
  "X-Correlation-ID",
  "X-Total-Count",
  "Content-Disposition",
  // MESH message metadata.
  "mex-From",
  "mex-To",
  "mex-WorkflowID",
  "mex-Chunk-Range",
  "mex-Total-Chunks",
  "mex-MessageType",
  "mex-MessageID",
  "mex-LocalID",
  "mex-FileName",
  "mex-Subject",
  "mex-StatusCode",
  "mex-StatusEvent",
  "mex-StatusDescription",
  "mex-StatusSuccess",
  "mex-StatusTimestamp",
  "mex-LinkedMsgID",
].join(", ");

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    "Access-Control-Allow-Origin": origin ?? "*",
    "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "*",
    "Access-Control-Expose-Headers": EXPOSED,
    "Access-Control-Max-Age": "600",
    ...(origin ? { Vary: "Origin" } : {}),
  };
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > limit) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, listenOrigin: string, body: Buffer): Request {
  // The origin the client called (Host), so `localhost` stays `localhost` (the token endpoint checks aud).
  const host = req.headers.host;
  const origin = host && /^[A-Za-z0-9.[\]:-]+$/.test(host) ? `http://${host}` : listenOrigin;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    ...(method === "GET" || method === "HEAD" || body.length === 0 ? {} : { body: new Uint8Array(body) }),
  });
}

async function writeResponse(res: ServerResponse, response: Response, extra: Record<string, string>, head: boolean) {
  // Header names compared in lower case, so a handler's own CORS answer replaces the server's default.
  const headers: Record<string, string | string[]> = Object.fromEntries(
    Object.entries(extra).map(([name, value]) => [name.toLowerCase(), value]),
  );
  response.headers.forEach((value, name) => {
    headers[name] = name === "set-cookie" ? response.headers.getSetCookie() : value;
  });
  res.writeHead(response.status, response.statusText, headers);
  if (head || !response.body) return void res.end();
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Serves msw handlers over real HTTP (msw's `getResponse`), with CORS for a browser on another origin, a
 * listing at `GET /`, and a 404 for unknown paths that says what is served.
 */
export async function createMockServer(options: MockServerOptions): Promise<MockServer> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log || undefined;
  const limit = options.maxBodyBytes ?? 100 * 1024 * 1024;
  let origin = "";

  const server = createServer(async (req, res) => {
    const started = Date.now();
    const cors = corsHeaders(req);
    let status = 500;
    try {
      if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
        status = 204;
        res.writeHead(204, cors).end();
        return;
      }
      const body = await readBody(req, limit);
      const request = toRequest(req, origin, body);
      const path = new URL(request.url).pathname;
      let response = await getResponse([...(options.handlersFor?.(path) ?? options.handlers)], request);
      if (!response && path === "/" && options.index && (req.method === "GET" || req.method === "HEAD")) {
        response = Response.json(options.index());
      }
      if (!response) {
        response = Response.json(
          {
            error: "not_found",
            message: `Nothing is served at ${req.method} ${path}.`,
            served: options.basePaths ?? [],
          },
          { status: 404 },
        );
      }
      status = response.status;
      await writeResponse(res, response, cors, req.method === "HEAD");
    } catch (error) {
      status = error instanceof Error && error.message === "request body too large" ? 413 : 500;
      if (!res.headersSent) {
        res.writeHead(status, { "content-type": "application/json", ...cors });
        res.end(JSON.stringify({ error: status === 413 ? "too_large" : "mock_failed", message: String(error) }));
      } else {
        res.destroy();
      }
    } finally {
      log?.(`${req.method} ${req.url} ${status} ${Date.now() - started}ms`);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url: origin,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
