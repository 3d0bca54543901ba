import { anchoredClock, type Dialect, type SqlRunner, type StoreDefinition } from '@sophia/kit';
import type { Company } from '@sophia/domain';
import { CHAT_STORE } from '@sophia/chat/store';
import { documentMemories, MEMORY_STORE, replaceSourceMemories, upsertDirectory } from '@sophia/memory/store';
import { KPI_STORE, upsertDailyFacts, upsertMetricDefinitions, upsertMetricTargets } from '@sophia/kpi/store';
import {
  PROJECT_STORE,
  upsertObjectives,
  upsertProjects,
  upsertTeams,
  upsertUsers,
} from '@sophia/project/store';
import { SALES_STORE, upsertAccounts, upsertDeals } from '@sophia/sales/store';

/** One subgraph's part of the demo company: its store, and how the company's records land in it. */
export interface DemoStore {
  readonly store: StoreDefinition;
  /**
   * Writes this store's rows; returns what its meta records beyond the demo anchor. The company is generated
   * on first use (a store with no rows, like chat's, never needs it). `dialect` is the store's.
   */
  readonly load: (tx: SqlRunner, company: () => Company, dialect: Dialect) => Promise<Record<string, string>>;
}

const about = (company: Company): Record<string, string> => ({
  currency: company.currency,
  company: company.name,
  demo_seed: String(company.seed),
});

/**
 * Each subgraph's part of the demo company, written through the same store writes the import uses, so the
 * demo is simply the first company loaded.
 */
export const DEMO_STORES: readonly DemoStore[] = [
  {
    store: PROJECT_STORE,
    load: async (tx, generated) => {
      const company = generated();
      await upsertTeams(tx, company.teams);
      await upsertUsers(tx, company.users);
      await upsertProjects(tx, company.projects);
      await upsertObjectives(tx, company.objectives);
      return about(company);
    },
  },
  {
    store: SALES_STORE,
    load: async (tx, generated) => {
      const company = generated();
      await upsertAccounts(tx, company.accounts);
      await upsertDeals(tx, company.deals);
      return about(company);
    },
  },
  {
    store: KPI_STORE,
    load: async (tx, generated) => {
      const company = generated();
      await upsertMetricDefinitions(tx, company.metrics);
      await upsertDailyFacts(tx, company.facts);
      await upsertMetricTargets(tx, company.targets);
      return about(company);
    },
  },
  {
    store: MEMORY_STORE,
    load: async (tx, generated, dialect) => {
      const company = generated();
      await upsertDirectory(tx, company.users);
      const teamOf = new Map(company.users.map((user) => [user.id, user.teamId]));
      // Read "now" on the demo's clock: the knowledge base starts warm and ages from the demo's today.
      const loadedAt = anchoredClock(company.anchor).now().toISOString();
      const memories = documentMemories(company.documents, (id) => teamOf.get(id) ?? null, loadedAt);
      await replaceSourceMemories(
        tx,
        company.documents.map((document) => document.id),
        memories,
        dialect,
      );
      return {
        ...about(company),
        demo_documents: String(company.documents.length),
        demo_memories: String(memories.length),
      };
    },
  },
  // Chat has no demo rows; its clock still follows the demo's "today".
  { store: CHAT_STORE, load: () => Promise.resolve({}) },
];
