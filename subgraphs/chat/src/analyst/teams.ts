/**
 * Teams a question names, where it names a team: "in Engineering", "the Data team", "head of marketing",
 * "who runs finance". Team names are common words ("Sales", "People", "Data"), so a bare word elsewhere in
 * the question is no team.
 */
import type { ResolvedEntity } from '../pipeline/answer-contract.ts';
import type { TeamEntry } from './directory.ts';
import { normalize } from './text.ts';

const BEFORE = String.raw`(?:in|of|runs|run|leads|lead|heads|head|manages|manage|for|on)\s+(?:the\s+|our\s+)?`;
const AFTER = String.raw`\s+(?:team|teams|department|org|organisation|organization|group|function)\b`;

interface TeamPattern {
  readonly team: TeamEntry;
  /** Where the question names the team as a team. */
  readonly named: RegExp;
  /** Its name anywhere, blanked once taken: "Engineering" is not found again in "Engineering Platform". */
  readonly mention: RegExp;
  readonly length: number;
}

/** The teams' patterns, longest names first ("Engineering Platform" before "Engineering"): once per list. */
const patternsByList = new WeakMap<readonly TeamEntry[], readonly TeamPattern[]>();

function patternsOf(teams: readonly TeamEntry[]): readonly TeamPattern[] {
  let patterns = patternsByList.get(teams);
  if (!patterns) {
    patterns = [...teams]
      .sort((a, b) => b.name.length - a.name.length)
      .map((team) => {
        const name = normalize(team.name);
        return {
          team,
          named: new RegExp(String.raw`\b(?:${BEFORE}${name}\b|${name}${AFTER})`),
          mention: new RegExp(String.raw`\b${name}\b`, 'g'),
          length: name.length,
        };
      });
    patternsByList.set(teams, patterns);
  }
  return patterns;
}

export function matchTeams(question: string, teams: readonly TeamEntry[]): ResolvedEntity[] {
  let text = ` ${normalize(question)} `;
  const found: { at: number; team: TeamEntry }[] = [];
  for (const { team, named, mention, length } of patternsOf(teams)) {
    const match = named.exec(text);
    if (!match) continue;
    found.push({ at: match.index, team });
    text = text.replace(mention, '_'.repeat(length));
  }
  return found.sort((a, b) => a.at - b.at).map(({ team }) => ({ id: team.id, name: team.name }));
}
