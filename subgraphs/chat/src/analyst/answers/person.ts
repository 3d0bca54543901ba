/** Who a person is (`PersonOverview`): role, team, manager, the deals and projects they own. */
import { formatEnum, formatMoney, formatShare } from '../format.ts';
import { relevantMemories } from '../relevance.ts';
import { callTool, type DealData, type NamedRef } from '../tool-data.ts';
import { startAll, type AnswerContext } from './context.ts';
import { writeQuotes } from './quotes.ts';

interface PersonData {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly title: string;
  readonly team: NamedRef | null;
  readonly manager: NamedRef | null;
  readonly deals: readonly DealData[];
  readonly ownedProjects: readonly {
    id: string;
    name: string;
    status: string;
    progress: number;
    dueDate: string;
  }[];
}

/** @default 8 open deals per person */
export const MAX_PERSON_DEALS = 8;
/** @default 3 people per answer */
export const MAX_PEOPLE = 3;

async function overview(context: AnswerContext, load: Promise<PersonData | null>): Promise<void> {
  const { request, writer } = context;
  const person = await load;
  if (writer.aborted) return;
  if (!person) {
    writer.paragraph("I don't know: that person is not in the directory you can see.");
    return;
  }
  writer.paragraph(
    `**${person.name}** is ${person.title}` +
      (person.team ? ` in ${person.team.name}` : '') +
      (person.manager ? `, reporting to ${person.manager.name}` : '') +
      ` (${person.email}).`,
  );
  const open = person.deals.filter((deal) => deal.status === 'OPEN').sort((a, b) => b.amount - a.amount);
  const won = person.deals.filter((deal) => deal.status === 'WON');
  if (person.deals.length > 0) {
    const currency = person.deals[0]?.currency ?? 'USD';
    const sum = (deals: readonly DealData[]): string =>
      formatMoney(
        deals.reduce((total, deal) => total + deal.amount, 0),
        currency,
      );
    writer.paragraph(
      `Owns ${person.deals.length} deals: **${open.length} open** (${sum(open)}) and **${won.length} won** (${sum(won)}).`,
    );
    const shown = open.slice(0, MAX_PERSON_DEALS);
    if (shown.length > 0) {
      writer.table(
        ['Open deal', 'Account', 'Amount', 'Stage', 'Close date'],
        shown.map((deal) => [
          deal.name,
          deal.account?.name ?? '–',
          formatMoney(deal.amount, deal.currency ?? currency),
          formatEnum(deal.stage),
          deal.closeDate,
        ]),
      );
      for (const deal of shown) writer.cite('Deal', deal.id);
    }
  }
  if (person.ownedProjects.length > 0) {
    writer.write('Projects owned:\n\n');
    for (const project of person.ownedProjects) {
      writer.write(
        `- ${project.name}: ${formatEnum(project.status)}, ${formatShare(project.progress)} done, due ${project.dueDate}\n`,
      );
      writer.cite('Project', project.id);
    }
    writer.write('\n');
  }
  const notes = relevantMemories(person.name, request.memories).slice(0, 2);
  if (notes.length > 0) {
    writer.write('Mentioned in:\n\n');
    writeQuotes(
      writer,
      notes.map((note) => ({ id: note.memory.id, text: note.excerpt, source: note.memory.sourceTitle })),
    );
  }
}

export async function answerPersonOverview(context: AnswerContext): Promise<void> {
  const { tools } = context.request;
  const people = startAll(context.request.understanding.people.slice(0, MAX_PEOPLE), ({ id }) =>
    callTool<PersonData | null>(tools, 'PersonOverview', { id }, 'user'),
  );
  for (const person of people) {
    if (context.writer.aborted) return;
    await overview(context, person);
  }
}
