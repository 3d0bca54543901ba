import {
  GraphQLError,
  Kind,
  parse,
  TokenKind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type Token,
} from 'graphql';

/** MCP tool annotations an operation's comment may set, e.g. `# @destructiveHint false`. */
export type ToolHints = Partial<
  Record<'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint', boolean>
>;

export interface OperationEntry {
  readonly name: string;
  /** The file it was read from, for messages. */
  readonly file: string;
  readonly definition: OperationDefinitionNode;
  /** The comment block right above the operation, without `#` and without hint lines. */
  readonly comment: string;
  readonly hints: ToolHints;
}

export interface ParsedOperationFile {
  readonly operations: readonly OperationEntry[];
  readonly fragments: readonly FragmentDefinitionNode[];
}

/** A file that cannot become tools: it does not parse, or holds something a tool cannot be. */
export class OperationFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'OperationFileError';
  }
}

const HINT_LINE = /^@(readOnlyHint|destructiveHint|idempotentHint|openWorldHint)\s+(true|false)$/;

/**
 * Parses one operations file: named queries and mutations (each one tool) and the fragments they may share.
 * Subscriptions are refused: a tool call returns one result.
 */
export function parseOperationFile(file: string, source: string): ParsedOperationFile {
  let definitions;
  try {
    definitions = parse(source).definitions;
  } catch (error) {
    throw new OperationFileError(file, error instanceof GraphQLError ? error.message : String(error));
  }
  const operations: OperationEntry[] = [];
  const fragments: FragmentDefinitionNode[] = [];
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.push(definition);
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      const name = definition.name?.value;
      if (!name) {
        throw new OperationFileError(file, 'every operation needs a name (it becomes the tool name).');
      }
      if (definition.operation === 'subscription') {
        throw new OperationFileError(file, `${name}: a subscription cannot be a tool.`);
      }
      const { comment, hints } = commentAbove(definition.loc?.startToken);
      operations.push({ name, file, definition, comment, hints });
    } else {
      throw new OperationFileError(
        file,
        `only operations and fragments belong here, not ${definition.kind}.`,
      );
    }
  }
  return { operations, fragments };
}

/**
 * The `#` lines directly above a definition. graphql-js keeps comments in its token chain (not in the AST), so
 * the block is read back from the first token's predecessors, stopping at a gap.
 */
function commentAbove(start: Token | undefined): { comment: string; hints: ToolHints } {
  const lines: string[] = [];
  let line = start?.line ?? 0;
  for (
    let token = start?.prev;
    token?.kind === TokenKind.COMMENT && token.line === line - 1;
    token = token.prev
  ) {
    lines.unshift((token.value ?? '').replace(/^ /, ''));
    line = token.line;
  }
  const hints: ToolHints = {};
  const text: string[] = [];
  for (const entry of lines) {
    const hint = HINT_LINE.exec(entry.trim());
    if (hint) hints[hint[1] as keyof ToolHints] = hint[2] === 'true';
    else text.push(entry);
  }
  return { comment: unwrap(text), hints };
}

/**
 * Comment lines are wrapped for the source file's width, not the reader's: lines of one paragraph are joined,
 * while blank lines and list items keep their breaks.
 */
function unwrap(lines: readonly string[]): string {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const last = out.length - 1;
    if (line === '' || last < 0 || out[last] === '' || /^([-*]|\d+\.)\s/.test(line)) out.push(line);
    else out[last] += ` ${line}`;
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
