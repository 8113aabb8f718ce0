import { NhsValidationError } from "@nhskit/core";

// The prescriber's signature travels in a Provenance resource as a base64 XML-DSig <Signature> element whose
// SignedInfo is exactly what $prepare returned as `digest`. nhskit never sees a private key: a signer callback
// (a smartcard middleware, a remote signing service) signs, and this module only assembles the pieces.

/** What a signer is asked to sign. */
export interface SignRequest {
  /** `$prepare`'s `digest`: base64 of the XML-DSig SignedInfo element. */
  digest: string;
  /** The same SignedInfo, decoded: sign its bytes (UTF-8) with `algorithm`. */
  signedInfo: string;
  /** `RS256` (RSA with SHA-256) unless EPS says otherwise (`RS1`). */
  algorithm: string;
  /** `$prepare`'s timestamp: the signing time the prescription will carry. */
  timestamp: string;
}

/**
 * A signer's answer: either the complete base64 XML-DSig `<Signature>` your signing service built, or the raw
 * base64 signature value plus the signer's base64 (DER) X.509 certificate, which nhskit wraps for you.
 */
export type SignResult = { signature: string } | { signatureValue: string; certificate: string };

/** Signs one prescription. Called once per `prescribe` call; may be async (user confirmation, smartcard). */
export type PrescriptionSigner = (request: SignRequest) => SignResult | Promise<SignResult>;

export const SIGNATURE_TYPE = { system: "urn:iso-astm:E1762-95:2013", code: "1.2.840.10065.1.12.1.1" } as const;

/** UTF-8 safe base64, in browsers and Node. */
export function toBase64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** UTF-8 safe base64 decoding; throws on input that is not base64. */
export function fromBase64(data: string): string {
  const binary = atob(data);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

const BASE64 = /^[A-Za-z0-9+/\s]+={0,2}$/;

/** The base64 `<Signature>` to put in `Provenance.signature[0].data`, from whatever the signer returned. */
export function signatureData(operation: string, request: SignRequest, result: SignResult): string {
  const bad = (path: string, message: string) => new NhsValidationError(operation, [{ path, message }]);
  if (!result || typeof result !== "object") {
    throw bad("signer()", "must return { signature } or { signatureValue, certificate }");
  }
  if ("signature" in result) {
    if (typeof result.signature !== "string" || !BASE64.test(result.signature)) {
      throw bad("signer().signature", "must be the base64 of an XML-DSig <Signature> element");
    }
    return result.signature.replace(/\s/g, "");
  }
  const { signatureValue, certificate } = result as { signatureValue?: unknown; certificate?: unknown };
  if (typeof signatureValue !== "string" || !BASE64.test(signatureValue)) {
    throw bad("signer().signatureValue", "must be the base64 signature over the SignedInfo");
  }
  if (typeof certificate !== "string" || !BASE64.test(certificate)) {
    throw bad("signer().certificate", "must be the signer's base64 (DER) X.509 certificate, without PEM armour");
  }
  const xml =
    `<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">${request.signedInfo}` +
    `<SignatureValue>${signatureValue.replace(/\s/g, "")}</SignatureValue>` +
    `<KeyInfo><X509Data><X509Certificate>${certificate.replace(/\s/g, "")}</X509Certificate></X509Data></KeyInfo>` +
    "</Signature>";
  return toBase64(xml);
}
