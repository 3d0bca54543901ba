/** A labelled progress bar (0…1), coloured by status. */
export function ProgressBar({ value, label, tone }: { value: number; label: string; tone?: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div
      className={`progress tone-${tone ?? 'neutral'}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
