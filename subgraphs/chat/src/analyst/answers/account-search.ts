/**
 * Accounts counted or ranked (`AccountList`): "how many accounts in EMEA", "which customer has the most
 * open pipeline", optionally in the regions the question names.
 */
import { NO_FILTERS } from '../filters.ts';
import { formatMoney } from '../format.ts';
import { callTool } from '../tool-data.ts';
import { type AnswerContext } from './context.ts';

/** @default 5 rows when the question does not say how many. */
export const ACCOUNT_ROWS = 5;
const MAX_PAGES = 20;

interface AccountRow {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly industry: string;
  readonly currency: string;
  readonly openPipeline: number;
  readonly wonAmount: number;
  readonly owner: { readonly name: string } | null;
}

interface Page {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly nodes: readonly AccountRow[];
}

async function allAccounts(context: AnswerContext): Promise<{ totalCount: number; nodes: AccountRow[] }> {
  const nodes: AccountRow[] = [];
  let totalCount = 0;
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const args: Record<string, unknown> = after ? { first: 100, after } : { first: 100 };
    const data: Page = await callTool<Page>(context.request.tools, 'AccountList', args, 'accounts');
    totalCount = data.totalCount;
    nodes.push(...data.nodes);
    if (!data.pageInfo.hasNextPage || !data.pageInfo.endCursor) break;
    after = data.pageInfo.endCursor;
  }
  return { totalCount, nodes };
}

export async function answerAccountSearch(context: AnswerContext): Promise<void> {
  const { request, writer } = context;
  const filters = request.understanding.filters ?? NO_FILTERS;
  const { totalCount, nodes } = await allAccounts(context);
  if (writer.aborted) return;
  const inScope = nodes.filter(
    (account) => filters.regions.length === 0 || filters.regions.includes(account.region),
  );
  const where = filters.regions.length > 0 ? ` in ${filters.regions.join(' or ')}` : '';
  const count = filters.regions.length > 0 ? inScope.length : totalCount;
  const ranked = [...inScope].sort((a, b) => b.openPipeline - a.openPipeline);
  const counting = /\b(how many|number of|count)\b/i.test(request.question);
  if (counting) {
    writer.paragraph(`Sophia holds **${count}** accounts${where}.`);
    if (filters.regions.length === 0) return;
  }
  const top = ranked.filter((account) => account.openPipeline > 0).slice(0, filters.limit ?? ACCOUNT_ROWS);
  if (top.length === 0) {
    writer.paragraph(`No account${where} has open pipeline.`);
    return;
  }
  const [first] = top;
  if (!counting) {
    writer.paragraph(
      `**${first!.name}** has the most open pipeline of the ${count} accounts${where}: ` +
        `**${formatMoney(first!.openPipeline, first!.currency)}**` +
        (first!.owner ? `, account executive ${first!.owner.name}` : '') +
        '.',
    );
  }
  writer.table(
    ['Account', 'Region', 'Industry', 'Open pipeline', 'Won', 'Owner'],
    top.map((account) => [
      account.name,
      account.region,
      account.industry,
      formatMoney(account.openPipeline, account.currency),
      formatMoney(account.wonAmount, account.currency),
      account.owner?.name ?? '–',
    ]),
  );
  for (const account of top) writer.cite('Account', account.id);
}
