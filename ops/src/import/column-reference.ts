import { IMPORT_KINDS } from './kinds/index.ts';

/** The README's column reference for `npm run import`, printed from the kinds themselves so it never drifts. */
export function columnReference(): string {
  return IMPORT_KINDS.map((kind) => {
    const rows = kind.fields.map(
      (field) => `| \`${field.column}\` | ${field.required ? 'yes' : ''} | ${field.describe} |`,
    );
    return [
      `**${kind.name}** — ${kind.summary}`,
      '',
      '| column | required | holds |',
      '| --- | --- | --- |',
      ...rows,
    ].join('\n');
  }).join('\n\n');
}
