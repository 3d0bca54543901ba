const WIDTH = 120;
const HEIGHT = 32;

/** A tiny line of the last values, drawn as SVG (no chart library for twelve points). */
export function Sparkline({
  values,
  label,
  tone,
}: {
  values: readonly number[];
  label: string;
  tone: string;
}) {
  if (values.length < 2)
    return <svg className="sparkline" role="img" aria-label={`${label}: not enough data`} />;
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const points = values
    .map((value, i) => {
      const x = (i / (values.length - 1)) * WIDTH;
      const y = HEIGHT - 2 - ((value - min) / span) * (HEIGHT - 4);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg
      className={`sparkline tone-${tone}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <polyline
        points={points}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
