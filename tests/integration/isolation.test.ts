import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Client as WsClient } from 'graphql-ws';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { generateCompany } from '@sophia/ops';
import { connect, record } from '../../gateway/tests/ws-client.ts';
import { startTestStack, TEST_ANCHOR, type RunningStack } from './stack-fixture.ts';

/**
 * Cross-user isolation, every service its own process: what one demo user keeps to themselves (a private
 * memory about an account, a team memory, a document ingest job, a conversation and its reply) is probed by
 * users of other roles and teams over every path. Nothing may leak, and another user's id must answer exactly
 * as an id that does not exist (no existence oracle).
 */

const REMEMBER = `mutation($input: RememberInput!) { remember(input: $input) { memory { id } errors { code } } }`;
const SEARCH = `query($q: String!) { searchMemories(query: $q, limit: 50) { memory { id content } } }`;
const MEMORY = `query($id: ID!) { memory(id: $id) { id content } }`;
const ACCOUNT_MEMORIES = `query($id: ID!) { account(id: $id) { id memories(limit: 100) { id content } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Memory { id content } } }`;
const INGEST = `mutation($input: IngestDocumentInput!) {
  ingestDocument(input: $input) { job { id } errors { code } } }`;
const JOB = `query($id: ID!) { ingestJob(id: $id) { id title status } }`;
const CANCEL_JOB = `mutation($id: ID!) { cancelIngestJob(id: $id) { job { id status } errors { field code message } } }`;
const JOB_PROGRESS = `subscription($id: ID!) { ingestJobProgress(id: $id) { id status } }`;
const CONVERSATIONS = `{ conversations { id title } }`;
const CONVERSATION = `query($id: ID!) { conversation(id: $id) { id title messages { id content } } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) {
  conversation { id } reply { id } errors { code } } }`;
const CANCEL_REPLY = `mutation($id: ID!) { cancelReply(messageId: $id) { message { id } errors { field code message } } }`;
const STREAM = `subscription($id: ID!) { replyStream(messageId: $id) {
  type message { id content citations { __typename ... on Memory { id content } } } } }`;

const ACCOUNT_ID = 'acc_001';
const company = generateCompany({ anchor: TEST_ANCHOR });
const ceo = company.users.find((user) => user.managerId === null)!;
const seller = company.users.find((user) => user.teamId !== ceo.teamId && !user.roles.includes('exec'))!;
/** Three people of different teams and roles: the chief executive, a seller, and someone on a third team. */
const people = [
  ceo,
  seller,
  company.users.find(
    (user) => user.teamId !== ceo.teamId && user.teamId !== seller.teamId && !user.roles.includes('sales'),
  )!,
];

/** What one person keeps to themselves, and the made-up word that finds it. */
interface Secrets {
  readonly word: string;
  readonly privateMemory: string;
  readonly teamMemory: string;
  readonly job: string;
  readonly conversation: string;
  readonly reply: string;
}

/** The answer for `id` with the id itself taken out, so two ids' answers can be compared. */
const without = (value: unknown, id: string) => JSON.parse(JSON.stringify(value).split(id).join('<id>'));

describe('cross-user isolation: every path, no leak, no existence oracle', () => {
  let stack: RunningStack;
  const tokens = new Map<string, string>();
  const secrets = new Map<string, Secrets>();
  const sockets: WsClient[] = [];
  const mcpClients: Client[] = [];
  const explainOnFailure = () => onTestFailed(() => console.error(stack.logs.slice(-60).join('\n')));

  const as = (userId: string) => {
    const token = tokens.get(userId)!;
    return <T = any>(query: string, variables: Record<string, unknown> = {}) =>
      stack.query<T>(query, { token, variables });
  };
  const socketOf = (userId: string) => {
    const client = connect(stack.graphqlUrl, { authorization: `Bearer ${tokens.get(userId)}` });
    sockets.push(client);
    return client;
  };
  /** Every result of a subscription until it ends. */
  const subscribe = async (userId: string, query: string, variables: Record<string, unknown>) => {
    const recording = record(socketOf(userId), { query, variables });
    await recording.ended;
    return recording.results;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    for (const person of people) tokens.set(person.id, await stack.login(person.email));
    for (const [i, person] of people.entries()) {
      const word = `zorblax${'abcdefgh'[i]}quint`;
      const run = as(person.id);
      const remember = async (visibility: string) => {
        const content = `Isolation probe ${word}: ${visibility.toLowerCase()} note about the renewal terms.`;
        const input = { content, visibility, accountId: ACCOUNT_ID };
        const response = await run<{ remember: { memory: { id: string } } }>(REMEMBER, { input });
        if (!response.data?.remember.memory) throw new Error(`remember failed: ${JSON.stringify(response)}`);
        return response.data.remember.memory.id;
      };
      const privateMemory = await remember('PRIVATE');
      const teamMemory = await remember('TEAM');
      const ingested = await run(INGEST, {
        input: { title: `Private ${word} plan`, content: `The ${word} plan stays private. `.repeat(40) },
      });
      const sent = await run(SEND, { input: { text: `Note to self about ${word}: what do we know?` } });
      secrets.set(person.id, {
        word,
        privateMemory,
        teamMemory,
        job: ingested.data.ingestDocument.job.id,
        conversation: sent.data.sendMessage.conversation.id,
        reply: sent.data.sendMessage.reply.id,
      });
    }
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await Promise.all(mcpClients.map((client) => client.close()));
    await stack?.stop();
  });

  const pairs = people.flatMap((owner) =>
    people.filter((other) => other.id !== owner.id).map((intruder) => [owner, intruder] as const),
  );
  const named = pairs.map(([owner, intruder]) => [
    `${owner.title} (${owner.roles.join('+')}) ← ${intruder.title} (${intruder.roles.join('+')})`,
    owner.id,
    intruder.id,
  ]);

  it.each(named)('memories: %s', async (_, ownerId, intruderId) => {
    explainOnFailure();
    const mine = secrets.get(ownerId)!;
    const run = as(intruderId);
    const found = await run<{ searchMemories: { memory: { id: string } }[] }>(SEARCH, { q: mine.word });
    expect(found.errors).toBeUndefined();
    expect(found.data!.searchMemories.map((hit) => hit.memory.id)).not.toContain(mine.privateMemory);
    // The team memory is for the owner's team only; these users are on other teams.
    expect(found.data!.searchMemories.map((hit) => hit.memory.id)).not.toContain(mine.teamMemory);

    for (const id of [mine.privateMemory, mine.teamMemory]) {
      const theirs = await run(MEMORY, { id });
      const missing = await run(MEMORY, { id: 'mem_does_not_exist' });
      expect(theirs).toEqual({ status: 200, data: { memory: null } });
      expect(without(theirs, id)).toEqual(without(missing, 'mem_does_not_exist'));
    }

    const account = await run<{ account: { memories: { id: string }[] } }>(ACCOUNT_MEMORIES, {
      id: ACCOUNT_ID,
    });
    expect(account.errors).toBeUndefined();
    const accountIds = account.data!.account.memories.map((memory) => memory.id);
    expect(accountIds).not.toContain(mine.privateMemory);
    expect(accountIds).not.toContain(mine.teamMemory);

    // `_entities` is the subgraphs' own field: the gateway does not serve it to anyone.
    const entities = await run(ENTITIES, { r: [{ __typename: 'Memory', id: mine.privateMemory }] });
    expect(entities.data ?? null).toBeNull();
    expect(JSON.stringify(entities)).not.toContain(mine.word);
  });

  it.each(named)('ingest jobs: %s', async (_, ownerId, intruderId) => {
    explainOnFailure();
    const mine = secrets.get(ownerId)!;
    const run = as(intruderId);
    const missing = 'job_does_not_exist';
    expect(await run(JOB, { id: mine.job })).toEqual({ status: 200, data: { ingestJob: null } });
    expect(without(await run(JOB, { id: mine.job }), mine.job)).toEqual(
      without(await run(JOB, { id: missing }), missing),
    );
    const cancel = await run(CANCEL_JOB, { id: mine.job });
    expect(cancel.data.cancelIngestJob.errors).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect(without(cancel, mine.job)).toEqual(without(await run(CANCEL_JOB, { id: missing }), missing));
    const progress = await subscribe(intruderId, JOB_PROGRESS, { id: mine.job });
    expect(progress).toMatchObject([{ errors: [{ extensions: { code: 'NOT_FOUND' } }] }]);
    expect(without(progress, mine.job)).toEqual(
      without(await subscribe(intruderId, JOB_PROGRESS, { id: missing }), missing),
    );
    expect(JSON.stringify(progress)).not.toContain(mine.word);
    // The owner's job was not touched.
    const own = await as(ownerId)(JOB, { id: mine.job });
    expect(own.data.ingestJob.status).not.toBe('CANCELLED');
  });

  it.each(named)('conversations and replies: %s', async (_, ownerId, intruderId) => {
    explainOnFailure();
    const mine = secrets.get(ownerId)!;
    const run = as(intruderId);
    const listed = await run<{ conversations: { id: string }[] }>(CONVERSATIONS);
    expect(listed.data!.conversations.map((conversation) => conversation.id)).not.toContain(
      mine.conversation,
    );
    const missingConversation = 'conv_does_not_exist';
    const theirs = await run(CONVERSATION, { id: mine.conversation });
    expect(theirs).toEqual({ status: 200, data: { conversation: null } });
    expect(without(theirs, mine.conversation)).toEqual(
      without(await run(CONVERSATION, { id: missingConversation }), missingConversation),
    );

    const missingReply = 'msg_does_not_exist';
    const stream = await subscribe(intruderId, STREAM, { id: mine.reply });
    expect(stream).toMatchObject([{ errors: [{ extensions: { code: 'NOT_FOUND' } }] }]);
    expect(without(stream, mine.reply)).toEqual(
      without(await subscribe(intruderId, STREAM, { id: missingReply }), missingReply),
    );
    expect(JSON.stringify(stream)).not.toContain(mine.word);

    const cancel = await run(CANCEL_REPLY, { id: mine.reply });
    expect(cancel.data.cancelReply).toMatchObject({ message: null, errors: [{ code: 'NOT_FOUND' }] });
    expect(without(cancel, mine.reply)).toEqual(
      without(await run(CANCEL_REPLY, { id: missingReply }), missingReply),
    );
  });

  it.each(named)('citations of the assistant’s answers: %s', async (_, ownerId, intruderId) => {
    explainOnFailure();
    const mine = secrets.get(ownerId)!;
    // The intruder asks the assistant about the owner's secret word: retrieval runs as the intruder.
    const sent = await as(intruderId)(SEND, { input: { text: `What do we know about ${mine.word}?` } });
    expect(sent.data.sendMessage.errors).toEqual([]);
    const events = await subscribe(intruderId, STREAM, { id: sent.data.sendMessage.reply.id });
    const done = events
      .map((event: any) => event.data?.replyStream)
      .find((event: any) => event?.type === 'DONE');
    expect(done?.message).toBeDefined();
    const cited = done.message.citations.map((citation: { id: string }) => citation.id);
    expect(cited).not.toContain(mine.privateMemory);
    expect(cited).not.toContain(mine.teamMemory);
    expect(JSON.stringify(events)).not.toContain(`${mine.word}: private`);
    expect(JSON.stringify(events)).not.toContain(`${mine.word}: team`);
  });

  it.each(named)('MCP tools: %s', async (_, ownerId, intruderId) => {
    explainOnFailure();
    const mine = secrets.get(ownerId)!;
    const client = new Client({ name: 'isolation-probe', version: '1.0.0' });
    mcpClients.push(client);
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${stack.gateway.url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${tokens.get(intruderId)}` } },
      }),
    );
    const searched = await client.callTool({
      name: 'SearchMemories',
      arguments: { query: mine.word, limit: 50 },
    });
    const account = await client.callTool({ name: 'Account', arguments: { id: ACCOUNT_ID } });
    expect(searched.isError).toBeFalsy();
    expect(account.isError).toBeFalsy();
    for (const result of [searched, account]) {
      const text = JSON.stringify(result);
      expect(text).not.toContain(mine.privateMemory);
      expect(text).not.toContain(mine.teamMemory);
    }
  });

  it.each(named)('/operations (the assistant’s way to the tools): %s', async (_, ownerId, intruderId) => {
    explainOnFailure();
    const mine = secrets.get(ownerId)!;
    const response = await fetch(`${stack.gateway.url}/operations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(intruderId)}` },
      body: JSON.stringify({
        calls: [
          { name: 'SearchMemories', arguments: { query: mine.word, limit: 50 } },
          { name: 'Account', arguments: { id: ACCOUNT_ID } },
        ],
      }),
    });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: Array<{ errors?: unknown }> };
    expect(results).toHaveLength(2);
    for (const result of results) expect(result.errors).toBeUndefined();
    const text = JSON.stringify(results);
    expect(text).not.toContain(mine.privateMemory);
    expect(text).not.toContain(mine.teamMemory);
  });

  it('lets each owner see all of their own (the probes above look at real data)', async () => {
    explainOnFailure();
    for (const person of people) {
      const mine = secrets.get(person.id)!;
      const run = as(person.id);
      const found = await run<{ searchMemories: { memory: { id: string } }[] }>(SEARCH, { q: mine.word });
      expect(found.data!.searchMemories.map((hit) => hit.memory.id)).toEqual(
        expect.arrayContaining([mine.privateMemory, mine.teamMemory]),
      );
      expect((await run(MEMORY, { id: mine.privateMemory })).data.memory.id).toBe(mine.privateMemory);
      expect((await run(JOB, { id: mine.job })).data.ingestJob.id).toBe(mine.job);
      expect((await run(CONVERSATION, { id: mine.conversation })).data.conversation.id).toBe(
        mine.conversation,
      );
      const account = await run<{ account: { memories: { id: string }[] } }>(ACCOUNT_MEMORIES, {
        id: ACCOUNT_ID,
      });
      expect(account.data!.account.memories.map((memory) => memory.id)).toContain(mine.privateMemory);
    }
  });
});
