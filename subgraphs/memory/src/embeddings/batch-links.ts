import { linkToActiveSpan, type Link } from '@sophia/kit';

/**
 * The requests waiting on each queued text, as span links: a batch serves many traces at once, so its span
 * is a root that links every request it answered instead of belonging to one of them.
 */
export function createBatchLinks() {
  const waiting = new Map<string, Link[]>();
  return {
    /** Remembers the active request for a text just queued (nothing when tracing is off). */
    queued(text: string): void {
      const link = linkToActiveSpan();
      if (!link) return;
      const links = waiting.get(text);
      if (links) links.push(link);
      else waiting.set(text, [link]);
    },
    /** The links of the requests a batch of texts serves; each queued request is handed out once. */
    take(texts: readonly string[]): Link[] {
      const taken: Link[] = [];
      for (const text of texts) {
        const links = waiting.get(text);
        const link = links?.shift();
        if (link) taken.push(link);
        if (links?.length === 0) waiting.delete(text);
      }
      return taken;
    },
  };
}
