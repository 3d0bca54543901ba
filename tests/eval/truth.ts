/**
 * What the API says, loaded once per evaluation run: the figures and names every expected answer is
 * computed from. The demo data moves with the anchor day, so nothing here is written down in advance.
 */

export type GraphQL = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export interface MetricTruth {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly currency: string | null;
}

/** A metric's value and target over one period. */
export interface CardTruth {
  readonly value: number | null;
  readonly target: number | null;
  readonly metric: MetricTruth;
}

export interface DealTruth {
  readonly id: string;
  readonly name: string;
  readonly amount: number;
  readonly stage: string;
  readonly status: string;
  readonly probability: number;
  readonly closeDate: string;
  readonly account: { readonly id: string; readonly name: string; readonly region: string };
  readonly owner: { readonly id: string; readonly name: string };
}

export interface AccountTruth {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly industry: string;
  readonly segment: string;
  readonly openPipeline: number;
  readonly wonAmount: number;
  readonly owner: { readonly id: string; readonly name: string };
}

export interface PersonTruth {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly team: { readonly id: string; readonly name: string } | null;
  readonly manager: { readonly id: string; readonly name: string } | null;
  readonly reports: readonly { readonly id: string; readonly name: string }[];
}

export interface ProjectTruth {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly progress: number;
  readonly dueDate: string;
  readonly owner: { readonly id: string; readonly name: string };
  readonly team: { readonly id: string; readonly name: string } | null;
  readonly milestones: readonly {
    readonly id: string;
    readonly name: string;
    readonly status: string;
    readonly dueDate: string;
  }[];
}

export interface ObjectiveTruth {
  readonly id: string;
  readonly title: string;
  readonly progress: number;
  readonly status: string;
  readonly owner: { readonly name: string };
}

export interface TeamTruth {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  /** Members of the team and of every team under it. */
  readonly size: number;
  readonly lead: { readonly id: string; readonly name: string } | null;
}

export interface Truth {
  readonly now: Date;
  readonly currentQuarter: string;
  readonly previousQuarter: string;
  readonly metrics: readonly MetricTruth[];
  readonly cards: ReadonlyMap<string, readonly CardTruth[]>;
  readonly series: ReadonlyMap<string, readonly { period: string; value: number | null }[]>;
  readonly openDeals: readonly DealTruth[];
  readonly accounts: readonly AccountTruth[];
  readonly people: readonly PersonTruth[];
  readonly teams: readonly TeamTruth[];
  readonly projects: readonly ProjectTruth[];
  readonly objectives: readonly ObjectiveTruth[];
  readonly pipeline: {
    readonly openCount: number;
    readonly openAmount: number;
    readonly weightedForecast: number;
  };
}

export function quarterOf(date: Date, shift = 0): string {
  const index = date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3) + shift;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

const REF = `id name`;

async function allPages<T>(gql: GraphQL, query: string, field: string): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const data: Record<string, { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> =
      await gql(query, { after });
    const connection = data[field]!;
    all.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return all;
}

export async function loadTruth(gql: GraphQL, now: Date): Promise<Truth> {
  const currentQuarter = quarterOf(now);
  const previousQuarter = quarterOf(now, -1);
  const quarters = [
    currentQuarter,
    previousQuarter,
    quarterOf(now, -2),
    quarterOf(now, -3),
    quarterOf(now, -4),
  ];
  const year = String(now.getUTCFullYear());
  const periods = [...quarters, year, String(now.getUTCFullYear() - 1)];
  const [metrics, cardLists, openDeals, accounts, people, projects, objectives, pipeline] = await Promise.all(
    [
      gql<{ metrics: MetricTruth[] }>(`{ metrics { id name unit currency } }`).then((d) => d.metrics),
      Promise.all(
        periods.map((period) =>
          gql<{ metrics: (MetricTruth & { value: number | null; target: number | null })[] }>(
            `query($p: String) { metrics { id name unit currency value(period: $p) target(period: $p) } }`,
            { p: period },
          ).then(
            (d) =>
              [period, d.metrics.map(({ value, target, ...metric }) => ({ value, target, metric }))] as const,
          ),
        ),
      ),
      allPages<DealTruth>(
        gql,
        `query($after: String) { deals(filter: { status: OPEN }, first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id name amount stage status probability closeDate account { id name region } owner { ${REF} } } } }`,
        'deals',
      ),
      allPages<AccountTruth>(
        gql,
        `query($after: String) { accounts(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
        nodes { id name region industry segment openPipeline wonAmount owner { ${REF} } } } }`,
        'accounts',
      ),
      gql<{
        users: (PersonTruth & {
          team:
            (TeamTruth & { parent: { id: string } | null; lead: { id: string; name: string } | null }) | null;
        })[];
      }>(
        `{ users { id name title team { id name parent { id } lead { ${REF} } } manager { ${REF} } reports { ${REF} } } }`,
      ).then((d) => d.users),
      gql<{ projects: ProjectTruth[] }>(
        `{ projects { id name status progress dueDate owner { ${REF} } team { ${REF} } milestones { id name status dueDate } } }`,
      ).then((d) => d.projects),
      gql<{ objectives: ObjectiveTruth[] }>(
        `{ objectives { id title progress status owner { name } } }`,
      ).then((d) => d.objectives),
      gql<{ pipeline: Truth['pipeline'] }>(`{ pipeline { openCount openAmount weightedForecast } }`).then(
        (d) => d.pipeline,
      ),
    ],
  );
  const series = new Map(
    await Promise.all(
      metrics.map((metric) =>
        gql<{ metric: { series: { period: string; value: number | null }[] } }>(
          `query($id: ID!) { metric(id: $id) { series(grain: MONTH) { period value } } }`,
          { id: metric.id },
        ).then((d) => [metric.id, d.metric.series] as const),
      ),
    ),
  );
  const teamById = new Map<
    string,
    { id: string; name: string; parentId: string | null; lead: TeamTruth['lead']; members: number }
  >();
  for (const person of people) {
    const team = person.team;
    if (!team) continue;
    const entry = teamById.get(team.id) ?? {
      id: team.id,
      name: team.name,
      parentId: team.parent?.id ?? null,
      lead: team.lead,
      members: 0,
    };
    entry.members += 1;
    teamById.set(team.id, entry);
  }
  const sizeOf = (id: string): number =>
    (teamById.get(id)?.members ?? 0) +
    [...teamById.values()]
      .filter((team) => team.parentId === id)
      .reduce((sum, team) => sum + sizeOf(team.id), 0);
  const teams = [...teamById.values()].map((team) => ({
    id: team.id,
    name: team.name,
    parentId: team.parentId,
    lead: team.lead,
    size: sizeOf(team.id),
  }));
  return {
    now,
    currentQuarter,
    previousQuarter,
    metrics,
    cards: new Map(cardLists),
    series,
    openDeals,
    accounts,
    people: people.map(({ id, name, title, team, manager, reports }) => ({
      id,
      name,
      title,
      team: team ? { id: team.id, name: team.name } : null,
      manager,
      reports,
    })),
    teams,
    projects,
    objectives,
    pipeline,
  };
}
