/** What the dashboard asks, with the subgraph that answers each root field (nested fields named too). */
export interface DashboardQuery {
  readonly name: string;
  readonly query: string;
  /** Subgraphs whose failure may null parts of this answer (and only those parts). */
  readonly subgraphs: readonly string[];
}

export const DASHBOARD_QUERIES: readonly DashboardQuery[] = [
  { name: 'kpi', query: '{ kpiCards(period: "Q3") { value status } }', subgraphs: ['kpi'] },
  {
    name: 'deals',
    query: '{ topDeals(period: "Q3", limit: 5) { name amount owner { name } } }',
    subgraphs: ['sales', 'project'],
  },
  { name: 'okrs', query: '{ objectives(period: "Q3") { title progress } }', subgraphs: ['project'] },
  {
    name: 'memory',
    query: '{ searchMemories(query: "renewal risk", limit: 5) { score memory { id } } }',
    subgraphs: ['memory'],
  },
  {
    name: 'overview',
    query:
      '{ kpiCards(period: "Q3") { value } topDeals(period: "Q3", limit: 3) { name } objectives(period: "Q3") { title } }',
    subgraphs: ['kpi', 'sales', 'project'],
  },
];

export const ASSISTANT_QUESTIONS = [
  'What were our Q3 revenue numbers?',
  'What are our top deals this quarter?',
  'Which projects are at risk?',
];

export const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) {
  reply { id } errors { code message } } }`;
export const STREAM = `subscription Stream($id: ID!, $after: Int) { replyStream(messageId: $id, after: $after) {
  seq type delta error { code message } } }`;

export interface ChatEvent {
  readonly seq: number;
  readonly type: string;
  readonly delta: string | null;
  readonly error: { code: string; message: string } | null;
}
