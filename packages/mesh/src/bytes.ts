// Byte helpers shared by the client and the mocks. Only web-standard APIs (CompressionStream, Blob), so the
// mocks also run in a browser service worker.

/** Reads a whole stream into one Uint8Array. `limit` bytes at most (an error past it). */
export async function readAll(
  stream: ReadableStream<Uint8Array>,
  limit = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      reader.cancel().catch(() => {});
      throw new RangeError(`more than ${limit} bytes`);
    }
    parts.push(value);
  }
  return concat(parts, total);
}

export function concat(parts: readonly Uint8Array[], total = parts.reduce((n, p) => n + p.byteLength, 0)): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const source = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
  return readAll(source.pipeThrough(transform as unknown as ReadableWritablePair<Uint8Array, Uint8Array>));
}

/** gzip, as MESH expects for `Content-Encoding: gzip`. */
export function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return through(bytes, new CompressionStream("gzip"));
}

/** Reverses `gzip`; rejects when the bytes are not gzip. */
export function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return through(bytes, new DecompressionStream("gzip"));
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
