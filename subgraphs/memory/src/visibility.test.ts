import { describe, expect, it } from 'vitest';
import { DuckDb } from '@sophia/kit';
import { canSee, visibleSql, type Guarded, type ViewerScope, type Visibility } from './visibility.ts';

const VISIBILITIES: Visibility[] = ['PRIVATE', 'TEAM', 'ORG'];
const OWNERS = ['usr_a', 'usr_b'];
const TEAMS = ['team_x', 'team_y', null];
const VIEWERS: ViewerScope[] = [
  { userId: 'usr_a', teamId: 'team_x' },
  { userId: 'usr_b', teamId: 'team_y' },
  { userId: 'usr_c', teamId: 'team_x' },
  { userId: 'usr_d', teamId: null },
];

const MEMORIES: Array<Guarded & { id: string }> = OWNERS.flatMap((ownerId) =>
  VISIBILITIES.flatMap((visibility) =>
    TEAMS.map((teamId) => ({ id: `${ownerId}/${visibility}/${teamId}`, ownerId, visibility, teamId })),
  ),
);

describe('visibility', () => {
  it('lets the owner alone see a private memory', () => {
    const memory: Guarded = { ownerId: 'usr_a', visibility: 'PRIVATE', teamId: 'team_x' };
    expect(VIEWERS.filter((viewer) => canSee(viewer, memory)).map((viewer) => viewer.userId)).toEqual([
      'usr_a',
    ]);
  });

  it('shows a team memory to the owner’s team only', () => {
    const memory: Guarded = { ownerId: 'usr_a', visibility: 'TEAM', teamId: 'team_x' };
    expect(VIEWERS.filter((viewer) => canSee(viewer, memory)).map((viewer) => viewer.userId)).toEqual([
      'usr_a',
      'usr_c',
    ]);
  });

  it('shows an organisation memory to everyone', () => {
    const memory: Guarded = { ownerId: 'usr_a', visibility: 'ORG', teamId: null };
    expect(VIEWERS.every((viewer) => canSee(viewer, memory))).toBe(true);
  });

  it('agrees with its SQL predicate on every combination', async () => {
    const db = await DuckDb.open('.', ':memory:');
    try {
      await db.run(
        'CREATE TABLE memories (id VARCHAR, owner_id VARCHAR, visibility VARCHAR, team_id VARCHAR)',
      );
      await db.insertRows(
        'memories',
        MEMORIES.map((m) => ({ id: m.id, owner_id: m.ownerId, visibility: m.visibility, team_id: m.teamId })),
      );
      for (const viewer of VIEWERS) {
        const predicate = visibleSql(viewer);
        const rows = await db.query<{ id: string }>(
          `SELECT m.id FROM memories m WHERE ${predicate.sql} ORDER BY m.id`,
          predicate.params,
        );
        const expected = MEMORIES.filter((memory) => canSee(viewer, memory))
          .map((memory) => memory.id)
          .sort();
        expect(rows.map((row) => row.id)).toEqual(expected);
      }
    } finally {
      await db.close();
    }
  });
});
