/**
 * Folds the events of a streamed reply into what the screen shows. Events carry a gapless `seq`; one
 * already folded in (a replay after a reconnect) is ignored, so a resumed stream never doubles text.
 */

export interface ToolActivity {
  readonly id: string;
  readonly name: string;
  readonly server: string;
  /** null while the tool runs. */
  readonly ok: boolean | null;
  readonly durationMs: number | null;
  readonly errorCode: string | null;
}

export interface ReplyState<Citation> {
  readonly lastSeq: number;
  readonly text: string;
  readonly tools: readonly ToolActivity[];
  readonly citations: readonly Citation[];
  readonly status: 'STREAMING' | 'DONE' | 'ERROR';
  readonly error: { code: string; message: string } | null;
}

export interface ReplyEvent<Citation> {
  readonly seq: number;
  readonly type: 'TOKEN' | 'TOOL_CALL' | 'TOOL_RESULT' | 'CITATION' | 'DONE' | 'ERROR';
  readonly delta?: string | null;
  readonly toolCall?: {
    id: string;
    name: string;
    server: string;
    ok?: boolean | null;
    durationMs?: number | null;
    errorCode?: string | null;
  } | null;
  readonly citation?: Citation | null;
  readonly error?: { code: string; message: string } | null;
}

export const emptyReply = <Citation>(): ReplyState<Citation> => ({
  lastSeq: 0,
  text: '',
  tools: [],
  citations: [],
  status: 'STREAMING',
  error: null,
});

export function foldReplyEvent<Citation>(
  state: ReplyState<Citation>,
  event: ReplyEvent<Citation>,
): ReplyState<Citation> {
  if (event.seq <= state.lastSeq) return state;
  const next = { ...state, lastSeq: event.seq };
  switch (event.type) {
    case 'TOKEN':
      return { ...next, text: state.text + (event.delta ?? '') };
    case 'TOOL_CALL':
      return event.toolCall
        ? {
            ...next,
            tools: [
              ...state.tools,
              {
                id: event.toolCall.id,
                name: event.toolCall.name,
                server: event.toolCall.server,
                ok: null,
                durationMs: null,
                errorCode: null,
              },
            ],
          }
        : next;
    case 'TOOL_RESULT': {
      const call = event.toolCall;
      if (!call) return next;
      const result = {
        ok: call.ok ?? null,
        durationMs: call.durationMs ?? null,
        errorCode: call.errorCode ?? null,
      };
      const known = state.tools.some((tool) => tool.id === call.id);
      return {
        ...next,
        tools: known
          ? state.tools.map((tool) => (tool.id === call.id ? { ...tool, ...result } : tool))
          : [...state.tools, { id: call.id, name: call.name, server: call.server, ...result }],
      };
    }
    case 'CITATION':
      return event.citation ? { ...next, citations: [...state.citations, event.citation] } : next;
    case 'DONE':
      return { ...next, status: 'DONE' };
    case 'ERROR':
      return {
        ...next,
        status: 'ERROR',
        error: event.error ?? { code: 'INTERNAL_SERVER_ERROR', message: 'The reply failed.' },
      };
  }
}
