/**
 * `Accept-Language` negotiation (RFC 9110 §12.5.4, lookup by language prefix as RFC 4647 §3.4):
 * the available language with the highest q-value wins; a tag matches by its language part
 * (`de-AT` → `de`), `*` matches the fallback, `q=0` refuses, and ties keep the header's order.
 * Nothing acceptable, or no header: the fallback (the first available).
 */
export function negotiateLanguage<L extends string>(header: string | null, available: readonly [L, ...L[]]): L {
  const fallback = available[0];
  if (!header) return fallback;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => /^q=/i.test(p));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0, index };
    })
    .filter((r) => r.tag !== '');
  const refused = new Set(ranges.filter((r) => r.q === 0).map((r) => r.tag.split('-')[0]));
  const ordered = ranges.filter((r) => r.q > 0).sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ordered) {
    if (range.tag === '*') return available.find((l) => !refused.has(l)) ?? fallback;
    const language = range.tag.split('-')[0] as L;
    if (available.includes(language) && !refused.has(language)) return language;
  }
  return fallback;
}
