import { graphql, getFragmentData, type FragmentType } from '../__generated__/index.ts';
import { formatDay, humanize } from '../ui/format.ts';

export const MemoryHitFields = graphql(`
  fragment MemoryHitFields on MemoryHit {
    score
    servedFrom
    memory {
      id
      content
      kind
      tier
      visibility
      createdAt
      source {
        type
        title
      }
      owner {
        id
        name
      }
      account {
        id
        name
      }
    }
  }
`);

const TIER_NAMES: Readonly<Record<string, string>> = {
  L1: 'L1 cache',
  L2: 'L2 index',
  L3: 'L3 store',
};

/** One search hit: the memory, its score, its tier and the tier that answered. */
export function MemoryHit(props: { hit: FragmentType<typeof MemoryHitFields> }) {
  const hit = getFragmentData(MemoryHitFields, props.hit);
  const { memory } = hit;
  return (
    <li className="card hit" data-memory={memory.id}>
      <header className="hit-head">
        <span className="hit-title">{memory.source.title ?? humanize(memory.kind)}</span>
        <span className="hit-meta">
          <span className="badge tone-neutral" title="Which tier answered the search">
            {TIER_NAMES[hit.servedFrom] ?? hit.servedFrom}
          </span>
          <span className="badge tone-neutral" title="Storage tier of the memory">
            {humanize(memory.tier)}
          </span>
          <span className="score" data-testid="hit-score">
            score {hit.score.toFixed(3)}
          </span>
        </span>
      </header>
      <p className="hit-content">{memory.content}</p>
      <p className="muted">
        {humanize(memory.kind)} · {humanize(memory.visibility)} · {memory.owner.name} ·{' '}
        {formatDay(memory.createdAt)}
        {memory.account ? ` · ${memory.account.name}` : ''}
      </p>
    </li>
  );
}
