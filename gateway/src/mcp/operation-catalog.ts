import { watch, type FSWatcher } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '@sophia/kit';
import { EMPTY_OPERATION_SET, readOperationDir, type OperationSet } from './operation-dir.ts';
import { buildOperationTools } from './operation-tools.ts';
import type { McpTool } from './tool.ts';

export interface OperationCatalogOptions {
  readonly dir: string;
  /** The API schema being served now; undefined before the gateway has loaded one. */
  readonly schema: () => GraphQLSchema | undefined;
  readonly logger: Logger;
  /** Quiet time after the last change before the folder is read again (editors write in several steps). */
  readonly debounceMs?: number;
}

export interface OperationCatalog {
  /** The operation tools for the schema being served now. */
  tools(): ReadonlyMap<string, McpTool>;
  /** Called after a change to the folder has been taken. */
  onChange(listener: () => void): void;
  close(): void;
}

/**
 * The operations folder as tools, reloaded when a file in it changes. A change that does not parse, or whose
 * operations are not valid against the schema, is logged and the last good set keeps serving. A new supergraph
 * rebuilds the tools from the last good set; operations it no longer accepts are dropped, and logged.
 */
export async function watchOperationCatalog(options: OperationCatalogOptions): Promise<OperationCatalog> {
  const { dir, logger } = options;
  const listeners: Array<() => void> = [];
  let good: OperationSet = EMPTY_OPERATION_SET;
  let built: { set: OperationSet; schema: GraphQLSchema; tools: ReadonlyMap<string, McpTool> } | undefined;

  const build = (set: OperationSet, schema: GraphQLSchema) => {
    const { tools, problems } = buildOperationTools(set, schema);
    return { set, schema, tools, problems };
  };

  try {
    good = await readOperationDir(dir);
    const schema = options.schema();
    const first = schema && build(good, schema);
    if (first?.problems.length) logger.error({ dir, problems: first.problems }, 'MCP operations left out');
    built = first;
    logger.info({ dir, operations: good.operations.length }, 'MCP operations loaded');
  } catch (error) {
    logger.error({ err: error, dir }, 'MCP operations unreadable; serving no operation tools');
  }

  const reload = async () => {
    try {
      const set = await readOperationDir(dir);
      const schema = options.schema();
      const next = schema && build(set, schema);
      if (next?.problems.length) throw new Error(next.problems.join('\n'));
      good = set;
      built = next;
      logger.info({ dir, operations: set.operations.length }, 'MCP operations reloaded');
      for (const listener of listeners) listener();
    } catch (error) {
      logger.error({ err: error, dir }, 'MCP operations not reloaded; still serving the previous ones');
    }
  };

  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    // The folder, not each file: editors replace files by renaming, and new files must be seen too.
    watcher = watch(dir, { persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), options.debounceMs ?? 100);
    });
    watcher.on('error', (error) => logger.error({ err: error, dir }, 'MCP operations folder unwatchable'));
  } catch (error) {
    logger.error({ err: error, dir }, 'MCP operations folder unwatchable; changes need a restart');
  }

  return {
    tools: () => {
      const schema = options.schema();
      if (!schema) return new Map();
      if (built?.schema !== schema || built.set !== good) {
        const next = build(good, schema);
        if (next.problems.length) logger.error({ dir, problems: next.problems }, 'MCP operations left out');
        built = next;
      }
      return built.tools;
    },
    onChange: (listener) => listeners.push(listener),
    close: () => {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
