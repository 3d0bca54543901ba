/**
 * Recognises the accounts, people and projects a question names, against the real names in the directory.
 * A full name always counts; a single distinctive word of a name ("Alder" for Alder Mutual, "Malik" for
 * Malik Ito) counts only when the question capitalises it and no other name shares it, so common words
 * ("horizon", "mark") are not taken for names.
 */
import type { ResolvedEntity } from '../pipeline/answer-contract.ts';
import { containsPhrase, normalize, STOP_WORDS } from './text.ts';

export interface Named {
  readonly id: string;
  readonly name: string;
}

export interface EntityMatch extends ResolvedEntity {
  /** 1 for the full name, less for a single word of it. */
  readonly confidence: number;
  /** Where the question names it, to keep the question's order. */
  readonly at: number;
}

/**
 * The words the question writes with a capital letter, except at the start of a sentence (where every
 * word is capitalised): its proper nouns.
 */
export function capitalisedWords(question: string): Set<string> {
  const found: string[] = [];
  for (const match of question.matchAll(/\b[A-Z][\p{L}'’-]*/gu)) {
    if (/^\s*$|[.!?]\s*$/.test(question.slice(0, match.index))) continue;
    found.push(match[0]);
  }
  return new Set(found.map((word) => normalize(word)).filter((word) => word !== ''));
}

export interface MatchOptions {
  /** Which word of a name may stand alone: accounts are called by their first word, people by either. */
  readonly singleWords: 'first' | 'first-or-last' | 'none';
}

/**
 * What matching needs of a list of names, worked out once per list: the directory's lists stay the same
 * objects for as long as it is cached, and every question is matched against all of them.
 */
interface PreparedNames {
  /** Each entry's normal form between spaces (` alder mutual `), in the list's order. */
  readonly padded: readonly string[];
  /** Per way of standing alone: each single word and the entries it could stand for. */
  readonly owners: Map<MatchOptions['singleWords'], ReadonlyMap<string, readonly Named[]>>;
}

const preparedNames = new WeakMap<readonly Named[], PreparedNames>();

function prepare(entries: readonly Named[]): PreparedNames {
  let prepared = preparedNames.get(entries);
  if (!prepared) {
    prepared = { padded: entries.map((entry) => ` ${normalize(entry.name)} `), owners: new Map() };
    preparedNames.set(entries, prepared);
  }
  return prepared;
}

/** Single words that could stand for a name, each with the entries it could stand for. */
function ownersOf(
  entries: readonly Named[],
  singleWords: Exclude<MatchOptions['singleWords'], 'none'>,
): ReadonlyMap<string, readonly Named[]> {
  const prepared = prepare(entries);
  let owners = prepared.owners.get(singleWords);
  if (!owners) {
    const found = new Map<string, Named[]>();
    for (const entry of entries) {
      const parts = normalize(entry.name).split(' ');
      const candidates = singleWords === 'first' ? parts.slice(0, 1) : [parts[0], parts.at(-1)];
      for (const word of new Set(candidates)) {
        if (!word || word.length < 3 || STOP_WORDS.has(word)) continue;
        const named = found.get(word);
        if (named) named.push(entry);
        else found.set(word, [entry]);
      }
    }
    owners = found;
    prepared.owners.set(singleWords, owners);
  }
  return owners;
}

export function matchEntities(
  question: string,
  entries: readonly Named[],
  options: MatchOptions,
): EntityMatch[] {
  const text = ` ${normalize(question)} `;
  const { padded } = prepare(entries);
  const matches = new Map<string, EntityMatch>();
  entries.forEach((entry, index) => {
    const name = padded[index]!;
    const at = name === '  ' ? -1 : text.indexOf(name);
    if (at >= 0) matches.set(entry.id, { id: entry.id, name: entry.name, confidence: 1, at });
  });
  if (options.singleWords === 'none') return ordered(matches);

  // Single words: count how many names each word could stand for, then keep the unambiguous ones.
  const capitalised = capitalisedWords(question);
  const owners = ownersOf(entries, options.singleWords);
  for (const word of capitalised) {
    const [entry, ...others] = owners.get(word) ?? [];
    if (!entry || others.length > 0 || matches.has(entry.id)) continue;
    if (!containsPhrase(text, word)) continue;
    // A name whose full form is already matched by another entry ("Alder" inside "Alder Mutual Renewal").
    if ([...matches.values()].some((match) => containsPhrase(normalize(match.name), word))) continue;
    matches.set(entry.id, { id: entry.id, name: entry.name, confidence: 0.7, at: text.indexOf(` ${word} `) });
  }
  return ordered(matches);
}

/**
 * The capitalised single words of the question that name several entries at once ("Malik" for Malik Ito
 * and Malik Nair), with the entries they could mean: the analyst asks back instead of guessing.
 */
export function ambiguousNames(
  question: string,
  entries: readonly Named[],
): { readonly word: string; readonly candidates: readonly Named[] }[] {
  const text = ` ${normalize(question)} `;
  const capitalised = capitalisedWords(question);
  const found: { word: string; candidates: Named[] }[] = [];
  for (const word of capitalised) {
    if (word.length < 3 || STOP_WORDS.has(word) || !containsPhrase(text, word)) continue;
    const candidates = entries.filter((entry) => {
      const parts = normalize(entry.name).split(' ');
      return parts[0] === word || parts.at(-1) === word;
    });
    const fullNameGiven = candidates.some((entry) => containsPhrase(text, normalize(entry.name)));
    if (candidates.length > 1 && !fullNameGiven) found.push({ word, candidates });
  }
  return found;
}

function ordered(matches: Map<string, EntityMatch>): EntityMatch[] {
  return [...matches.values()].sort((a, b) => a.at - b.at);
}

/** Short forms of the titles people are asked about by ("who is the CFO?"). */
const TITLE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  ceo: 'chief executive officer',
  cfo: 'chief financial officer',
  coo: 'chief operating officer',
  cto: 'chief technology officer',
  cro: 'chief revenue officer',
  cmo: 'chief marketing officer',
  cpo: 'chief product officer',
  vp: 'vp',
};

const holdersByList = new WeakMap<readonly Named[], ReadonlyMap<string, readonly Named[]>>();

/** Each title of two words or more, with the people who hold it: once per directory list. */
function titleHolders(
  people: readonly (Named & { readonly title: string })[],
): ReadonlyMap<string, readonly Named[]> {
  let holders = holdersByList.get(people);
  if (!holders) {
    const found = new Map<string, Named[]>();
    for (const person of people) {
      const title = normalize(person.title);
      if (title.split(' ').length < 2) continue;
      const named = found.get(title);
      if (named) named.push(person);
      else found.set(title, [person]);
    }
    holders = found;
    holdersByList.set(people, holders);
  }
  return holders;
}

/**
 * People named by their title ("the CFO", "our VP Marketing", "head of data"): a title counts when the
 * question contains all of it and exactly one person holds it.
 */
export function matchByTitle(
  question: string,
  people: readonly (Named & { readonly title: string })[],
): EntityMatch[] {
  let text = ` ${normalize(question)} `;
  for (const [short, long] of Object.entries(TITLE_ABBREVIATIONS))
    text = text.replaceAll(` ${short} `, ` ${long} `);
  const matches: EntityMatch[] = [];
  for (const [title, named] of titleHolders(people)) {
    const [person] = named;
    if (named.length !== 1 || !person || !containsPhrase(text, title)) continue;
    matches.push({ id: person.id, name: person.name, confidence: 0.8, at: text.indexOf(` ${title} `) });
  }
  return matches.sort((a, b) => a.at - b.at);
}
