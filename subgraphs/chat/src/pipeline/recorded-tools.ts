import { randomUUID } from 'node:crypto';
import { withSpan } from '@sophia/kit';
import type { Toolbox } from '../tools/toolbox.ts';
import { ToolCallError, type ToolInvoker } from './answer-contract.ts';
import type { ReplyWriter } from './reply-writer.ts';

/**
 * The reply's tools, each call streamed as TOOL_CALL then TOOL_RESULT (the contract: the pipeline's job)
 * and traced as one span, whose context the MCP request carries on to the gateway.
 */
export function recordedTools(toolbox: Toolbox, writer: ReplyWriter): ToolInvoker {
  const record: ToolInvoker['call'] = async (name, args) => {
    const call = {
      id: `call_${randomUUID()}`,
      server: toolbox.serverOf(name),
      name,
      arguments: JSON.stringify(args),
    };
    writer.emit({ type: 'TOOL_CALL', toolCall: { ...call, ok: null, errorCode: null, durationMs: null } });
    const started = performance.now();
    const durationMs = () => Math.round(performance.now() - started);
    try {
      const data = await toolbox.call(name, args);
      writer.emit({
        type: 'TOOL_RESULT',
        toolCall: { ...call, ok: true, errorCode: null, durationMs: durationMs() },
      });
      return data;
    } catch (error) {
      const errorCode = error instanceof ToolCallError ? error.code : 'DOWNSTREAM_SERVICE_ERROR';
      writer.emit({
        type: 'TOOL_RESULT',
        toolCall: { ...call, ok: false, errorCode, durationMs: durationMs() },
      });
      throw error;
    }
  };
  return {
    ...(toolbox.scope === undefined ? {} : { scope: toolbox.scope }),
    call: (name, args) =>
      withSpan(`chat.tool ${name}`, { attributes: { 'gen_ai.tool.name': name } }, () => record(name, args)),
  };
}
