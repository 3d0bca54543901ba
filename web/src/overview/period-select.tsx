/**
 * Periods to choose from, counted back from the current one the graph reports (e.g. `2026-Q4`): the last
 * eight quarters, then this year and last year.
 */
export function periodChoices(current: string): string[] {
  const match = /^(\d{4})-Q([1-4])$/.exec(current);
  if (!match) return [current];
  let year = Number(match[1]);
  let quarter = Number(match[2]);
  const choices: string[] = [];
  for (let i = 0; i < 8; i++) {
    choices.push(`${year}-Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  const thisYear = Number(match[1]);
  return [...choices, String(thisYear), String(thisYear - 1)];
}

/** A labelled select of periods. */
export function PeriodSelect(props: {
  id: string;
  current: string;
  value: string;
  onChange: (period: string) => void;
}) {
  return (
    <label className="field-inline" htmlFor={props.id}>
      Period
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {periodChoices(props.current).map((period) => (
          <option key={period} value={period}>
            {period}
          </option>
        ))}
      </select>
    </label>
  );
}
