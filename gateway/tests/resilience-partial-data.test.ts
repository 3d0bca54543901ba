import { readFileSync } from 'node:fs';
import { buildSchema, getNullableType, isNonNullType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResilienceFixture, type ResilienceFixture } from './resilience-fixture.ts';

describe('partial data when a subgraph is down', () => {
  let fx: ResilienceFixture;
  beforeAll(async () => {
    fx = await startResilienceFixture({ SUBGRAPH_RETRIES: '0' });
    fx.stock.mode = 'reset';
  });
  afterAll(() => fx.close());

  it("keeps the other subgraph's root list and nulls only the failing one's, with one error naming it", async () => {
    const reply = await fx.post('{ items { id name } levels { sku } }');
    expect(reply.status).toBe(200);
    expect(reply.data).toEqual({
      items: [
        { id: 'i1', name: 'Desk' },
        { id: 'i2', name: 'Lamp' },
      ],
      levels: null,
    });
    expect(reply.errors).toHaveLength(1);
    expect(reply.errors![0]!.extensions).toMatchObject({
      code: 'DOWNSTREAM_SERVICE_ERROR',
      serviceName: 'stock',
    });
  });

  it("nulls only the failing subgraph's fields on entities another subgraph returned", async () => {
    const reply = await fx.post('{ items { name stock } }');
    expect(reply.data).toEqual({
      items: [
        { name: 'Desk', stock: null },
        { name: 'Lamp', stock: null },
      ],
    });
    expect(reply.errors!.every((error) => error.extensions?.['serviceName'] === 'stock')).toBe(true);
  });

  it("Sophia's API lets every root list and connection degrade to null (names kept)", () => {
    const api = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));
    const required = Object.values(api.getQueryType()!.getFields()).filter((field) =>
      isNonNullType(field.type),
    );
    expect(required.map((field) => `${field.name}: ${String(field.type)}`)).toEqual([]);
    const kpiCards = api.getQueryType()!.getFields()['kpiCards']!;
    expect(String(getNullableType(kpiCards.type))).toBe('[KpiCard!]');
  });
});
