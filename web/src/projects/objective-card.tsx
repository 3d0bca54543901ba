import { graphql, getFragmentData, type FragmentType } from '../__generated__/index.ts';
import { formatMetricValue, formatShare, type Unit } from '../ui/format.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { StatusBadge, toneOf } from '../ui/status-badge.tsx';

export const ObjectiveCardFields = graphql(`
  fragment ObjectiveCardFields on Objective {
    id
    title
    period
    progress
    status
    owner {
      id
      name
      title
    }
    team {
      id
      name
    }
    keyResults {
      id
      title
      unit
      startValue
      currentValue
      targetValue
      progress
      status
      metric {
        id
        currency
      }
    }
  }
`);

const UNITS = new Set<string>(['CURRENCY', 'PERCENT', 'COUNT', 'MONTHS', 'SCORE', 'RATIO']);

/** A key result's value in its unit; units outside the metric units are shown as plain numbers. */
function formatResultValue(value: number, unit: string, currency: string | null | undefined): string {
  return UNITS.has(unit) ? formatMetricValue(value, unit as Unit, currency) : value.toLocaleString('en-US');
}

/** An objective with its owner and a progress bar per key result. */
export function ObjectiveCard(props: { objective: FragmentType<typeof ObjectiveCardFields> }) {
  const objective = getFragmentData(ObjectiveCardFields, props.objective);
  const titleId = `objective-${objective.id}`;
  return (
    <article className="card objective" aria-labelledby={titleId}>
      <header className="objective-head">
        <div>
          <h3 id={titleId}>{objective.title}</h3>
          <p className="muted">
            {objective.owner.name}
            {objective.team ? ` · ${objective.team.name}` : ''} · {objective.period}
          </p>
        </div>
        <StatusBadge status={objective.status} />
      </header>
      <ProgressBar
        value={objective.progress}
        label={`${objective.title}: progress`}
        tone={toneOf(objective.status)}
      />
      <ul className="key-results">
        {objective.keyResults.map((kr) => (
          <li key={kr.id} className="key-result">
            <div className="key-result-line">
              <span>{kr.title}</span>
              <span className="muted">
                {formatResultValue(kr.currentValue, kr.unit, kr.metric?.currency)} of{' '}
                {formatResultValue(kr.targetValue, kr.unit, kr.metric?.currency)} · {formatShare(kr.progress)}
              </span>
            </div>
            <ProgressBar value={kr.progress} label={kr.title} tone={toneOf(kr.status)} />
          </li>
        ))}
      </ul>
    </article>
  );
}
