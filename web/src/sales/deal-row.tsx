import { graphql, getFragmentData, type FragmentType } from '../__generated__/index.ts';
import { formatDay, formatMoney, formatShare } from '../ui/format.ts';
import { StatusBadge } from '../ui/status-badge.tsx';

export const DealRowFields = graphql(`
  fragment DealRowFields on Deal {
    id
    name
    amount
    currency
    stage
    probability
    closeDate
    account {
      id
      name
    }
    owner {
      id
      name
    }
  }
`);

export type DealRowData = ReturnType<typeof readDeal>;
export const readDeal = (deal: FragmentType<typeof DealRowFields>) => getFragmentData(DealRowFields, deal);

/** One deal as a table row, its amount in its own currency. */
export function DealRow({ deal }: { deal: DealRowData }) {
  return (
    <tr data-deal={deal.id}>
      <th scope="row">{deal.name}</th>
      <td>{deal.account.name}</td>
      <td>{deal.owner.name}</td>
      <td>
        <StatusBadge status={deal.stage} />
      </td>
      <td>{formatDay(deal.closeDate)}</td>
      <td className="num">{formatMoney(deal.amount, deal.currency)}</td>
      <td className="num">{formatShare(deal.probability)}</td>
    </tr>
  );
}
