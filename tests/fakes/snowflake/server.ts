import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { Authenticator, LoginData } from './auth.ts';
import { internalError, SnowflakeFault } from './errors.ts';
import { errorBody, type QueryRequestBody, type QueryService } from './queries.ts';
import type { Session, SessionRegistry } from './sessions.ts';

/** A transient failure the FAKE can be told to produce, for retry tests. */
export interface Fault {
  /** Which requests fail: query requests (POST query-request) or logins. */
  on: 'query' | 'login';
  /**
   * `http-503`: HTTP 503 (the SDK retries these itself); `reset`: the socket is destroyed without an answer;
   * `internal-error`: HTTP 200 with Snowflake's 000603 "SQL execution internal error" (the client's job).
   */
  kind: 'http-503' | 'reset' | 'internal-error';
  /** How many matching requests fail before the FAKE answers normally again. */
  count: number;
}

export interface ServerParts {
  auth: Authenticator;
  sessions: SessionRegistry;
  queries: QueryService;
  faults: Fault[];
  requestCounts: Map<string, number>;
  logins: Array<{ user: string; authenticator: string; sessionParameters: Record<string, unknown> }>;
  onLogin(session: Session): Promise<void>;
}

/** Largest request body the FAKE reads (array binds of 50k rows fit well within it). */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

const LOGIN_PARAMETERS = [
  { name: 'TIMEZONE', value: 'UTC' },
  // Stage binding (CREATE TEMP STAGE + PUT) is not in the FAKE: keep array binds inline.
  { name: 'CLIENT_STAGE_ARRAY_BINDING_THRESHOLD', value: 100_000_000 },
  { name: 'QUERY_CONTEXT_CACHE_SIZE', value: 5 },
];

/** Snowflake's REST endpoints as snowflake-sdk 3.3 calls them. Logical errors are HTTP 200 with success:false. */
export function createFakeServer(parts: ServerParts): Server {
  return createServer((request, response) => {
    handle(parts, request, response).catch((error: unknown) => {
      const fault =
        error instanceof SnowflakeFault ? error : new SnowflakeFault('000603', 'XX000', String(error));
      send(response, errorBody(fault));
    });
  });
}

async function handle(parts: ServerParts, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://fake');
  const path = url.pathname;
  const kind = path.endsWith('/login-request')
    ? 'login'
    : path === '/queries/v1/query-request'
      ? 'query'
      : path;
  parts.requestCounts.set(kind, (parts.requestCounts.get(kind) ?? 0) + 1);
  const body = await readBody(request);

  const fault = parts.faults.find((f) => f.on === kind && f.count > 0);
  if (fault) {
    fault.count--;
    if (fault.kind === 'reset') return void request.socket.destroy();
    if (fault.kind === 'http-503') return void response.writeHead(503).end('Service Unavailable');
    return send(response, errorBody(internalError()));
  }

  if (kind === 'login') return send(response, await login(parts, url, body as { data?: LoginData }));
  if (path === '/telemetry/send') return send(response, { success: true, data: null });

  const token = /Snowflake Token="([^"]*)"/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  if (path === '/session/token-request') {
    const { oldSessionToken } = body as { oldSessionToken?: string };
    const session = parts.sessions.renew(token, oldSessionToken ?? '');
    if (!session)
      return send(
        response,
        errorBody(
          new SnowflakeFault(
            '390114',
            '08001',
            'Authentication token has expired. The user must authenticate again.',
          ),
        ),
      );
    return send(response, {
      success: true,
      data: {
        sessionToken: session.token,
        validityInSecondsST: 3600,
        masterToken: session.masterToken,
        validityInSecondsMT: 14400,
      },
    });
  }
  const session = parts.sessions.find(token);
  if (session === 'expired') {
    return send(
      response,
      errorBody(new SnowflakeFault('390112', '08001', 'Your session has expired. Please login again.')),
    );
  }
  if (!session) {
    return send(
      response,
      errorBody(new SnowflakeFault('390104', '08001', 'Invalid session token; please log in again.')),
    );
  }

  if (path === '/session/heartbeat') return send(response, { success: true, data: null });
  if (path === '/session' && url.searchParams.get('delete') === 'true') {
    await parts.sessions.close(session);
    return send(response, { success: true, data: null });
  }
  if (kind === 'query') {
    const record = parts.queries.submit(
      session,
      body as QueryRequestBody,
      url.searchParams.get('requestId') ?? '',
    );
    if ((body as QueryRequestBody).asyncExec) {
      return send(response, {
        success: true,
        code: '333334',
        message:
          'Asynchronous execution in progress. Use provided query id to perform query monitoring and management.',
        data: { queryId: record.id, getResultUrl: `/queries/${record.id}/result` },
      });
    }
    await record.done;
    return send(response, record.response);
  }
  if (path === '/queries/v1/abort-request' || path.endsWith('/abort-request')) {
    const id =
      path === '/queries/v1/abort-request' ? (body as { requestId?: string }).requestId : path.split('/')[2];
    const record = parts.queries.find(id ?? '');
    if (!record || record.status === 'SUCCESS' || record.status === 'FAILED_WITH_ERROR') {
      return send(
        response,
        errorBody(
          new SnowflakeFault('000605', '01000', 'Identified SQL statement is not currently executing.'),
        ),
      );
    }
    record.stop({ kind: 'cancel' });
    return send(response, { success: true, data: null });
  }
  const resultMatch = /^\/queries\/([^/]+)\/result$/.exec(path);
  if (resultMatch) {
    const record = parts.queries.find(resultMatch[1]!);
    if (!record)
      return send(
        response,
        errorBody(new SnowflakeFault('000709', '02000', `Statement ${resultMatch[1]} not found`)),
      );
    await record.done;
    return send(response, record.response);
  }
  const monitorMatch = /^\/monitoring\/queries\/([^/]+)$/.exec(path);
  if (monitorMatch) {
    const record = parts.queries.find(monitorMatch[1]!);
    const data = (record?.response as { data?: { sqlState?: string } } | undefined)?.data;
    return send(response, {
      success: true,
      code: record?.errorCode ?? null,
      message: '',
      data: {
        queries: record
          ? [
              {
                id: record.id,
                status: record.status,
                errorCode: record.errorCode,
                errorMessage: (record.response as { message?: string } | undefined)?.message,
              },
            ]
          : [],
        sqlState: data?.sqlState,
      },
    });
  }
  response.writeHead(404).end();
}

async function login(parts: ServerParts, url: URL, body: { data?: LoginData }) {
  const data = body.data ?? {};
  const user = parts.auth.verify(data);
  const loginParameters = {
    databaseName: url.searchParams.get('databaseName') ?? undefined,
    schemaName: url.searchParams.get('schemaName') ?? undefined,
    warehouse: url.searchParams.get('warehouse') ?? undefined,
    roleName: url.searchParams.get('roleName') ?? undefined,
  };
  const sessionParameters = data.SESSION_PARAMETERS ?? {};
  const stringParameters = Object.fromEntries(
    Object.entries(sessionParameters).map(([k, v]) => [k.toUpperCase(), String(v)]),
  );
  const session = await parts.sessions.open(user, stringParameters, loginParameters);
  await parts.onLogin(session);
  parts.logins.push({ user, authenticator: data.AUTHENTICATOR ?? 'SNOWFLAKE', sessionParameters });
  return {
    success: true,
    code: null,
    message: null,
    data: {
      token: session.token,
      masterToken: session.masterToken,
      validityInSeconds: 3600,
      masterValidityInSeconds: 14400,
      sessionId: session.id,
      displayUserName: user,
      serverVersion: '9.0.0-fake',
      healthCheckInterval: 45,
      parameters: LOGIN_PARAMETERS,
      sessionInfo: { ...loginParameters },
    },
  };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new SnowflakeFault('000603', 'XX000', 'Request body too large for the FAKE.');
    chunks.push(chunk as Buffer);
  }
  if (chunks.length === 0) return {};
  const raw = Buffer.concat(chunks);
  const text = (request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function send(response: ServerResponse, body: unknown): void {
  if (response.headersSent || response.destroyed) return;
  const payload = JSON.stringify(body);
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  });
  response.end(payload);
}
