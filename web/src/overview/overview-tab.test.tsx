import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { metricSeries, overview } from '../testing/fixtures.ts';
import { renderWithFixtures } from '../testing/render.tsx';
import { OverviewTab } from './overview-tab.tsx';

afterEach(cleanup);

describe('the executive overview', () => {
  it('shows each KPI card with value in its currency, change, target and status', async () => {
    const { fixtures } = renderWithFixtures(<OverviewTab />, {
      Overview: (variables) => overview((variables['period'] as string | null) ?? '2026-Q4'),
      MetricSeries: metricSeries,
    });
    const revenue = await screen.findByRole('article', { name: 'Revenue' });
    expect(within(revenue).getByTestId('kpi-value').textContent).toBe('€5.1M');
    expect(within(revenue).getByTestId('kpi-change').textContent).toBe('−5.0% vs 2026-Q3');
    expect(within(revenue).getByTestId('kpi-target').textContent).toBe('Target €8M · period so far');
    expect(within(revenue).getByText('At risk')).toBeTruthy();
    const churn = screen.getByRole('article', { name: 'Gross churn' });
    expect(within(churn).getByTestId('kpi-value').textContent).toBe('2.4%');
    // Churn rising is bad news.
    expect(within(churn).getByTestId('kpi-change').className).toContain('trend-bad');
    expect(fixtures.drift).toEqual([]);
  });

  it('asks for the period chosen and charts the chosen metric', async () => {
    const { fixtures } = renderWithFixtures(<OverviewTab />, {
      Overview: (variables) => overview((variables['period'] as string | null) ?? '2026-Q4'),
      MetricSeries: metricSeries,
    });
    const select = await screen.findByRole('combobox', { name: 'Period' });
    expect((select as HTMLSelectElement).value).toBe('2026-Q4');
    fireEvent.change(select, { target: { value: '2026-Q3' } });
    await waitFor(() =>
      expect(
        within(screen.getByRole('article', { name: 'Revenue' })).getByTestId('kpi-value').textContent,
      ).toBe('€7.99M'),
    );
    const asked = fixtures.calls.filter((c) => c.operationName === 'Overview').map((c) => c.variables);
    expect([...new Set(asked.map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v))).toEqual([
      { period: null },
      { period: '2026-Q3' },
    ]);
    // The chart loads after the cards.
    expect(await screen.findByRole('figure', { name: 'Revenue by month' })).toBeTruthy();
    expect(fixtures.calls.find((c) => c.operationName === 'MetricSeries')?.variables).toMatchObject({
      id: 'revenue',
    });
    expect(fixtures.drift).toEqual([]);
  });

  it('shows an error with its code and a retry, and an empty state', async () => {
    renderWithFixtures(<OverviewTab />, {
      Overview: { errors: [{ message: 'kpi is down', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } }] },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('A service behind Sophia is not answering.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    cleanup();
    renderWithFixtures(<OverviewTab />, { Overview: { data: { kpiCards: [] } } });
    expect((await screen.findByRole('status')).textContent).toContain('No KPIs for this period.');
  });
});
