/**
 * A directory of names taken from the demo company, for the pure understanding tests. The real-data tests
 * load the real one through the gateway.
 */
import type { Directory } from '../../src/analyst/directory.ts';

const metric = (id: string, name: string, unit = 'CURRENCY') => ({
  id,
  name,
  unit,
  description: name,
  category: 'FINANCE',
});

export const DIRECTORY: Directory = {
  metrics: [
    metric('revenue', 'Revenue'),
    metric('arr', 'ARR'),
    metric('new_bookings', 'Bookings'),
    metric('gross_margin', 'Gross margin', 'PERCENT'),
    metric('burn', 'Net burn'),
    metric('cash', 'Cash'),
    metric('runway', 'Runway', 'MONTHS'),
    metric('nrr', 'Net revenue retention', 'PERCENT'),
    metric('churn', 'Gross revenue churn', 'PERCENT'),
    metric('cac', 'Customer acquisition cost'),
    metric('headcount', 'Headcount', 'COUNT'),
    metric('pipeline_coverage', 'Pipeline coverage', 'RATIO'),
    metric('win_rate', 'Win rate', 'PERCENT'),
    metric('nps', 'Net promoter score', 'SCORE'),
    metric('new_customers', 'New customers', 'COUNT'),
  ],
  accounts: [
    { id: 'acc_094', name: 'Alder Mutual' },
    { id: 'acc_011', name: 'Anchorage Mutual' },
    { id: 'acc_148', name: 'Broadleaf Health' },
    { id: 'acc_118', name: 'Horizon Technologies' },
    { id: 'acc_200', name: 'Mayfield Transport' },
  ],
  people: [
    {
      id: 'usr_018',
      name: 'Malik Ito',
      email: 'malik.ito@example.com',
      title: 'AE',
      team: { id: 't1', name: 'Enterprise Sales' },
    },
    { id: 'usr_019', name: 'Malik Nair', email: 'malik.nair@example.com', title: 'VP', team: null },
    { id: 'usr_046', name: 'Nia Reddy', email: 'nia.reddy@example.com', title: 'CSM', team: null },
    { id: 'usr_020', name: 'Mark Rivera', email: 'mark.rivera@example.com', title: 'PM', team: null },
  ],
  projects: [
    {
      id: 'prj_22',
      name: 'Billing system migration',
      description: 'Move billing to the new system.',
      status: 'COMPLETED',
      progress: 1,
      dueDate: '2026-10-01',
      owner: { id: 'usr_020', name: 'Mark Rivera' },
    },
    {
      id: 'prj_07',
      name: 'Mayfield Transport migration from legacy BI',
      description: 'Migrate Mayfield Transport.',
      status: 'AT_RISK',
      progress: 0.36,
      dueDate: '2027-05-07',
      owner: null,
    },
  ],
};
