import { base64url } from "jose";
import { HttpResponse } from "msw";

export const FORM = "application/x-www-form-urlencoded";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The URL the client called (Host wins, as on the platform, which compares an assertion's `aud` with it). */
export function calledUrl(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto");
  const origin = host ? `${proto ? `${proto}:` : url.protocol}//${host}` : url.origin;
  return `${origin}${url.pathname}`;
}

export function originOf(request: Request): string {
  return new URL(calledUrl(request)).origin;
}

/** Letters and digits, like the platform's opaque tokens. */
export function opaqueToken(length = 28): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let out = "";
  for (const b of crypto.getRandomValues(new Uint8Array(length))) out += alphabet[b % alphabet.length];
  return out;
}

/** The platform's OAuth error body. */
export function platformError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
) {
  return HttpResponse.json(
    { error, error_description: description, message_id: crypto.randomUUID() },
    { status, headers: { "Cache-Control": "no-store", ...headers } },
  );
}

/** A 302 to `location`. */
export function redirect(location: string) {
  return new HttpResponse(null, { status: 302, headers: { Location: location, "Cache-Control": "no-store" } });
}

/** `base` with `params` added to its query. */
export function withQuery(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.href;
}

/** The form body, or undefined when the request is not form encoded. Reads a clone (handlers may fall through). */
export async function formOf(request: Request): Promise<URLSearchParams | undefined> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== FORM) return undefined;
  return new URLSearchParams(await request.clone().text());
}

/** Header and payload of a compact JWS, unchecked; undefined when it is not one. */
export function decodeJwt(
  token: string,
): { header: Record<string, unknown>; payload: Record<string, unknown> } | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[0] || !parts[1]) return undefined;
  try {
    const text = new TextDecoder("utf-8", { fatal: true });
    const header: unknown = JSON.parse(text.decode(base64url.decode(parts[0])));
    const payload: unknown = JSON.parse(text.decode(base64url.decode(parts[1])));
    return isRecord(header) && isRecord(payload) ? { header, payload } : undefined;
  } catch {
    return undefined;
  }
}

/** The bearer token of a request, if it has exactly one. */
export function bearerOf(request: Request): string | undefined {
  return /^Bearer ([\x21-\x7e]+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
}

/** Drops expired entries once a map grows, so a long-running sandbox does not grow without bound. */
export function prune<V extends { expiresAt: number }>(map: Map<string, V>, nowMs: number, limit = 2000): void {
  if (map.size < limit) return;
  for (const [k, v] of map) if (v.expiresAt <= nowMs) map.delete(k);
  while (map.size >= limit) {
    const first = map.keys().next().value;
    if (first === undefined) break;
    map.delete(first);
  }
}
