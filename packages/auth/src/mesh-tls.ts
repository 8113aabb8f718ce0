/** The client certificate MESH requires in every environment but the local sandbox. */
export interface MeshTlsOptions {
  /** The client certificate (PEM) issued for your mailbox's endpoint. */
  cert: string | Uint8Array;
  /** Its private key (PEM). */
  key: string | Uint8Array;
  /** The NHS Root CA and Sub CA bundle (PEM) for the environment's server certificate. Default: Node's CAs. */
  ca?: string | Uint8Array | ReadonlyArray<string | Uint8Array>;
  /** Passphrase of an encrypted `key`. */
  passphrase?: string;
  /** Server name for SNI and hostname checks, when it differs from the URL's host. */
  servername?: string;
  /** Verify the server certificate. Default true; only a local test server should ever need false. */
  rejectUnauthorized?: boolean;
}

/** The TLS options (Node `tls.connect` names) for a MESH client connection. */
export function meshConnectOptions(tls: MeshTlsOptions): Record<string, unknown> {
  return {
    cert: tls.cert,
    key: tls.key,
    ...(tls.ca !== undefined ? { ca: tls.ca } : {}),
    ...(tls.passphrase !== undefined ? { passphrase: tls.passphrase } : {}),
    ...(tls.servername !== undefined ? { servername: tls.servername } : {}),
    rejectUnauthorized: tls.rejectUnauthorized ?? true,
  };
}
