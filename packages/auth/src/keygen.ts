import { generateKeyPair } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, open, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

export interface GenerateKeyFilesOptions {
  /** The key id: names the files and goes into the JWKS. Letters, digits, `.`, `_` and `-`. */
  kid: string;
  /** Folder to write to (created if missing). Default: the current directory. */
  outDir?: string;
  /** RSA modulus length. Default 4096. */
  bits?: number;
}

export interface GeneratedKeyFiles {
  readonly kid: string;
  /** `<kid>.pem`: the private key (PKCS#8 PEM), mode 0600. Keep it secret. */
  readonly privateKeyPath: string;
  /** `<kid>.jwks.json`: the public key set to publish for the developer portal. */
  readonly jwksPath: string;
  readonly jwks: { keys: [PublicRsaJwk] };
}

export interface PublicRsaJwk {
  kty: "RSA";
  n: string;
  e: string;
  alg: "RS512";
  use: "sig";
  kid: string;
}

/** Thrown when a file is already there: keys are never overwritten. */
export class KeyFileExistsError extends Error {
  override readonly name = "KeyFileExistsError";
  constructor(readonly path: string) {
    super(
      `${path} already exists; nhskit never overwrites a key. Choose another --kid or --out, or move the file away.`,
    );
  }
}

export const KID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const exists = (path: string) =>
  access(path, constants.F_OK).then(
    () => true,
    () => false,
  );

/**
 * Makes an RSA key pair for signed-JWT authentication: the private key as `<kid>.pem` (mode 0600, created
 * exclusively so an existing file is never replaced) and the public JWKS as `<kid>.jwks.json`.
 */
export async function generateKeyFiles(options: GenerateKeyFilesOptions): Promise<GeneratedKeyFiles> {
  const { kid } = options;
  if (typeof kid !== "string" || !KID_PATTERN.test(kid)) {
    throw new TypeError(
      "kid must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit (it names the files).",
    );
  }
  const bits = options.bits ?? 4096;
  if (!Number.isInteger(bits) || bits < 2048 || bits % 1024 !== 0) {
    throw new TypeError("bits must be 2048, 3072, 4096 or another multiple of 1024 from 2048 up.");
  }
  const dir = resolve(options.outDir ?? ".");
  const privateKeyPath = join(dir, `${kid}.pem`);
  const jwksPath = join(dir, `${kid}.jwks.json`);
  for (const path of [privateKeyPath, jwksPath]) if (await exists(path)) throw new KeyFileExistsError(path);

  const { publicKey, privateKey } = await promisify(generateKeyPair)("rsa", {
    modulusLength: bits,
    publicExponent: 0x10001,
  });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  const { n, e } = publicKey.export({ format: "jwk" });
  const jwks: { keys: [PublicRsaJwk] } = {
    keys: [{ kty: "RSA", n: n as string, e: e as string, alg: "RS512", use: "sig", kid }],
  };

  await mkdir(dir, { recursive: true });
  const writeNew = async (path: string, text: string, mode: number) => {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, "wx", mode);
    } catch (error) {
      if ((error as { code?: string }).code === "EEXIST") throw new KeyFileExistsError(path);
      throw error;
    }
    try {
      await handle.writeFile(text);
      await handle.chmod(mode); // open's mode passes through the umask; set it exactly
    } finally {
      await handle.close();
    }
  };
  await writeNew(privateKeyPath, pem, 0o600);
  try {
    await writeNew(jwksPath, `${JSON.stringify(jwks, null, 2)}\n`, 0o644);
  } catch (error) {
    // Never leave a private key without its public half: a later run would refuse to overwrite it.
    await rm(privateKeyPath, { force: true });
    throw error;
  }
  return { kid, privateKeyPath, jwksPath, jwks };
}
