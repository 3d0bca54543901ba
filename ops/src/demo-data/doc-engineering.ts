/** Engineering write-ups: incident postmortems and design proposals (RFCs). */
import { toIsoDate } from '@sophia/domain';
import {
  type DocumentContext,
  type DocumentDraft,
  listOf,
  paragraphs,
  workdayTimestamp,
} from './doc-context.ts';
import { formatDate } from './format.ts';
import type { Rng } from './prng.ts';

interface Incident {
  title: string;
  cause: string;
  fix: string;
  actions: string[];
}

const INCIDENTS: readonly Incident[] = [
  {
    title: 'Dashboard timeouts in US-East',
    cause:
      'a query planner change made large cross-joins fall back to a full scan, saturating the warehouse pool',
    fix: 'rolled back the planner change and added a per-tenant concurrency limit',
    actions: [
      'Add query-plan regression tests for the 50 heaviest dashboards',
      'Alert on warehouse queue depth, not only latency',
    ],
  },
  {
    title: 'Delayed data refresh after connector upgrade',
    cause: 'the Salesforce connector upgrade exhausted the API quota for tenants with many custom objects',
    fix: 'throttled sync batches and backfilled the missed refreshes',
    actions: ['Respect per-tenant API quotas in the scheduler', 'Show data freshness on every dashboard'],
  },
  {
    title: 'Login failures for SSO customers',
    cause: 'an expired intermediate certificate in the SAML configuration for one identity provider',
    fix: 'rotated the certificate and restarted the auth service',
    actions: [
      'Monitor certificate expiry 30 days ahead',
      'Add a synthetic SSO login check every five minutes',
    ],
  },
  {
    title: 'Incorrect totals in scheduled reports',
    cause: 'a time-zone bug that counted the last day of the month twice for tenants east of UTC',
    fix: 'fixed the date boundary logic and re-sent the affected reports with a correction note',
    actions: [
      'Property-based tests for date boundaries in every time zone',
      'Reconcile report totals against the warehouse nightly',
    ],
  },
];

const PROPOSALS: readonly { title: string; problem: string; proposal: string; alternatives: string }[] = [
  {
    title: 'RFC: streaming ingestion on a managed log',
    problem:
      'Batch ingestion runs hourly, so customers see data up to two hours old and our largest tenants hit the batch window limit.',
    proposal:
      'Move ingestion to a managed log with per-tenant partitions and exactly-once writes to the warehouse.',
    alternatives:
      'More frequent batches (cheaper, but does not fix the window limit) and change-data-capture per source (faster, but many more moving parts).',
  },
  {
    title: 'RFC: semantic metric layer',
    problem: 'Every dashboard defines revenue and churn slightly differently, and customers notice.',
    proposal:
      'A governed metric layer: metrics defined once as data (fact, aggregation, filters) and compiled to SQL for every consumer, including AI Insights.',
    alternatives:
      'Documentation and review only (does not scale) and adopting an external metrics server (adds a dependency in the query path).',
  },
  {
    title: 'RFC: tenant isolation for EU data residency',
    problem:
      'EU customers need their data stored and processed in the EU, and today every region shares one control plane.',
    proposal: 'Regional data planes with a thin global control plane that stores only account metadata.',
    alternatives: 'A full copy of the stack per region (simpler, but doubles operations work).',
  },
  {
    title: 'RFC: per-tenant cost attribution',
    problem:
      'We cannot see which customers drive hosting cost, so pricing and gross margin decisions are guesses.',
    proposal:
      'Tag every warehouse query and storage object with the tenant and roll costs up daily into the revenue warehouse.',
    alternatives: 'Sampling the largest tenants only, which misses the long tail where margins are thinnest.',
  },
];

export function engineeringDocuments(rng: Rng, context: DocumentContext): DocumentDraft[] {
  const customers = context.sources.accounts.filter((account) => account.status === 'CUSTOMER');
  const engineers = [
    ...context.teamMembers('team_engineering_platform'),
    ...context.teamMembers('team_engineering_product'),
  ];
  const postmortems = INCIDENTS.map((incident, index): DocumentDraft => {
    const incidentRng = rng.fork(`incident/${index}`);
    const day = context.anchorDay - incidentRng.int(10, 300);
    const affected = incidentRng.sample(customers, 3).map((account) => account.name);
    const minutes = incidentRng.int(25, 190);
    const author = incidentRng.pick(engineers);
    return {
      title: `Postmortem: ${incident.title} (${formatDate(toIsoDate(day))})`,
      kind: 'DOCUMENT',
      content: paragraphs(
        `Summary: on ${formatDate(toIsoDate(day))} customers were affected for ${minutes} minutes. Severity ${minutes > 120 ? 1 : 2}. Customers who contacted support included ${listOf(affected)}.`,
        `Root cause: ${incident.cause}.`,
        `Resolution: we ${incident.fix}. Customer Success contacted every affected enterprise customer the same day.`,
        `What went well: the on-call engineer was paged within two minutes and the status page was updated within fifteen. What went badly: detection relied on customer reports for the first ${Math.min(minutes, 20)} minutes.`,
        `Actions:\n${incident.actions.map((action) => `- ${action}`).join('\n')}`,
        'This review is blameless: it is about the system, not the people who were on call.',
      ),
      authorId: author.id,
      accountId: null,
      projectId: null,
      dealId: null,
      visibility: 'ORG',
      createdAt: workdayTimestamp(incidentRng, day + incidentRng.int(2, 5), context.anchorDay),
      tags: ['postmortem', 'engineering', 'incident'],
    };
  });
  const proposals = PROPOSALS.map((proposal, index): DocumentDraft => {
    const proposalRng = rng.fork(`rfc/${index}`);
    const author = proposalRng.pick(
      engineers.filter((user) => /Staff|Principal|Senior|Director|Manager/.test(user.title)),
    );
    return {
      title: proposal.title,
      kind: 'DOCUMENT',
      content: paragraphs(
        `Author: ${author.name}. Status: ${proposalRng.pick(['accepted', 'in review', 'accepted with changes'])}.`,
        `Problem: ${proposal.problem}`,
        `Proposal: ${proposal.proposal}`,
        `Alternatives considered: ${proposal.alternatives}`,
        'Rollout: behind a feature flag, tenant by tenant, starting with internal workspaces and two design-partner customers. Success means no increase in error rates and a measurable improvement in the problem metric within a month.',
      ),
      authorId: author.id,
      accountId: null,
      projectId: null,
      dealId: null,
      visibility: 'ORG',
      createdAt: workdayTimestamp(
        proposalRng,
        context.anchorDay - proposalRng.int(20, 400),
        context.anchorDay,
      ),
      tags: ['rfc', 'engineering', 'architecture'],
    };
  });
  return [...postmortems, ...proposals];
}
