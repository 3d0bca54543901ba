/** Company policies: stable reference documents everyone can read. */
import { type DocumentContext, type DocumentDraft, paragraphs, workdayTimestamp } from './doc-context.ts';
import type { Rng } from './prng.ts';

interface Policy {
  title: string;
  authorTitle: string;
  tags: string[];
  sections: (companyName: string) => string[];
}

const POLICIES: readonly Policy[] = [
  {
    title: 'Discount approval policy',
    authorTitle: 'Chief Financial Officer',
    tags: ['policy', 'sales', 'finance'],
    sections: (company) => [
      `This policy sets who can approve discounts on ${company} quotes. It applies to new business, expansions and renewals.`,
      'Approval levels: up to 10% off list price, the account executive decides. From 10% to 20%, the sales team lead (VP Enterprise Sales, Director of Mid-Market Sales or VP Customer Success) approves. Above 20%, or any multi-year price lock, needs the Chief Revenue Officer and the Chief Financial Officer.',
      'Non-standard terms (payment terms beyond 45 days, uncapped liability, termination for convenience) always go to deal desk and legal, whatever the discount.',
      'Deal desk records every approval in the CRM. Quarter-end deals follow the same rules; urgency is not a reason to skip approval.',
    ],
  },
  {
    title: 'Travel and expense policy',
    authorTitle: 'Controller',
    tags: ['policy', 'finance', 'expenses'],
    sections: () => [
      'Spend company money as if it were your own. Book travel at least 14 days ahead where you can, economy class for flights under six hours, and hotels within the city limits listed in the travel tool.',
      'Meals while travelling: up to $75 a day in the US and the equivalent elsewhere. Client entertainment needs a business purpose and the names of attendees on the receipt.',
      'Submit expenses within 30 days with receipts for anything above $25. Your manager approves; Finance reimburses in the next payroll run.',
      'Not reimbursed: upgrades, minibar, personal entertainment, and fines of any kind.',
    ],
  },
  {
    title: 'Information security policy',
    authorTitle: 'Security Engineering Lead',
    tags: ['policy', 'security', 'engineering'],
    sections: (company) => [
      `Everyone at ${company} protects customer data. This policy summarises the rules; the full control set is in the SOC 2 documentation.`,
      'Accounts: single sign-on with multi-factor authentication for every system that supports it, a password manager for everything else, and no shared accounts.',
      'Devices: company laptops only for customer data, with disk encryption, automatic updates and screen lock after five minutes.',
      'Customer data: production access is granted per request, time-limited and logged. Never copy customer data to personal devices, spreadsheets or AI tools that are not approved.',
      'Report anything suspicious in the #security channel straight away. Reporting quickly is always right, even when it turns out to be nothing.',
    ],
  },
  {
    title: 'Data retention and deletion policy',
    authorTitle: 'Security Engineering Lead',
    tags: ['policy', 'security', 'privacy'],
    sections: () => [
      'Customer data is kept for as long as the contract runs. After a contract ends, the customer can export their data for 30 days; after that it is deleted from production within 30 days and from backups within 90.',
      'Usage analytics are kept for 25 months in aggregated form. Support tickets are kept for three years.',
      'Requests from individuals to access or delete their personal data go to privacy@ and are answered within 30 days.',
    ],
  },
  {
    title: 'Remote and hybrid work policy',
    authorTitle: 'VP People',
    tags: ['policy', 'people'],
    sections: (company) => [
      `${company} is hybrid: teams choose their office days together, with at least one shared day a week for teams near an office.`,
      'Core collaboration hours are 10:00 to 15:00 in your team’s main time zone. Outside them, default to asynchronous updates.',
      'Home office: a one-time allowance of $1,000 and $50 a month towards internet costs.',
      'Working from another country for more than four weeks a year needs approval from People because of tax and employment rules.',
    ],
  },
  {
    title: 'Time off policy',
    authorTitle: 'VP People',
    tags: ['policy', 'people'],
    sections: () => [
      'Everyone gets 25 days of paid time off a year plus local public holidays, and we expect people to take at least 20.',
      'Book time off in the HR system and let your team know. For more than two weeks in a row, agree it with your manager a month ahead.',
      'Sick days are separate and do not need a doctor’s note for absences under three days.',
      'Parental leave: 16 weeks fully paid for every parent, usable within the first year.',
    ],
  },
  {
    title: 'Procurement and vendor policy',
    authorTitle: 'Chief Financial Officer',
    tags: ['policy', 'finance', 'procurement'],
    sections: () => [
      'Any new vendor handling customer data needs a security review before signature.',
      'Approval levels by annual contract value: under $10k, the budget owner; $10k to $50k, the budget owner and Finance; above $50k, the CFO; above $250k, the CEO as well.',
      'Prefer monthly or annual terms over multi-year commitments unless the discount is at least 15%.',
      'All contracts are stored in the contract repository with a named owner and a renewal reminder 90 days before the notice date.',
    ],
  },
  {
    title: 'Incident response process',
    authorTitle: 'Director of Engineering, Platform',
    tags: ['policy', 'engineering', 'incident'],
    sections: () => [
      'Severity 1: the product is down or data is at risk for many customers. Page the on-call engineer, open an incident channel, and post a status page update within 15 minutes.',
      'Severity 2: a major feature is degraded for some customers. Respond within 30 minutes and update the status page if customers are affected for more than an hour.',
      'An incident commander coordinates, one person communicates, and everyone else fixes. Customer Success is told about affected enterprise customers straight away.',
      'Every Severity 1 and 2 incident gets a blameless postmortem within five working days, with actions tracked to completion.',
    ],
  },
];

export function policyDocuments(rng: Rng, context: DocumentContext): DocumentDraft[] {
  return POLICIES.map((policy) => {
    const policyRng = rng.fork(policy.title);
    const author = context.byTitle(policy.authorTitle);
    return {
      title: policy.title,
      kind: 'DOCUMENT',
      content: paragraphs(
        ...policy.sections(context.sources.companyName),
        `Owner: ${author.name} (${author.title}). Questions and suggested changes go to the owner; the policy is reviewed every year and changes are announced in the all-hands.`,
      ),
      authorId: author.id,
      accountId: null,
      projectId: null,
      dealId: null,
      visibility: 'ORG',
      createdAt: workdayTimestamp(policyRng, context.anchorDay - policyRng.int(120, 600), context.anchorDay),
      tags: policy.tags,
    };
  });
}
