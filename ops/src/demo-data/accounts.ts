/**
 * Account profiles: who the customers and prospects are. Like the directory, profiles depend on the seed only;
 * the commercial history (deals, contract values, dates) is simulated against the anchor in `deals.ts`.
 */
import { ACCOUNT_NAME_WORDS, INDUSTRIES } from './account-names.ts';
import { slug } from './names.ts';
import type { Rng } from './prng.ts';
import type { Segment, User } from '@sophia/domain';

const ACCOUNT_COUNT = 165;
/** Accounts that were already customers when the fact window opens; the rest are prospects. */
const EXISTING_CUSTOMERS = 60;

export interface AccountProfile {
  id: string;
  name: string;
  industry: string;
  segment: Segment;
  region: string;
  employees: number;
  website: string;
  ownerId: string;
  /** Customer Success manager who looks after the account once it is a customer. */
  csmId: string;
  /** Already a customer when the fact window opens. */
  existingCustomer: boolean;
  /** Relative contract size of an existing customer (scaled to the company's starting ARR later). */
  baselineContract: number;
  /** How long an existing customer had been one when the window opens. */
  customerTenureDays: number;
}

const REGIONS: readonly (readonly [string, number])[] = [
  ['North America', 0.58],
  ['EMEA', 0.27],
  ['APAC', 0.1],
  ['LATAM', 0.05],
];

/** Existing customers lean enterprise: that is where a mid-size vendor's ARR sits. */
const SEGMENT_MIX: Record<'existing' | 'prospect', readonly (readonly [Segment, number])[]> = {
  existing: [
    ['ENTERPRISE', 0.35],
    ['MID_MARKET', 0.4],
    ['SMB', 0.25],
  ],
  prospect: [
    ['ENTERPRISE', 0.3],
    ['MID_MARKET', 0.4],
    ['SMB', 0.3],
  ],
};

const EMPLOYEES: Record<Segment, readonly [number, number, number]> = {
  ENTERPRISE: [2_000, 60_000, 100],
  MID_MARKET: [250, 2_000, 10],
  SMB: [20, 250, 1],
};

const BASELINE_CONTRACT: Record<Segment, readonly [number, number]> = {
  ENTERPRISE: [220_000, 1_000_000],
  MID_MARKET: [45_000, 170_000],
  SMB: [10_000, 42_000],
};

/** Round-robin over a shuffled list: every rep gets a fair book of accounts. */
function roundRobin(rng: Rng, people: readonly User[]): () => User {
  const order = rng.shuffle(people);
  let next = 0;
  return () => order[next++ % order.length] as User;
}

export function isAccountExecutive(user: User): boolean {
  return /Account Executive$/.test(user.title);
}

function isCustomerSuccessManager(user: User): boolean {
  return /Customer Success Manager$|Technical Account Manager$/.test(user.title);
}

export function buildAccountProfiles(rng: Rng, users: readonly User[]): AccountProfile[] {
  const executives = (teamId: string) =>
    users.filter((user) => user.teamId === teamId && isAccountExecutive(user));
  const nextOwner: Record<Segment, () => User> = {
    ENTERPRISE: roundRobin(rng, executives('team_enterprise_sales')),
    MID_MARKET: roundRobin(rng, executives('team_mid_market_sales')),
    SMB: roundRobin(rng, executives('team_mid_market_sales')),
  };
  const nextCsm = roundRobin(rng, users.filter(isCustomerSuccessManager));
  const nameWords = rng.sample(ACCOUNT_NAME_WORDS, ACCOUNT_COUNT);
  const existing = new Set(rng.sample([...Array(ACCOUNT_COUNT).keys()], EXISTING_CUSTOMERS));

  return nameWords.map((word, index) => {
    const existingCustomer = existing.has(index);
    const segment = rng.weighted(SEGMENT_MIX[existingCustomer ? 'existing' : 'prospect']);
    const industry = rng.pick(INDUSTRIES);
    const name = `${word} ${rng.pick(industry.suffixes)}`;
    const [minEmployees, maxEmployees, step] = EMPLOYEES[segment];
    const [minContract, maxContract] = BASELINE_CONTRACT[segment];
    return {
      id: `acc_${String(index + 1).padStart(3, '0')}`,
      name,
      industry: industry.name,
      segment,
      region: rng.weighted(REGIONS),
      employees: Math.round(rng.logUniform(minEmployees, maxEmployees) / step) * step,
      website: `${slug(name)}.${industry.name === 'Software' && rng.chance(0.5) ? 'io' : 'com'}`,
      ownerId: nextOwner[segment]().id,
      csmId: nextCsm().id,
      existingCustomer,
      baselineContract: existingCustomer ? rng.logUniform(minContract, maxContract) : 0,
      customerTenureDays: existingCustomer ? rng.int(200, 2200) : 0,
    };
  });
}
