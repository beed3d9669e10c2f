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

/** Shorter names than this are too common to count as "one name inside the other". */
const MIN_CONTAINED = 3;

/**
 * How far a candidate name is from the wanted one, 0 (same) to 1: the length-normalised edit
 * distance, blended with how few of their segments (split on `.`, `_`, `-`) they share, so
 * `search_results.item_3.title` finds `search_results.item_3.title_link` before `nav_bar.title`.
 * When one name contains the other (a dropped or added prefix such as `add_to_cart` for
 * `product_form.add_to_cart`, the commonest slip of a model) the distance is halved.
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
  const distance = 0.6 * edit + 0.4 * (1 - jaccard);
  const contained =
    Math.min(a.length, b.length) >= MIN_CONTAINED && (a.includes(b) || b.includes(a));
  return contained ? distance / 2 : distance;
}

export interface SimilarNamesOptions {
  /** At most this many names (default 3). */
  limit?: number;
  /** Only names at most this far (nameDistance, 0..1) from the wanted one (default 1: any). */
  maxDistance?: number;
}

/**
 * The names closest to `wanted`, best first (ties in name order), never `wanted` itself. Used
 * wherever a name was not found: the browser's element lookup, the check of a model's answer
 * and the replay comparison.
 */
export function similarNames(
  wanted: string,
  names: Iterable<string>,
  options: SimilarNamesOptions = {},
): string[] {
  const limit = options.limit ?? 3;
  const maxDistance = options.maxDistance ?? 1;
  return [...new Set(names)]
    .filter((name) => name !== wanted)
    .map((name) => ({ name, distance: nameDistance(wanted, name) }))
    .filter((entry) => entry.distance <= maxDistance)
    .sort((x, y) => x.distance - y.distance || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    .slice(0, limit)
    .map((entry) => entry.name);
}
