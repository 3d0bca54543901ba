/**
 * What we know about an account: its details and money from `Account`, its open deals, and what Sophia
 * remembers about it (the account's own memories, then retrieved ones that are about it), quoted and cited.
 */
import { formatEnum, formatMoney } from '../format.ts';
import { excerpt } from '../relevance.ts';
import { callTool, type NamedRef } from '../tool-data.ts';
import { startAll, type AnswerContext } from './context.ts';
import { writeQuotes, type Quote } from './quotes.ts';

interface AccountData {
  readonly id: string;
  readonly name: string;
  readonly industry: string | null;
  readonly segment: string | null;
  readonly region: string | null;
  readonly employees: number | null;
  readonly currency: string;
  readonly openPipeline: number;
  readonly wonAmount: number;
  readonly owner: NamedRef | null;
  readonly deals: readonly { id: string; name: string; amount: number; stage: string; closeDate: string }[];
  readonly memories: readonly { id: string; content: string; kind: string; createdAt: string }[];
}

/** @default 3 accounts per answer */
export const MAX_ACCOUNTS = 3;
/** @default 4 memories per account */
export const MAX_ACCOUNT_QUOTES = 4;

async function overview(context: AnswerContext, load: Promise<AccountData | null>): Promise<void> {
  const { request, writer } = context;
  const account = await load;
  if (writer.aborted) return;
  if (!account) {
    writer.paragraph("I don't know: that account is not visible to you.");
    return;
  }
  const money = (value: number): string => formatMoney(value, account.currency);
  const facts = [account.industry, account.segment && formatEnum(account.segment), account.region]
    .filter((fact): fact is string => Boolean(fact))
    .join(', ');
  writer.paragraph(
    `**${account.name}**${facts ? ` (${facts}` : ''}` +
      (account.employees
        ? `${facts ? ', ' : ' ('}${account.employees.toLocaleString('en-US')} employees)`
        : facts
          ? ')'
          : '') +
      (account.owner ? `, owned by ${account.owner.name}` : '') +
      `: **${money(account.wonAmount)}** won to date and **${money(account.openPipeline)}** in open pipeline.`,
  );
  writer.cite('Account', account.id);
  if (account.deals.length > 0) {
    writer.table(
      ['Open deal', 'Amount', 'Stage', 'Close date'],
      account.deals.map((deal) => [deal.name, money(deal.amount), formatEnum(deal.stage), deal.closeDate]),
    );
    for (const deal of account.deals) writer.cite('Deal', deal.id);
  }
  const quotes: Quote[] = account.memories.map((memory) => ({
    id: memory.id,
    text: excerpt(memory.content),
    source: `${formatEnum(memory.kind)}, ${memory.createdAt.slice(0, 10)}`,
  }));
  for (const memory of request.memories) {
    if (memory.accountId === account.id && !quotes.some((quote) => quote.id === memory.id)) {
      quotes.push({ id: memory.id, text: excerpt(memory.content), source: memory.sourceTitle });
    }
  }
  if (quotes.length === 0) {
    writer.paragraph('Sophia remembers nothing else about this account yet.');
    return;
  }
  writer.write('What Sophia remembers:\n\n');
  writeQuotes(writer, quotes.slice(0, MAX_ACCOUNT_QUOTES));
}

export async function answerAccountOverview(context: AnswerContext): Promise<void> {
  const { metrics } = context.request.understanding;
  if (metrics.length > 0) {
    const names = metrics.map((metric) => metric.name).join(', ');
    context.writer.paragraph(
      `Sophia tracks ${names} for the company as a whole, not per account; here is what it knows about the account.`,
    );
  }
  const { tools } = context.request;
  const accounts = startAll(context.request.understanding.accounts.slice(0, MAX_ACCOUNTS), ({ id }) =>
    callTool<AccountData | null>(tools, 'Account', { id }, 'account'),
  );
  for (const account of accounts) {
    if (context.writer.aborted) return;
    await overview(context, account);
  }
}
