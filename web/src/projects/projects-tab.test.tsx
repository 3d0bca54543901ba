import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { projectsOkrs } from '../testing/fixtures.ts';
import { renderWithFixtures } from '../testing/render.tsx';
import { ProjectsTab } from './projects-tab.tsx';

afterEach(cleanup);

describe('projects and OKRs', () => {
  it('shows objectives with a progress bar per key result, and projects at risk first with owners', async () => {
    const { fixtures } = renderWithFixtures(<ProjectsTab />, { ProjectsOkrs: projectsOkrs });
    const objective = await screen.findByRole('article', { name: 'Accelerate durable, efficient growth' });
    expect(within(objective).getByText(/Avery Chen/)).toBeTruthy();
    const arr = within(objective).getByRole('progressbar', { name: 'Grow ARR to $32.7M' });
    expect(arr.getAttribute('aria-valuenow')).toBe('100');
    expect(within(objective).getByText('$32.77M of $32.71M · 100%')).toBeTruthy();
    expect(
      within(objective)
        .getByRole('progressbar', { name: 'Ship the partner portal' })
        .getAttribute('aria-valuenow'),
    ).toBe('40');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Data platform migration',
      'Partner portal',
    ]);
    expect(within(rows[0]!).getByText('Off track')).toBeTruthy();
    expect(within(rows[0]!).getByText('Malik Ito')).toBeTruthy();
    expect(screen.getByText('1 at risk or off track, listed first')).toBeTruthy();
    expect(fixtures.drift).toEqual([]);
  });
});
