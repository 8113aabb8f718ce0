import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { getResponse, type RequestHandler } from "msw";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/mesh-tls/${name}`, import.meta.url), "utf8");

/** TEST-ONLY certificates (see test/fixtures/mesh-tls/README.md). */
export const TLS_FILES = {
  ca: new URL("../fixtures/mesh-tls/ca.crt", import.meta.url).pathname,
  cert: new URL("../fixtures/mesh-tls/client.crt", import.meta.url).pathname,
  key: new URL("../fixtures/mesh-tls/client.key", import.meta.url).pathname,
};
export const TLS = { ca: fixture("ca.crt"), cert: fixture("client.crt"), key: fixture("client.key") };

/**
 * An HTTPS server on 127.0.0.1 that, like MESH, refuses any connection without a client certificate
 * signed by its CA, then answers through msw handlers. Records the client certificate's CN per request.
 */
export async function startMutualTlsServer(handlers: RequestHandler[]) {
  const clientNames: string[] = [];
  const server: Server = createServer(
    {
      key: fixture("server.key"),
      cert: fixture("server.crt"),
      ca: fixture("ca.crt"),
      requestCert: true,
      rejectUnauthorized: true,
    },
    async (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      clientNames.push(String(peer.subject?.CN ?? ""));
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(new URL(req.url ?? "/", `https://127.0.0.1`), {
        method: req.method ?? "GET",
        headers,
      });
      const response = (await getResponse(handlers, request)) ?? new Response("not found", { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    clientNames,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
