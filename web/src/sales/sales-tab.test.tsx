import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { dealsPage, salesOverview } from '../testing/fixtures.ts';
import { renderWithFixtures } from '../testing/render.tsx';
import { SalesTab } from './sales-tab.tsx';

afterEach(cleanup);

const dealNames = () =>
  within(screen.getByRole('table', { name: 'Top deals' }))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

describe('sales intelligence', () => {
  it('shows the forecast and the pipeline by stage in the pipeline currency', async () => {
    const { fixtures } = renderWithFixtures(<SalesTab />, {
      SalesOverview: salesOverview,
      DealsPage: dealsPage,
    });
    const figures = await screen.findByLabelText('Forecast for 2026-Q4');
    expect(within(figures).getByText('$9.87M')).toBeTruthy();
    expect(within(figures).getByText('67%')).toBeTruthy();
    const proposal = document.querySelector('tr[data-stage="PROPOSAL"]')!;
    expect(proposal.textContent).toBe('Proposal3$3M$1M');
    expect(fixtures.drift).toEqual([]);
  });

  it('pages deals with the cursor and sorts the page by a column', async () => {
    const { fixtures } = renderWithFixtures(<SalesTab />, {
      SalesOverview: salesOverview,
      DealsPage: dealsPage,
    });
    await screen.findByRole('table', { name: 'Top deals' });
    expect(dealNames()[0]).toBe('Deal 1');
    expect(screen.getByText('Page 1 of 2')).toBeTruthy();
    expect(screen.getByTestId('deals-total').textContent).toBe('12 deals · $31,000,000 in total');

    fireEvent.click(screen.getByRole('button', { name: 'Account' }));
    expect(dealNames()[0]).toBe('Deal 10'); // "Account P" sorts first
    const header = screen.getByRole('columnheader', { name: /Account/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByRole('button', { name: /Account/ }));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(dealNames()[0]).toBe('Deal 1');

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(dealNames()).toEqual(['Deal 11', 'Deal 12']));
    expect(screen.getByText('Page 2 of 2')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(dealNames()).toHaveLength(10));
    const pages = fixtures.calls
      .filter((c) => c.operationName === 'DealsPage')
      .map((c) => c.variables['after']);
    expect(new Set(pages)).toEqual(new Set([null, 'cursor-10']));
    expect(fixtures.calls.find((c) => c.operationName === 'DealsPage')?.variables['filter']).toEqual({
      period: '2026-Q4',
    });
    expect(fixtures.drift).toEqual([]);
  });
});
