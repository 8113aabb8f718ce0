// $prepare in the mocks. EPS hashes the HL7 v3 fragments of the prescription it will send to Spine; the mocks
// hash a canonical JSON form of the MedicationRequests instead, which has the property that matters to a
// client: the same prescription gives the same digest, and any change to an item gives another one.

type Json = Record<string, unknown>;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Json)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export const ALGORITHMS = {
  RS256: {
    signature: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    digest: "http://www.w3.org/2001/04/xmlenc#sha256",
    hash: "SHA-256",
  },
  RS1: {
    signature: "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
    digest: "http://www.w3.org/2000/09/xmldsig#sha1",
    hash: "SHA-1",
  },
} as const;
export type Algorithm = keyof typeof ALGORITHMS;

/** The base64 digest value of a prescription's items at a signing time. */
export async function digestValue(bundle: Json, timestamp: string, algorithm: Algorithm): Promise<string> {
  const items = (Array.isArray(bundle.entry) ? bundle.entry : [])
    .map((e) => (e as Json)?.resource as Json | undefined)
    .filter((r) => r?.resourceType === "MedicationRequest");
  const text = canonical({ timestamp, items });
  const hash = await crypto.subtle.digest(ALGORITHMS[algorithm].hash, new TextEncoder().encode(text));
  return base64(new Uint8Array(hash));
}

/** The XML-DSig SignedInfo for a digest value (what `$prepare` returns base64-encoded). */
export function signedInfo(digest: string, algorithm: Algorithm): string {
  const a = ALGORITHMS[algorithm];
  const c14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
  return (
    `<SignedInfo><CanonicalizationMethod Algorithm="${c14n}"></CanonicalizationMethod>` +
    `<SignatureMethod Algorithm="${a.signature}"></SignatureMethod>` +
    `<Reference><Transforms><Transform Algorithm="${c14n}"></Transform></Transforms>` +
    `<DigestMethod Algorithm="${a.digest}"></DigestMethod><DigestValue>${digest}</DigestValue></Reference></SignedInfo>`
  );
}

export function toBase64Text(text: string): string {
  return base64(new TextEncoder().encode(text));
}

export function fromBase64Text(data: string): string {
  const binary = atob(data);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
