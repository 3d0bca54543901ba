/** Objectives of a quarter and the key results that need attention, from `Objectives`. */
import { formatEnum, formatShare, formatValue } from '../format.ts';
import { callTool, type NamedRef } from '../tool-data.ts';
import { type AnswerContext } from './context.ts';

interface KeyResultData {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly targetValue: number;
  readonly currentValue: number;
  readonly progress: number;
  readonly status: string;
}

interface ObjectiveData {
  readonly id: string;
  readonly period: string;
  readonly title: string;
  readonly progress: number;
  readonly status: string;
  readonly owner: NamedRef | null;
  readonly keyResults: readonly KeyResultData[];
}

const NEEDS_ATTENTION = new Set(['AT_RISK', 'OFF_TRACK']);

const STATUS_WORDS: readonly (readonly [RegExp, string])[] = [
  [/\boff[ -]track\b/i, 'OFF_TRACK'],
  [/\bat risk\b|\bbehind\b/i, 'AT_RISK'],
  [/\bbehind\b/i, 'OFF_TRACK'],
  [/\bon track\b/i, 'ON_TRACK'],
  [/\bachieved\b|\bhit\b/i, 'ACHIEVED'],
];

export async function answerOkrStatus(context: AnswerContext): Promise<void> {
  const { request, writer } = context;
  // Objectives are quarterly: a month or a year asks about the quarter it starts.
  const asked = request.understanding.periods.find((period) => /Q[1-4]$/.test(period));
  const objectives = await callTool<ObjectiveData[]>(
    request.tools,
    'Objectives',
    asked === undefined ? {} : { period: asked },
    'objectives',
  );
  if (writer.aborted) return;
  if (objectives.length === 0) {
    writer.paragraph(`I don't know: no objectives are set for ${asked ?? 'this quarter'}.`);
    return;
  }
  const period = objectives[0]?.period ?? asked ?? 'this quarter';
  if (asked === undefined && request.understanding.periods.length > 0) {
    writer.paragraph(`Objectives are set per quarter; these are the current quarter's.`);
  }
  const byStatus = new Map<string, number>();
  for (const objective of objectives)
    byStatus.set(objective.status, (byStatus.get(objective.status) ?? 0) + 1);
  const summary = [...byStatus].map(([status, count]) => `${count} ${formatEnum(status)}`).join(', ');
  writer.paragraph(`**${objectives.length} objectives for ${period}**: ${summary}.`);
  // "Which objectives are off track?": only those, once the summary has counted them all.
  const wanted = STATUS_WORDS.filter(([pattern]) => pattern.test(request.question)).map(
    ([, status]) => status,
  );
  const listed = wanted.length > 0 ? objectives.filter((o) => wanted.includes(o.status)) : objectives;
  writer.table(
    ['Objective', 'Owner', 'Progress', 'Status'],
    listed.map((objective) => [
      objective.title,
      objective.owner?.name ?? '–',
      formatShare(objective.progress),
      formatEnum(objective.status),
    ]),
  );
  const attention = listed.flatMap((objective) =>
    objective.keyResults.filter((result) => NEEDS_ATTENTION.has(result.status)),
  );
  if (attention.length > 0) {
    writer.write('Key results that need attention:\n\n');
    for (const result of attention) {
      writer.write(
        `- ${result.title}: ${formatValue(result.currentValue, result.unit)} of ` +
          `${formatValue(result.targetValue, result.unit)} (${formatEnum(result.status)})\n`,
      );
    }
    writer.write('\n');
  }
  for (const objective of listed) writer.cite('Objective', objective.id);
}
