import { InvalidResponseError } from './errors/invalid-response-error.js';
import type { Page } from './schemas.js';

export type PageFetcher<T> = (cursor: string | undefined, signal: AbortSignal | undefined) => Promise<Page<T>>;

/**
 * Every item of a cursor-paginated list, page after page, following `nextCursor` until it is
 * null. Pages are fetched lazily (one page ahead of nothing: the next page is requested only when
 * the consumer wants its first item), and the signal stops the walk between and during pages.
 */
export async function* paginate<T>(fetchPage: PageFetcher<T>, signal?: AbortSignal): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const page = await fetchPage(cursor, signal);
    for (const item of page.items) {
      signal?.throwIfAborted();
      yield item;
    }
    if (!page.nextCursor) return;
    if (seen.has(page.nextCursor)) {
      throw new InvalidResponseError([
        { path: 'nextCursor', message: 'the server repeated a cursor, so the list would never end' },
      ]);
    }
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}
