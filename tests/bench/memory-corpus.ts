/**
 * The memory benchmark's contents: deterministic notes that read like an executive's memories, drawn from a
 * seeded generator so every run stores the same texts and asks the same queries.
 *
 * Two vocabularies that never share a term: the warm one (business nouns and verbs, plus invented product and
 * customer names, Zipf-weighted so some terms are common and most are rare) and a cold one (invented project
 * code names) that only the cold slice contains. Cold memories come in groups, each group sharing four code
 * names no other group has: a query of a group's names matches nothing in the warm index, so its answer comes
 * from L3, and reading the group (which promotes it into L2) changes no other group's query.
 */

/** mulberry32: a small, fast, seeded PRNG (the same seed gives the same corpus on every machine). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const BUSINESS = (
  'renewal pipeline forecast quota churn pricing discount contract procurement legal security review ' +
  'onboarding rollout migration integration roadmap launch budget headcount hiring margin revenue bookings ' +
  'invoice payment escalation outage incident support ticket upsell expansion pilot proof concept champion ' +
  'sponsor board investor audit compliance policy vendor partner reseller channel territory quarter target ' +
  'milestone deadline workshop training feedback survey retention adoption usage license seat warehouse ' +
  'logistics supplier shipment inventory forecasting analytics dashboard report meeting offsite strategy ' +
  'objective initiative priority risk dependency blocker approval signature negotiation proposal demo trial'
).split(' ');

const VERBS = (
  'wants asked confirmed expects delayed approved rejected moved proposed flagged promised needs ' +
  'prefers questioned escalated signed reviewed postponed accelerated'
).split(' ');

const SYLLABLES = 'ka lo mi ra ve tu no sa fe di po le zu ba gi ro ne ta vi mo'.split(' ');
/** Letter pairs no warm word has, so a code name never equals or stems into a warm term. */
const COLD_SYLLABLES = 'qx yv wq jz xk vq zq kx'.split(' ');

/** `count` distinct invented warm words of three syllables. */
function inventWords(count: number, random: () => number): string[] {
  const words = new Set<string>();
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)]!;
  while (words.size < count) {
    const word = `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`;
    words.add(word.charAt(0).toUpperCase() + word.slice(1));
  }
  return [...words];
}

/** The `n`-th cold code name: warm and cold syllables alternating, ending on a cold one (never stemmed). */
function codeName(n: number): string {
  let word = '';
  let rest = n;
  for (let i = 0; i < 3; i += 1) {
    word += `${SYLLABLES[rest % SYLLABLES.length]}${COLD_SYLLABLES[Math.floor(rest / SYLLABLES.length) % 8]}`;
    rest = Math.floor(rest / (SYLLABLES.length * 8));
  }
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Index into a list of `n` with a Zipf-like skew: low indexes are much more likely. */
const zipfIndex = (random: () => number, n: number) => Math.min(n - 1, Math.floor(n ** random()) - 1);

export interface BenchMemory {
  readonly content: string;
  /** Terms that find it (and others like it): the query the benchmark asks about it. */
  readonly query: string;
  /** Whether it belongs to the cold slice. */
  readonly cold: boolean;
}

/**
 * `total` distinct memories; every `1 / coldShare`-th one is in the cold slice, where each run of `groupSize`
 * cold memories carries its group's four code names. Contents are unique (the store would merge duplicates).
 */
export function generateCorpus(
  total: number,
  coldShare: number,
  groupSize: number,
  seed = 20261124,
): BenchMemory[] {
  const random = seededRandom(seed);
  const names = inventWords(4_000, random);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const coldEvery = coldShare > 0 ? Math.max(1, Math.round(1 / coldShare)) : Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  const memories: BenchMemory[] = [];
  let colds = 0;
  while (memories.length < total) {
    const cold = memories.length % coldEvery === coldEvery - 1;
    const group = Math.floor(colds / groupSize);
    const code = cold ? [0, 1, 2, 3].map((k) => codeName(group * 4 + k)) : [];
    const customer = names[zipfIndex(random, names.length)]!;
    const product = names[zipfIndex(random, names.length)]!;
    const topics = [pick(BUSINESS), pick(BUSINESS), pick(BUSINESS)];
    const sentence = [
      `${customer} ${topics[0]}:`,
      `the ${topics[1]} team ${pick(VERBS)} the ${product} ${topics[2]}`,
      ...(cold ? [`under projects ${code.slice(0, 3).join(', ')} and ${code[3]}`] : []),
      `before the ${pick(BUSINESS)} ${pick(BUSINESS)} in ${pick(MONTHS)}.`,
    ].join(' ');
    if (seen.has(sentence)) continue;
    seen.add(sentence);
    if (cold) colds += 1;
    // Four terms: with fewer, one hashed term of the local embedder that collides with a common warm term
    // lifts unrelated warm memories over L2's similarity floor, and the two sides disagree.
    const query = cold ? code.join(' ') : `${customer} ${topics[0]} ${product} ${topics[2]}`;
    memories.push({ content: sentence, query, cold });
  }
  return memories;
}

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);
