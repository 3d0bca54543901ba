import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../__generated__/index.ts';
import { PeriodSelect } from '../overview/period-select.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { ObjectiveCard } from './objective-card.tsx';
import { ProjectRow } from './project-row.tsx';

export const ProjectsOkrsQuery = graphql(`
  query ProjectsOkrs($period: String) {
    objectives(period: $period) {
      id
      period
      ...ObjectiveCardFields
    }
    projects {
      id
      status
      ...ProjectRowFields
    }
  }
`);

/** Quarterly objectives with key-result progress, and every project with the ones at risk first. */
export function ProjectsTab() {
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [current, setCurrent] = useState<string | undefined>(undefined);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ProjectsOkrsQuery,
    variables: { period: period ?? null },
  });
  const shownPeriod = data?.objectives?.[0]?.period;
  useEffect(() => {
    if (period === undefined && shownPeriod) setCurrent(shownPeriod);
  }, [period, shownPeriod]);

  if (fetching && !data) return <Loading label="Loading objectives and projects" rows={4} />;
  if (error) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const objectives = data?.objectives ?? [];
  const projects = data?.projects ?? [];
  const urgent = projects.filter((p) => p.status === 'AT_RISK' || p.status === 'OFF_TRACK').length;
  return (
    <section className="tab-section" aria-labelledby="okrs-title">
      <header className="section-head">
        <h2 id="okrs-title">Objectives</h2>
        {current ? (
          <PeriodSelect id="okr-period" current={current} value={period ?? current} onChange={setPeriod} />
        ) : null}
      </header>
      {objectives.length === 0 ? (
        <Empty title="No objectives for this period." hint="Objectives are set per quarter." />
      ) : (
        <div className="objective-grid">
          {objectives.map((objective) => (
            <ObjectiveCard key={objective.id} objective={objective} />
          ))}
        </div>
      )}
      <header className="section-head">
        <h2 id="projects-title">Projects</h2>
        <p className="muted">{urgent} at risk or off track, listed first</p>
      </header>
      {projects.length === 0 ? (
        <Empty title="No projects yet." />
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="projects-title">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((project) => (
                <ProjectRow key={project.id} project={project} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
