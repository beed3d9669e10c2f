/** Edit distance (Levenshtein) between two strings, O(|a|·|b|) time, O(|b|) memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

function tokens(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .split(/[._\-\s]+/)
      .filter(Boolean),
  );
}

/**
 * How far a candidate name is from the wanted one, 0 (same) to 1: the length-normalised edit
 * distance, blended with how few of their segments (split on `.`, `_`, `-`) they share, so
 * `search_results.item_3.title` finds `search_results.item_3.title_link` before `nav_bar.title`.
 */
export function nameDistance(wanted: string, candidate: string): number {
  const a = wanted.toLowerCase();
  const b = candidate.toLowerCase();
  const edit = editDistance(a, b) / Math.max(a.length, b.length, 1);
  const ta = tokens(a);
  const tb = tokens(b);
  let shared = 0;
  for (const token of ta) if (tb.has(token)) shared++;
  const union = ta.size + tb.size - shared;
  const jaccard = union ? shared / union : 0;
  return 0.6 * edit + 0.4 * (1 - jaccard);
}

/** Up to `limit` names closest to `wanted`, best first (ties in name order). */
export function similarNames(wanted: string, names: Iterable<string>, limit = 3): string[] {
  const unique = [...new Set(names)].filter((name) => name !== wanted);
  return unique
    .map((name) => ({ name, distance: nameDistance(wanted, name) }))
    .sort((x, y) => x.distance - y.distance || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    .slice(0, limit)
    .map((entry) => entry.name);
}
