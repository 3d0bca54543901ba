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

export function matchTeams(question: string, teams: readonly TeamEntry[]): ResolvedEntity[] {
  let text = ` ${normalize(question)} `;
  const found: { at: number; team: TeamEntry }[] = [];
  // Longest names first: "Engineering Platform" before "Engineering".
  for (const team of [...teams].sort((a, b) => b.name.length - a.name.length)) {
    const name = normalize(team.name);
    const pattern = new RegExp(String.raw`\b(?:${BEFORE}${name}\b|${name}${AFTER})`);
    const match = pattern.exec(text);
    if (!match) continue;
    found.push({ at: match.index, team });
    text = text.replace(new RegExp(String.raw`\b${name}\b`, 'g'), '_'.repeat(name.length));
  }
  return found.sort((a, b) => a.at - b.at).map(({ team }) => ({ id: team.id, name: team.name }));
}
