/** A file e-RS sent back: a PDF it generated, or an attachment. */
export interface ErsFile {
  readonly bytes: Uint8Array;
  /** From Content-Type, e.g. `application/pdf`. */
  readonly contentType: string | undefined;
  /** From Content-Disposition (`filename*` preferred, decoded), when the API named the file. */
  readonly fileName: string | undefined;
  readonly size: number;
}

function decodeExtValue(value: string): string | undefined {
  // RFC 8187: charset'language'percent-encoded
  const match = /^([^']*)'[^']*'(.*)$/.exec(value.trim());
  if (!match) return undefined;
  const charset = (match[1] ?? "").toLowerCase();
  const encoded = match[2] ?? "";
  try {
    if (charset === "utf-8" || charset === "") return decodeURIComponent(encoded);
    if (charset === "iso-8859-1")
      return encoded.replace(/%([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  } catch {
    return undefined;
  }
  return undefined;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`), which some servers put in `filename`. */
function decodeEncodedWord(value: string): string {
  const match = /^=\?([^?]+)\?([QqBb])\?([^?]*)\?=$/.exec(value);
  if (!match || (match[1] ?? "").toLowerCase() !== "utf-8") return value;
  const text = match[3] ?? "";
  try {
    if ((match[2] ?? "").toUpperCase() === "B") {
      return new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
    }
    const bytes: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (c === "_") bytes.push(0x20);
      else if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
        bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(c.charCodeAt(0));
    }
    return new TextDecoder().decode(new Uint8Array(bytes));
  } catch {
    return value;
  }
}

/** The file name a Content-Disposition header gives, if any. */
export function fileNameFromContentDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const params = new Map<string, string>();
  const pattern = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of header.matchAll(pattern)) {
    const name = (match[1] ?? "").toLowerCase();
    let value = (match[2] ?? "").trim();
    if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, "$1");
    if (!params.has(name)) params.set(name, value);
  }
  const extended = params.get("filename*");
  if (extended !== undefined) {
    const decoded = decodeExtValue(extended);
    if (decoded) return decoded;
  }
  const plain = params.get("filename");
  return plain ? decodeEncodedWord(plain) : undefined;
}

export function fileFrom(response: Response, data: unknown): ErsFile {
  const bytes =
    data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : new Uint8Array(0);
  return {
    bytes,
    contentType: response.headers.get("content-type") ?? undefined,
    fileName: fileNameFromContentDisposition(response.headers.get("content-disposition")),
    size: bytes.byteLength,
  };
}
