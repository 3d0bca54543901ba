import { graphql, getFragmentData, type FragmentType } from '../__generated__/index.ts';
import { formatDay, formatShare } from '../ui/format.ts';
import { ProgressBar } from '../ui/progress-bar.tsx';
import { StatusBadge, toneOf } from '../ui/status-badge.tsx';

export const ProjectRowFields = graphql(`
  fragment ProjectRowFields on Project {
    id
    name
    status
    progress
    dueDate
    owner {
      id
      name
    }
    team {
      id
      name
    }
  }
`);

/** One project as a table row: status, progress, owner and due date. */
export function ProjectRow(props: { project: FragmentType<typeof ProjectRowFields> }) {
  const project = getFragmentData(ProjectRowFields, props.project);
  return (
    <tr>
      <th scope="row">{project.name}</th>
      <td>
        <StatusBadge status={project.status} />
      </td>
      <td>
        <div className="cell-progress">
          <ProgressBar
            value={project.progress}
            label={`${project.name}: progress`}
            tone={toneOf(project.status)}
          />
          <span className="muted">{formatShare(project.progress)}</span>
        </div>
      </td>
      <td>
        {project.owner.name}
        {project.team ? <span className="muted"> · {project.team.name}</span> : null}
      </td>
      <td>{formatDay(project.dueDate)}</td>
    </tr>
  );
}
