import type { Visibility } from '../__generated__/graphql.ts';

/** Who may see what the viewer adds (a note, a document): the same three choices everywhere. */
export function VisibilitySelect(props: {
  readonly id: string;
  readonly label: string;
  readonly value: Visibility;
  readonly onChange: (visibility: Visibility) => void;
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as Visibility)}
      >
        <option value="PRIVATE">Only me</option>
        <option value="TEAM">My team</option>
        <option value="ORG">Everyone</option>
      </select>
    </>
  );
}
