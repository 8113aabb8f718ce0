import type { ApiClient, CallOptions } from "./client.js";

/** The parts of a FHIR Bundle paging needs. */
export interface BundleLike<Entry = unknown> {
  resourceType?: string;
  total?: number;
  link?: ReadonlyArray<{ relation?: string; url?: string }>;
  entry?: ReadonlyArray<Entry>;
}

/** Pages `paginate` fetches at most unless `maxPages` says otherwise (the first page included). */
export const DEFAULT_MAX_PAGES = 100;

type EntryOf<B> = B extends { entry?: ReadonlyArray<infer E> } ? E : never;

export interface PageOptions extends Omit<CallOptions, "requestId"> {
  signal?: AbortSignal;
  /** Headers every next-page request needs (API-specific ones such as NHSD-eRS-Business-Function). */
  headers?: Record<string, string>;
  /**
   * Stop after this many pages (the first included). Default {@link DEFAULT_MAX_PAGES} (100): no helper walks a
   * whole data set unless you ask, and endless next links end. Pass a larger number when you need more.
   */
  maxPages?: number;
}

/** Async iteration over every entry of a paged FHIR search, with `.byPage()` for whole Bundles. */
export interface PagedEntries<B extends BundleLike> extends AsyncIterable<EntryOf<B>> {
  byPage(): AsyncIterable<B>;
}

export function nextLink(bundle: BundleLike): string | undefined {
  return bundle.link?.find((l) => l.relation === "next" && typeof l.url === "string" && l.url.length > 0)?.url;
}

/**
 * Walks a searchset Bundle and the pages its `link[relation=next]` points to. The first page is the
 * result of a typed call (or a function making it, so nothing is sent until iteration starts); later
 * pages go through the same client, with its auth, retries and errors.
 *
 *   for await (const entry of paginate(client, () => client.GET("/Organization", { params }))) ...
 */
export function paginate<B extends BundleLike>(
  client: Pick<ApiClient<object>, "getUrl">,
  first: B | Promise<{ data: B }> | (() => Promise<{ data: B }>),
  options: PageOptions = {},
): PagedEntries<B> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  async function* pages(): AsyncGenerator<B> {
    let page: B;
    if (typeof first === "function") page = (await first()).data;
    else if (first instanceof Promise) page = (await first).data;
    else page = first;
    const seen = new Set<string>();
    for (let count = 1; ; count++) {
      yield page;
      const next = nextLink(page);
      if (!next || count >= maxPages || seen.has(next)) return;
      seen.add(next);
      const { maxPages: _unused, ...call } = options;
      page = (await client.getUrl<B>(next, { operation: "GET next page", ...call })).data;
    }
  }
  return {
    byPage: pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) {
        for (const entry of page.entry ?? []) yield entry as EntryOf<B>;
      }
    },
  };
}
