import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMetricValue, formatMoney, formatMoneyCompact, type Unit } from '../../web/src/ui/format.ts';
import { startTestStack, type RunningStack } from '../integration/stack-fixture.ts';
import { launchChromium } from './browser.ts';
import { ensureDashboardBuilt } from './dashboard-build.ts';

/** Screenshots of each tab, kept for people to look at (git-ignored). */
const ARTIFACTS = join(import.meta.dirname, 'artifacts');

/**
 * The dashboard as an executive uses it: the gateway serves the built app, chromium signs in, visits every
 * tab and compares what it shows with what the GraphQL API returns for the same period.
 */
describe('the dashboard in a browser', () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let token: string;
  const failures: string[] = [];

  const tab = (name: string) => page.getByRole('tab', { name });
  const shoot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const api = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const reply = await stack.query<T>(query, { token, variables });
    expect(reply.errors).toBeUndefined();
    return reply.data!;
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ensureDashboardBuilt();
    stack = await startTestStack();
    token = await stack.login();
    browser = await launchChromium();
    // Reduced motion: charts draw at once, so screenshots show them whole.
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, reducedMotion: 'reduce' });
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console error: ${message.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('serves the dashboard at / and signs in as a demo user', async () => {
    const response = await page.goto(stack.gateway.url);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Sign in to Sophia' }).waitFor();
    await shoot('0-sign-in');
    const people = page.getByRole('list', { name: 'Demo users' }).getByRole('button');
    expect(await people.count()).toBeGreaterThan(3);
    await people.first().click();
    await page.getByRole('tablist', { name: 'Dashboard sections' }).waitFor();
    expect(await tab('Executive Overview').getAttribute('aria-selected')).toBe('true');
  });

  it('shows the KPI cards of the chosen period exactly as the API gives them', async () => {
    await page.getByRole('combobox', { name: 'Period' }).selectOption('2026-Q3');
    const { kpiCards } = await api<{
      kpiCards: Array<{
        value: number | null;
        target: number | null;
        metric: { id: string; unit: Unit; currency: string | null };
      }>;
    }>(`{ kpiCards(period: "2026-Q3") { value target metric { id unit currency } } }`);
    expect(kpiCards.length).toBeGreaterThan(5);
    const format = (value: number, metric: (typeof kpiCards)[number]['metric']) =>
      formatMetricValue(value, metric.unit, metric.currency);
    for (const card of kpiCards) {
      const shown = page.locator(`article[data-metric="${card.metric.id}"]`);
      const expected = card.value === null ? '—' : format(card.value, card.metric);
      await expect.poll(() => shown.getByTestId('kpi-value').textContent()).toBe(expected);
      if (card.target !== null) {
        expect(await shown.getByTestId('kpi-target').textContent()).toContain(
          format(card.target, card.metric),
        );
      }
    }
    await page
      .getByRole('figure', { name: /by month/ })
      .locator('svg')
      .first()
      .waitFor();
    await shoot('1-overview');
  });

  it('lists objectives with key results and projects at risk first', async () => {
    // Keyboard: the tabs are reachable with the arrow keys.
    await tab('Executive Overview').focus();
    await page.keyboard.press('ArrowRight');
    expect(await tab('Projects & OKRs').getAttribute('aria-selected')).toBe('true');
    const { objectives, projects } = await api<{
      objectives: Array<{ title: string; keyResults: Array<{ title: string }> }>;
      projects: Array<{ name: string; status: string; owner: { name: string } }>;
    }>(`{ objectives { title keyResults { title } } projects { name status owner { name } } }`);
    expect(objectives.length).toBeGreaterThan(0);
    for (const objective of objectives) {
      const card = page.getByRole('article', { name: objective.title });
      await card.waitFor();
      expect(await card.getByRole('progressbar').count()).toBe(objective.keyResults.length + 1);
    }
    const firstRow = page.getByRole('table').getByRole('row').nth(1);
    expect(await firstRow.getByRole('rowheader').textContent()).toBe(projects[0]!.name);
    expect(await firstRow.textContent()).toContain(projects[0]!.owner.name);
    await shoot('2-projects');
  });

  it('shows the pipeline, forecast and top deals of the quarter as the API gives them', async () => {
    await tab('Sales Intelligence').click();
    const { pipeline } = await api<{
      pipeline: { period: string; currency: string; weightedForecast: number; wonAmount: number };
    }>(`{ pipeline { period currency weightedForecast wonAmount } }`);
    const { deals } = await api<{
      deals: { totalCount: number; nodes: Array<{ name: string; amount: number; currency: string }> };
    }>(
      `query ($period: String) { deals(filter: { period: $period }, first: 10) { totalCount nodes { name amount currency } } }`,
      {
        period: pipeline.period,
      },
    );
    const figure = (id: string) => page.locator(`[data-figure="${id}"] .figure-value`).textContent();
    await expect
      .poll(() => figure('forecast'))
      .toBe(formatMoneyCompact(pipeline.weightedForecast, pipeline.currency));
    expect(await figure('won')).toBe(formatMoneyCompact(pipeline.wonAmount, pipeline.currency));
    const table = page.getByRole('table', { name: 'Top deals' });
    await table.waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(deals.nodes.length + 1);
    const first = deals.nodes[0]!;
    expect(await rows.nth(1).getByRole('rowheader').textContent()).toBe(first.name);
    expect(await rows.nth(1).textContent()).toContain(formatMoney(first.amount, first.currency));
    expect(await page.getByTestId('deals-total').textContent()).toContain(`${deals.totalCount} deals`);
    await shoot('3-sales');
  });

  it('searches the knowledge base, and finds a note it just added', async () => {
    await tab('Knowledge').click();
    const search = async (text: string) => {
      await page.getByRole('searchbox', { name: 'Search memories' }).fill(text);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      return page.getByRole('list', { name: `Results for ${text}` });
    };
    const renewal = await search('renewal');
    await renewal.getByRole('listitem').first().waitFor();
    expect(await renewal.getByRole('listitem').first().textContent()).toMatch(/L[123] (cache|index|store)/);

    const marker = `zephyrine${Date.now().toString(36)}`;
    await page.getByRole('textbox', { name: 'Note' }).fill(`The ${marker} board offsite moves to March.`);
    await page.getByRole('button', { name: 'Remember' }).click();
    await page.getByText('Saved.').waitFor();
    const found = await search(marker);
    await found.getByText(`The ${marker} board offsite moves to March.`).waitFor();
  });

  it('uploads a document, follows its progress, and then finds it', async () => {
    const word = `quillfeather${Date.now().toString(36)}`;
    const paragraphs = Array.from(
      { length: 12 },
      (_, i) => `Section ${i + 1}. The ${word} programme plans warehouse automation for region ${i + 1}.`,
    );
    await page.getByLabel('Document (text or markdown)').setInputFiles({
      name: `${word} plan.md`,
      mimeType: 'text/markdown',
      buffer: Buffer.from(`# The ${word} plan\n\n${paragraphs.join('\n\n')}`),
    });
    expect(await page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(`${word} plan`);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.locator('[data-testid="ingest-job"][data-status="COMPLETED"]').waitFor({ timeout: 60_000 });
    expect(
      await page.getByRole('progressbar', { name: `Remembering ${word} plan` }).getAttribute('aria-valuenow'),
    ).toBe('100');
    await page.getByRole('searchbox', { name: 'Search memories' }).fill(word);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page
      .getByRole('list', { name: `Results for ${word}` })
      .getByText(`${word} plan`)
      .first()
      .waitFor();
    await shoot('4-knowledge');
  });

  it('answers "What were our Q3 revenue numbers?" as it streams, with the figure and a citation', async () => {
    await tab('AI Assistant').click();
    const { metric } = await api<{ metric: { value: number; currency: string } }>(
      `{ metric(id: "revenue") { value(period: "Q3") currency } }`,
    );
    await page.getByRole('textbox', { name: 'Ask Sophia' }).fill('What were our Q3 revenue numbers?');
    await page.getByRole('button', { name: 'Send' }).click();
    const reply = page.locator('[data-live-reply]');
    await reply.waitFor();
    await page.locator('[data-live-reply][aria-busy="false"]').waitFor({ timeout: 60_000 });
    expect(await reply.textContent()).toContain(formatMoney(metric.value, metric.currency));
    const citations = reply.locator('details.citation');
    expect(await citations.count()).toBeGreaterThan(0);
    await citations.first().locator('summary').click();
    expect(await citations.first().getAttribute('open')).not.toBeNull();
    await page
      .getByRole('button', { name: /Q3 revenue/i })
      .first()
      .waitFor();
    await shoot('5-assistant');
  });

  it('raised no errors in the page', () => {
    expect(failures).toEqual([]);
  });

  it('sends a session the gateway refuses (HTTP 401) back to the sign-in screen', async () => {
    // Page scripts are strings: this file is typed for Node, without the DOM.
    await page.evaluate(`(() => {
      const saved = JSON.parse(localStorage.getItem('sophia.session'));
      localStorage.setItem('sophia.session', JSON.stringify({ ...saved, token: saved.token + 'x' }));
    })()`);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Sophia' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Your session ended' }).count()).toBe(1);
    expect(await page.evaluate(`localStorage.getItem('sophia.session')`)).toBeNull();
  });
});
