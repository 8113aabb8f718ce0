import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { getResponse, type RequestHandler } from "msw";

// TEST-ONLY certificates, shared with @nhskit/auth's tests (read by path, never copied): a throwaway CA, a server
// certificate for 127.0.0.1 and a client certificate with CN SERVER001.X26.api.mesh-client.nhs.uk.
const fixture = (name: string) =>
  readFileSync(new URL(`../../../auth/test/fixtures/mesh-tls/${name}`, import.meta.url), "utf8");
export const TLS = { ca: fixture("ca.crt"), cert: fixture("client.crt"), key: fixture("client.key") };

/**
 * An HTTPS server on 127.0.0.1 that, like MESH, drops any connection without a client certificate signed by its
 * CA, then answers through msw handlers. Records each request's client certificate CN.
 */
export async function startMutualTlsServer(handlers: readonly RequestHandler[]) {
  const clientNames: string[] = [];
  const server: Server = createServer(
    {
      key: fixture("server.key"),
      cert: fixture("server.crt"),
      ca: TLS.ca,
      requestCert: true,
      rejectUnauthorized: true,
    },
    async (req, res) => {
      clientNames.push(String((req.socket as TLSSocket).getPeerCertificate().subject?.CN ?? ""));
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
      }
      const method = req.method ?? "GET";
      const request = new Request(new URL(req.url ?? "/", "https://127.0.0.1"), {
        method,
        headers,
        ...(body.length && method !== "GET" && method !== "HEAD" ? { body } : {}),
      });
      const response = (await getResponse([...handlers], request)) ?? new Response("not found", { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(method === "HEAD" ? undefined : Buffer.from(await response.arrayBuffer()));
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
