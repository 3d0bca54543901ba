import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../__generated__/index.ts';
import { formatMoney } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { DealRow, readDeal, type DealRowData } from './deal-row.tsx';

export const DealsPageQuery = graphql(`
  query DealsPage($filter: DealFilter, $first: Int, $after: String) {
    deals(filter: $filter, first: $first, after: $after) {
      totalCount
      totalAmount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        currency
        ...DealRowFields
      }
    }
  }
`);

export const PAGE_SIZE = 10;

type SortKey = 'name' | 'account' | 'owner' | 'stage' | 'closeDate' | 'amount' | 'probability';
const COLUMNS: ReadonlyArray<{ key: SortKey; label: string; numeric?: boolean }> = [
  { key: 'name', label: 'Deal' },
  { key: 'account', label: 'Account' },
  { key: 'owner', label: 'Owner' },
  { key: 'stage', label: 'Stage' },
  { key: 'closeDate', label: 'Close date' },
  { key: 'amount', label: 'Amount', numeric: true },
  { key: 'probability', label: 'Probability', numeric: true },
];

const sortValue = (deal: DealRowData, key: SortKey): string | number =>
  key === 'account' ? deal.account.name : key === 'owner' ? deal.owner.name : deal[key];

/**
 * The period's deals, largest first as the graph pages them (cursor paging, `PAGE_SIZE` a page); column
 * headers re-sort the page shown.
 */
export function DealsTable({ period }: { period: string }) {
  // Cursors of the pages before the one shown: "Previous" pops one.
  const [cursors, setCursors] = useState<Array<string | null>>([]);
  const [after, setAfter] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean } | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DealsPageQuery,
    variables: { filter: { period }, first: PAGE_SIZE, after },
  });

  if (fetching && !data) return <Loading label="Loading deals" rows={5} />;
  if (error) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const connection = data?.deals;
  if (!connection || connection.totalCount === 0) return <Empty title="No deals close in this period." />;

  const deals = connection.nodes.map(readDeal);
  if (sort) {
    deals.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.descending ? -order : order;
    });
  }
  const pageNumber = cursors.length + 1;
  const pages = Math.max(1, Math.ceil(connection.totalCount / PAGE_SIZE));
  const currency = connection.nodes[0]?.currency ?? 'USD';
  const toggle = (key: SortKey) =>
    setSort((now) =>
      now?.key === key ? { key, descending: !now.descending } : { key, descending: key === 'amount' },
    );

  return (
    <div className="deals">
      <p className="muted" data-testid="deals-total">
        {connection.totalCount} deals · {formatMoney(connection.totalAmount, currency)} in total
      </p>
      <div className="table-wrap">
        <table className="table" aria-label="Top deals" aria-busy={fetching}>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={
                    sort?.key === column.key ? (sort.descending ? 'descending' : 'ascending') : undefined
                  }
                >
                  <button type="button" className="sort-button" onClick={() => toggle(column.key)}>
                    {column.label}
                    <span aria-hidden="true">
                      {sort?.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {deals.map((deal) => (
              <DealRow key={deal.id} deal={deal} />
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Deal pages">
        <button
          type="button"
          className="button"
          disabled={cursors.length === 0}
          onClick={() => {
            setAfter(cursors.at(-1) ?? null);
            setCursors(cursors.slice(0, -1));
          }}
        >
          Previous
        </button>
        <span aria-live="polite">
          Page {pageNumber} of {pages}
        </span>
        <button
          type="button"
          className="button"
          disabled={!connection.pageInfo.hasNextPage}
          onClick={() => {
            setCursors([...cursors, after]);
            setAfter(connection.pageInfo.endCursor ?? null);
          }}
        >
          Next
        </button>
      </nav>
    </div>
  );
}
