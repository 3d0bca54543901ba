import { describe, expect, it } from 'vitest';
import { createAnalyst } from '../../src/analyst/index.ts';
import { interpret, understandQuestion } from '../../src/analyst/understand.ts';
import type { ConversationTurn, ToolInvoker } from '../../src/pipeline/answer-contract.ts';
import { DIRECTORY } from './directory-fixture.ts';

const NOW = new Date('2026-11-24T12:00:00Z');
const read = (question: string, history: ConversationTurn[] = []) =>
  interpret(question, history, DIRECTORY, NOW);
const ids = (entities: readonly { id: string }[]) => entities.map((entity) => entity.id);

describe('metrics', () => {
  it.each([
    ['What were our Q3 revenue numbers?', ['revenue']],
    ['What is our annual recurring revenue?', ['arr']],
    ['How much recurring revenue do we have?', ['arr']],
    ['ARR and NRR this quarter', ['arr', 'nrr']],
    ['How did net retention do?', ['nrr']],
    ['What did we book? Bookings please', ['new_bookings']],
    ['What is our burn rate and runway?', ['burn', 'runway']],
    ['How many employees do we have?', ['headcount']],
    ['Churn and CAC last quarter', ['churn', 'cac']],
    ['What is our net promoter score?', ['nps']],
    ['How many new logos did we win?', ['new_customers']],
    ['How much did we book in October?', ['new_bookings']],
    ['What were our Q3 sales?', ['revenue']],
    ['How big is the sales team?', []],
    ['Which customers are a churn risk?', []],
    ['Revenue per head of the enterprise sales team', ['revenue']],
    ['What is our pipeline coverage?', ['pipeline_coverage']],
  ])('%s → %j', (question, expected) => {
    expect(ids(read(question).metrics)).toEqual(expected);
  });

  it('finds no metric in a question about something else', () => {
    expect(read('Who owns the billing migration?').metrics).toEqual([]);
  });
});

describe('names', () => {
  it('resolves a full account name and a distinctive capitalised first word', () => {
    expect(read('What do we know about Alder Mutual?').accounts).toEqual([
      { id: 'acc_094', name: 'Alder Mutual' },
    ]);
    expect(ids(read('How is Broadleaf doing?').accounts)).toEqual(['acc_148']);
  });

  it('does not take a common lower-case word, or a capitalised first word, for a name', () => {
    expect(read('what is on the horizon for us?').accounts).toEqual([]);
    expect(read('Mark the top deals for me').people).toEqual([]);
    expect(ids(read('Has Mark shipped it?').people)).toEqual(['usr_020']);
  });

  it('does not guess between two names that share a word', () => {
    // Two accounts end in "Mutual", two people are called Malik.
    expect(read('How is Malik doing?').people).toEqual([]);
    // Below the confidence to answer: the people it could mean, for the analyst to ask back.
    expect(read('How is Malik doing?').ambiguous).toEqual({
      word: 'malik',
      candidates: [
        { id: 'usr_018', name: 'Malik Ito' },
        { id: 'usr_019', name: 'Malik Nair' },
      ],
    });
    expect(read('What about Malik Ito?').ambiguous).toBeUndefined();
    expect(ids(read('What about Malik Ito?').people)).toEqual(['usr_018']);
  });

  it('resolves people by a unique last name and projects by their full name', () => {
    expect(ids(read('What deals does Reddy own?').people)).toEqual(['usr_046']);
    const understanding = read('What is the status of the Billing system migration?');
    expect(ids(understanding.projects)).toEqual(['prj_22']);
    expect(understanding.intent).toBe('PROJECT_STATUS');
  });

  it('resolves a person by a title only one person holds, abbreviations included', () => {
    const directory = {
      ...DIRECTORY,
      people: [
        ...DIRECTORY.people,
        {
          id: 'usr_002',
          name: 'Marta Fitzgerald',
          email: 'm@example.com',
          title: 'Chief Financial Officer',
          team: null,
        },
        { id: 'usr_030', name: 'Ann Lee', email: 'a@example.com', title: 'Account Executive', team: null },
        { id: 'usr_031', name: 'Bo Kim', email: 'b@example.com', title: 'Account Executive', team: null },
      ],
    };
    const cfo = interpret('Who is the CFO?', [], directory, NOW);
    expect(cfo.intent).toBe('PERSON_OVERVIEW');
    expect(ids(cfo.people)).toEqual(['usr_002']);
    expect(interpret('Who is our account executive?', [], directory, NOW).people).toEqual([]);
  });

  it('keeps the order in which the question names accounts', () => {
    expect(ids(read('Compare Broadleaf Health with Alder Mutual').accounts)).toEqual(['acc_148', 'acc_094']);
  });
});

describe('intent', () => {
  it.each([
    ['What were our Q3 revenue numbers?', 'KPI_VALUE'],
    ['How has ARR trended over the last 12 months?', 'KPI_TREND'],
    ['Show me revenue month by month this year', 'KPI_TREND'],
    ['What are our top 5 deals this quarter?', 'TOP_DEALS'],
    ['Which deals are at risk?', 'AT_RISK_DEALS'],
    ['Which deals are slipping this quarter?', 'AT_RISK_DEALS'],
    ['How is the pipeline looking for Q4?', 'PIPELINE'],
    ["What's the forecast?", 'PIPELINE'],
    ['How are our OKRs doing?', 'OKR_STATUS'],
    ['Are we on track with our objectives for Q3?', 'OKR_STATUS'],
    ['Which projects are behind schedule?', 'AT_RISK_PROJECTS'],
    ['What do we know about Alder Mutual?', 'ACCOUNT_OVERVIEW'],
    ['What was revenue from our Alder Mutual account?', 'ACCOUNT_OVERVIEW'],
    ['Tell me about Nia Reddy', 'PERSON_OVERVIEW'],
    ['What is our discount approval policy?', 'KNOWLEDGE'],
    ['How are we doing?', 'KPI_VALUE'],
    ['Are we on track to hit the number this quarter?', 'KPI_VALUE'],
    ['How many deals did we close last month?', 'PIPELINE'],
    ['Which deals have we won this quarter?', 'TOP_DEALS'],
    ['What did Kavya Novak say about the renewal?', 'KNOWLEDGE'],
    ['Show me the biggest deals Malik Ito is working on', 'DEAL_SEARCH'],
    ['Which open deals does Alder Mutual have?', 'ACCOUNT_OVERVIEW'],
    ["Which of Nia Reddy's deals are at risk?", 'AT_RISK_DEALS'],
    ['Give me the KPIs for Q3', 'KPI_VALUE'],
    ['What is the status of the Billing system migration project?', 'PROJECT_STATUS'],
  ])('%s → %s', (question, intent) => {
    const understanding = read(question);
    expect(understanding.intent).toBe(intent);
    expect(understanding.confidence).toBeGreaterThan(0);
    expect(understanding.confidence).toBeLessThanOrEqual(1);
  });

  it('is less sure of a question it cannot place', () => {
    expect(read('Anything I should worry about?').confidence).toBeLessThan(
      read('What was revenue in Q3?').confidence,
    );
  });
});

describe('follow-ups', () => {
  const turns = (...questions: string[]): ConversationTurn[] =>
    questions.flatMap((content) => [
      { role: 'USER' as const, content },
      { role: 'ASSISTANT' as const, content: 'An answer.' },
    ]);

  it('takes the metric from the previous question when only the period changes', () => {
    const understanding = read('And in Q2?', turns('What were our Q3 revenue numbers?'));
    expect(understanding.intent).toBe('KPI_VALUE');
    expect(ids(understanding.metrics)).toEqual(['revenue']);
    expect(understanding.periods).toEqual(['2026-Q2']);
  });

  it('takes the period from the previous question when only the metric changes', () => {
    const understanding = read('What about ARR?', turns('What were our Q3 revenue numbers?'));
    expect(ids(understanding.metrics)).toEqual(['arr']);
    expect(understanding.periods).toEqual(['2026-Q3']);
  });

  it('follows a chain of follow-ups and keeps the kind of answer', () => {
    const understanding = read('and for ARR?', turns('How has revenue trended this year?', 'and in 2025?'));
    expect(understanding.intent).toBe('KPI_TREND');
    expect(ids(understanding.metrics)).toEqual(['arr']);
    expect(understanding.periods).toEqual(['2025']);
  });

  it('ignores the current question when the history already ends with it', () => {
    const history = [
      ...turns('What were our Q3 revenue numbers?'),
      { role: 'USER' as const, content: 'and in Q2?' },
    ];
    expect(read('and in Q2?', history).periods).toEqual(['2026-Q2']);
  });

  it('moves to another account in the same kind of answer', () => {
    const understanding = read('And Broadleaf Health?', turns('What do we know about Alder Mutual?'));
    expect(understanding.intent).toBe('ACCOUNT_OVERVIEW');
    expect(ids(understanding.accounts)).toEqual(['acc_148']);
  });

  it('starts afresh when the follow-up names a subject the previous answer cannot take', () => {
    const understanding = read('And Alder Mutual?', turns('What were our Q3 revenue numbers?'));
    expect(understanding.intent).toBe('ACCOUNT_OVERVIEW');
    expect(understanding.metrics).toEqual([]);
    expect(understanding.periods).toEqual(['2026-Q3']);
    const kpi = read('and revenue?', turns('What are our top deals in Q3?'));
    expect(kpi).toMatchObject({ intent: 'KPI_VALUE', periods: ['2026-Q3'] });
    expect(ids(kpi.metrics)).toEqual(['revenue']);
  });

  it('treats a question with its own subject as new', () => {
    const understanding = read('Which projects are at risk?', turns('What were our Q3 revenue numbers?'));
    expect(understanding.intent).toBe('AT_RISK_PROJECTS');
    expect(understanding.metrics).toEqual([]);
  });
});

describe('input', () => {
  const noTools: ToolInvoker = {
    call: () => Promise.reject(new Error('no tool should be called for invalid input')),
  };

  it('the synthesizer rejects an empty question or an unknown intent with BAD_USER_INPUT', async () => {
    const request = {
      question: 'What was revenue?',
      understanding: read('What was revenue?'),
      history: [],
      memories: [],
      tools: noTools,
      now: NOW,
      signal: new AbortController().signal,
    };
    const sink = () => undefined;
    await expect(createAnalyst()({ ...request, question: '' }, sink)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const understanding = { ...request.understanding, intent: 'GUESS' as never };
    await expect(createAnalyst()({ ...request, understanding }, sink)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('rejects an empty or overlong question with BAD_USER_INPUT', async () => {
    await expect(understandQuestion('  ', [], noTools, NOW)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await expect(understandQuestion('x'.repeat(5000), [], noTools, NOW)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('asking back', () => {
  /** Serves the fixture directory as the directory tools would; any other tool is a mistake here. */
  const directoryTools: ToolInvoker = {
    scope: 'ask-back-test',
    call: async (name) => {
      if (name === 'Metrics') return { metrics: DIRECTORY.metrics };
      if (name === 'PeopleDirectory') return { users: DIRECTORY.people };
      if (name === 'ProjectDirectory') return { projects: DIRECTORY.projects };
      if (name === 'AccountDirectory') {
        return { accounts: { nodes: DIRECTORY.accounts, pageInfo: { hasNextPage: false, endCursor: null } } };
      }
      throw new Error(`${name} should not be called before the question is clear`);
    },
  };

  it('asks which person a shared first name means, naming the candidates, instead of answering', async () => {
    let text = '';
    await createAnalyst()(
      {
        question: 'How is Malik doing?',
        understanding: read('How is Malik doing?'),
        history: [],
        memories: [],
        tools: directoryTools,
        now: NOW,
        signal: new AbortController().signal,
      },
      (event) => {
        if (event.type === 'TOKEN') text += event.delta;
      },
    );
    expect(text).toContain('Did you mean **Malik Ito** (AE) or **Malik Nair** (VP)?');
  });
});
