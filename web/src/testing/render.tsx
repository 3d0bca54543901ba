import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Provider } from 'urql';
import { createFixtureClient, type FixtureClient, type Fixtures } from './fixture-client.ts';

/** Renders a component under a fixture urql client; the test checks `fixtures.drift` stays empty. */
export function renderWithFixtures(
  element: ReactElement,
  fixtures: Fixtures,
): RenderResult & { fixtures: FixtureClient } {
  const fixtureClient = createFixtureClient(fixtures);
  const result = render(<Provider value={fixtureClient.client}>{element}</Provider>);
  return { ...result, fixtures: fixtureClient };
}
