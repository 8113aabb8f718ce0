/** The relations of a `Link` header: `<url>; rel="next", <url>; rel="last"`. */
export interface PageLinks {
  next?: string;
  last?: string;
  self?: string;
  [relation: string]: string | undefined;
}

/** Reads a Link header (RFC 8288 subset: `<url>; rel="name"` entries separated by commas). */
export function parseLinkHeader(header: string | null | undefined): PageLinks {
  const links: PageLinks = {};
  if (!header) return links;
  for (const match of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const url = match[1] ?? "";
    const rel = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(match[2] ?? "")?.[1];
    if (!rel) continue;
    for (const name of rel.trim().split(/\s+/)) links[name.toLowerCase()] = url;
  }
  return links;
}

/** The `page` query parameter of a link, if it has one. */
export function pageOf(url: string | undefined): number | undefined {
  if (!url) return undefined;
  try {
    const page = new URL(url).searchParams.get("page");
    return page !== null && /^\d+$/.test(page) ? Number(page) : undefined;
  } catch {
    return undefined;
  }
}
