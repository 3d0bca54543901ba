/** Reporting lines (`ReportingLine`): who reports to someone, or whom someone reports to. */
import { callTool, type NamedRef } from '../tool-data.ts';
import { type AnswerContext } from './context.ts';

interface Line {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly manager: (NamedRef & { readonly title: string }) | null;
  readonly reports: readonly (NamedRef & { readonly title: string })[];
}

/** "Who does X report to?", "X's manager": the question asks upwards. */
const UPWARDS =
  /\b(does|do)\s+.+\s+report (to|into)\b|\bmanager of\b|\bwhose manager\b|\b(his|her|their)\s+manager\b|'s manager\b/i;

export async function answerReports(context: AnswerContext): Promise<void> {
  const { request, writer } = context;
  const lines = await Promise.all(
    request.understanding.people.map((person) =>
      callTool<Line | null>(request.tools, 'ReportingLine', { id: person.id }, 'user'),
    ),
  );
  if (writer.aborted) return;
  for (const line of lines) {
    if (!line) continue;
    if (UPWARDS.test(request.question)) {
      writer.paragraph(
        line.manager
          ? `**${line.name}** (${line.title}) reports to **${line.manager.name}** (${line.manager.title}).`
          : `**${line.name}** (${line.title}) reports to no one: the top of the organisation.`,
      );
    } else if (line.reports.length === 0) {
      writer.paragraph(`No one reports directly to **${line.name}** (${line.title}).`);
    } else {
      writer.paragraph(
        `**${line.reports.length}** people report directly to **${line.name}** (${line.title}):`,
      );
      writer.table(
        ['Name', 'Title'],
        line.reports.map((report) => [report.name, report.title]),
      );
    }
  }
}
