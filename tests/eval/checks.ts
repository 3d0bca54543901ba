/**
 * What an expected answer must contain, as small predicates over a reply. Each returns null when the reply
 * passes, or the reason it fails (printed by `npm run eval:assistant --verbose`).
 */
import { figuresIn } from '../../subgraphs/chat/src/pipeline/figures.ts';
import type { Reply } from './assistant-session.ts';

export type Check = (reply: Reply) => string | null;

export const CATEGORIES = [
  'KPIs',
  'comparisons',
  'trends',
  'sales',
  'accounts',
  'people and teams',
  'projects and milestones',
  'OKRs',
  'knowledge',
  'out of scope',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface EvalCase {
  readonly category: Category;
  readonly question: string;
  readonly check: Check;
  /** The question is about another company: an answer with figures there uses Sophia's data for it. */
  readonly otherCompany?: boolean;
}

/** Money figures within a written figure's rounding, or 0.5% for figures written in full. */
function nearValue(
  text: string,
  value: number,
  unit: 'MONEY' | 'PERCENT' | 'NUMBER' | 'MULTIPLE' | 'ANY',
): boolean {
  return figuresIn(text).some(
    (figure) =>
      (unit === 'ANY' || figure.unit === unit || (unit === 'NUMBER' && figure.unit === 'MONEY')) &&
      Math.abs(figure.value - value) <= Math.max(figure.tolerance, Math.abs(value) * 0.005),
  );
}

export const money =
  (value: number, label = 'amount'): Check =>
  ({ text }) =>
    nearValue(text, value, 'MONEY') ? null : `no ${label} ≈ ${Math.round(value)}`;

export const percent =
  (value: number, label = 'percent'): Check =>
  ({ text }) =>
    nearValue(text, value, 'PERCENT') ? null : `no ${label} ≈ ${value.toFixed(1)}%`;

export const number =
  (value: number, label = 'number'): Check =>
  ({ text }) =>
    nearValue(text, value, 'ANY') ? null : `no ${label} = ${value}`;

/** A metric value as its unit writes it. */
export function metricValue(value: number, unit: string): Check {
  if (unit === 'CURRENCY') return money(value, 'value');
  if (unit === 'PERCENT') return percent(value, 'value');
  return number(value, 'value');
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export const mentions =
  (...names: string[]): Check =>
  ({ text }) => {
    const missing = names.filter((name) => !fold(text).includes(fold(name)));
    return missing.length === 0 ? null : `does not mention ${missing.join(', ')}`;
  };

export const omits =
  (...names: string[]): Check =>
  ({ text }) => {
    const present = names.filter((name) => fold(text).includes(fold(name)));
    return present.length === 0 ? null : `mentions ${present.join(', ')}`;
  };

export const cites =
  (typename: string, id?: string): Check =>
  ({ citations }) =>
    citations.some((c) => c.typename === typename && (id === undefined || c.id === id))
      ? null
      : `no ${typename}${id ? ` ${id}` : ''} citation`;

/** Mentions the names in this order (a ranking). */
export const inOrder =
  (...names: string[]): Check =>
  ({ text }) => {
    const at = names.map((name) => fold(text).indexOf(fold(name)));
    if (at.some((i) => i < 0)) return `does not mention ${names.filter((_, i) => at[i]! < 0).join(', ')}`;
    return at.every((i, k) => k === 0 || i > at[k - 1]!) ? null : `not in order: ${names.join(' > ')}`;
  };

const DECLINE =
  /\b(i don'?t know|i can'?t answer|i can'?t help|don'?t hold|doesn'?t hold|does not hold|only (?:holds|knows)|no data|not in sophia|outside what|can'?t tell|cannot answer)\b/i;

/** Declined plainly, with no figure. */
export const declines: Check = ({ text }) => {
  if (!DECLINE.test(text)) return 'did not decline';
  const figures = figuresIn(text).filter((figure) => figure.unit !== 'NUMBER');
  return figures.length === 0 ? null : `declined but gave ${figures.map((f) => f.text).join(', ')}`;
};

/** Asked back with the candidates it considered (a clarifying question). */
export const asksBack =
  (...candidates: string[]): Check =>
  (reply) =>
    /\?/.test(reply.text) && /\b(did you mean|which one|do you mean)\b/i.test(reply.text)
      ? mentions(...candidates)(reply)
      : 'did not ask back';

export const all =
  (...checks: Check[]): Check =>
  (reply) => {
    for (const check of checks) {
      const failure = check(reply);
      if (failure) return failure;
    }
    return null;
  };

/** Declines or answered with no figures: what counts as not using Sophia's data for another company. */
export function usedOurData(reply: Reply): boolean {
  return DECLINE.test(reply.text) ? false : figuresIn(reply.text).some((figure) => figure.unit !== 'NUMBER');
}
