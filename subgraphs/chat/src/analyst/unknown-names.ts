/**
 * Names a question gives to something the data does not know: "our Atlantis account", "our office in
 * Tokyo". The analyst must then say it does not know rather than answer a neighbouring question (the
 * company's revenue for "revenue from Atlantis"). A name counts as unknown only in a place where a
 * question names a thing (before "account", "office", "team"…, or after "in", "from", "about"…), and only
 * when it is neither in the directory, nor a word of the vocabulary, nor in anything retrieved.
 */
import type { RetrievedMemory } from '../pipeline/answer-contract.ts';
import { perDirectory, type Directory } from './directory.ts';
import { METRIC_SYNONYMS } from './metric-names.ts';
import { normalize, STOP_WORDS, words } from './text.ts';

// Things the directory lists: their names must be in it (a note that mentions "Atlantis" is no account).
const LISTED = String.raw`account|accounts|customer|customers|client|clients|project|projects|deal|deals`;
const THING = String.raw`office|offices|team|teams|company|subsidiary|region|branch|partner|partners|department|division|contract|product|site|store|plant|factory|unit`;
// "Atlantis account", "Tokyo expansion project": a capitalised word, at most one word, then the thing.
const BEFORE_LISTED = new RegExp(String.raw`\b([A-Z][\p{L}'’-]*)\s+(?:[a-z]+\s+)?(?:${LISTED})\b`, 'gu');
const BEFORE = new RegExp(String.raw`\b([A-Z][\p{L}'’-]*)\s+(?:[a-z]+\s+)?(?:${THING})\b`, 'gu');
// "in Tokyo", "about the Atlantis deal".
const AFTER_PREPOSITION =
  /\b(?:in|from|at|about|for|with|of|on|by)\s+(?:(?:the|our|their|your|a|an)\s+)?([A-Z][\p{L}'’-]+)/gu;

/** Words that may stand where a name would without being one ("our enterprise account", "in Q3"). */
const VOCABULARY = new Set(
  `sales enterprise marketing finance engineering product support customer success people operations ops
  biggest largest top key main best new existing strategic important big small largest open won lost closed
  renewal renewals expansion expansions each every this that next last previous current total annual monthly
  quarterly yearly january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday q1 q2 q3 q4 sophia okr okrs kpi kpis risk
  mid market midmarket smb emea apac amer americas latam sev severity p1 p2 p3 europe north south east west global region regions
  revenue pipeline forecast our your their my its one two three any some`.split(/\s+/),
);

const vocabulary = perDirectory((directory: Directory): ReadonlySet<string> => {
  const known = new Set<string>([...STOP_WORDS, ...VOCABULARY]);
  for (const synonyms of Object.values(METRIC_SYNONYMS)) {
    for (const phrase of synonyms) for (const word of words(phrase)) known.add(word);
  }
  const named = [...directory.metrics, ...directory.accounts, ...directory.people, ...directory.projects];
  for (const entry of named) for (const word of words(entry.name)) known.add(word);
  for (const person of directory.people) {
    if (person.team) for (const word of words(person.team.name)) known.add(word);
  }
  for (const account of directory.accounts) for (const word of words(account.region ?? '')) known.add(word);
  return known;
});

/** Candidate names matched by `pattern`, except a sentence's capitalised first word. */
function candidates(question: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const match of question.matchAll(pattern)) {
    const at = match.index + match[0].indexOf(match[1]!);
    if (/^\s*$|[.!?]\s*$/.test(question.slice(0, at))) continue;
    found.push(match[1]!);
  }
  return found;
}

/** The unknown names in the question, as written. */
export function unknownNames(
  question: string,
  directory: Directory,
  memories: readonly RetrievedMemory[],
): string[] {
  const listed = vocabulary(directory);
  // Only the memories' own words are gathered per question; the directory's stay in their cached set.
  const remembered = new Set<string>();
  for (const memory of memories) {
    for (const word of words(`${memory.sourceTitle ?? ''} ${memory.content}`)) remembered.add(word);
  }
  const unknown = new Set<string>();
  const check = (names: readonly string[], known: (word: string) => boolean): void => {
    for (const name of names) {
      const word = normalize(name);
      if (word.length < 3 || /\d/.test(word) || word.split(' ').every(known)) continue;
      unknown.add(name.replace(/[’']s$/, ''));
    }
  };
  check(candidates(question, BEFORE_LISTED), (word) => listed.has(word));
  check(
    [...candidates(question, BEFORE), ...candidates(question, AFTER_PREPOSITION)],
    (word) => listed.has(word) || remembered.has(word),
  );
  return [...unknown];
}
