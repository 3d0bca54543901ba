/** `@sophia/ops`: the deterministic demo company (used by the seed step and tests, never by a service). */
export {
  COMPANY_DOMAIN,
  COMPANY_NAME,
  DEFAULT_SEED,
  DIRECTORY_REFERENCE_DATE,
  demoDirectory,
  generateCompany,
} from './company.ts';
export type { GenerateCompanyOptions } from './company.ts';
// The domain rules the generator builds on, re-exported so tests and tools need one import.
export * from '@sophia/domain';
