import { graphql, getFragmentData, type FragmentType } from '../__generated__/index.ts';
import { formatMetricValue, formatMoney, formatShare, humanize } from '../ui/format.ts';

export const CitationFields = graphql(`
  fragment CitationFields on Citation {
    __typename
    ... on Memory {
      id
      content
      kind
      source {
        title
      }
    }
    ... on Deal {
      id
      name
      amount
      currency
      stage
      closeDate
      account {
        id
        name
      }
    }
    ... on Account {
      id
      name
      industry
      openPipeline
      accountCurrency: currency
    }
    ... on Metric {
      id
      name
      unit
      metricCurrency: currency
      description
      value
    }
    ... on Objective {
      id
      title
      period
      progress
      objectiveStatus: status
    }
    ... on Project {
      id
      name
      status
      progress
      dueDate
    }
  }
`);

type Cited = ReturnType<typeof readCitation>;
const readCitation = (citation: FragmentType<typeof CitationFields>) =>
  getFragmentData(CitationFields, citation);

function titleOf(cited: Cited): string {
  switch (cited.__typename) {
    case 'Memory':
      return cited.source.title ?? humanize(cited.kind);
    case 'Deal':
    case 'Account':
    case 'Metric':
    case 'Project':
      return cited.name;
    case 'Objective':
      return cited.title;
  }
}

function detailOf(cited: Cited): string {
  switch (cited.__typename) {
    case 'Memory':
      return cited.content;
    case 'Deal':
      return `${cited.account.name} · ${humanize(cited.stage)} · ${formatMoney(cited.amount, cited.currency)} · closes ${cited.closeDate}`;
    case 'Account':
      return `${cited.industry} · open pipeline ${formatMoney(cited.openPipeline, cited.accountCurrency)}`;
    case 'Metric':
      return `${cited.description}${cited.value === null ? '' : ` · this quarter ${formatMetricValue(cited.value, cited.unit, cited.metricCurrency)}`}`;
    case 'Objective':
      return `${cited.period} · ${humanize(cited.objectiveStatus)} · ${formatShare(cited.progress)} done`;
    case 'Project':
      return `${humanize(cited.status)} · ${formatShare(cited.progress)} done · due ${cited.dueDate}`;
  }
}

/** A cited entity: its kind and name; opening it shows what the owning subgraph says about it. */
export function CitationChip(props: { citation: FragmentType<typeof CitationFields>; index: number }) {
  const cited = readCitation(props.citation);
  return (
    <details className="citation" data-citation={cited.__typename}>
      <summary>
        <span className="citation-index">[{props.index}]</span> {cited.__typename}: {titleOf(cited)}
      </summary>
      <p>{detailOf(cited)}</p>
    </details>
  );
}
