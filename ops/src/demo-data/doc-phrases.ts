/** Phrases several document writers share, and the helper that fills their placeholders. */

/** Fictional competitors, so no real company is misquoted. */
export const COMPETITORS = ['Brightlane BI', 'Quantia', 'Metricly', 'ChartHouse', 'an in-house build'];

/** Why a customer or prospect wants the product, in their words. */
export const CUSTOMER_INTERESTS = [
  'They want one place for finance and sales metrics instead of a dozen spreadsheets that disagree.',
  'Their board now asks for weekly KPI reporting, and today it takes two analysts three days to put it together.',
  'Their data lives in Snowflake and Salesforce, which the Data Connectors pack covers out of the box.',
  'The operations team wants alerts when a regional metric moves, not a dashboard they have to remember to open.',
  'They are consolidating three BI tools into one and want governance and row-level security from day one.',
  'Forecasting is the hook: their FP&A team rebuilds the forecast by hand every month.',
  'They liked the AI Insights demo, especially the plain-English explanations of why a number moved.',
];

/** Replaces `{name}` placeholders with values. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return Object.entries(values).reduce((result, [key, value]) => result.replaceAll(`{${key}}`, value), text);
}
