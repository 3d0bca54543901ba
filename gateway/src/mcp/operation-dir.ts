import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FragmentDefinitionNode } from 'graphql';
import { OperationFileError, parseOperationFile, type OperationEntry } from './operation-file.ts';

/** Every operation and fragment of an operations folder. */
export interface OperationSet {
  readonly operations: readonly OperationEntry[];
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

export const EMPTY_OPERATION_SET: OperationSet = { operations: [], fragments: new Map() };

/** `.graphql` and `.gql` files; anything else in the folder (README.md) is not read. */
const OPERATION_FILE = /\.(graphql|gql)$/;

/**
 * Reads every operations file in `dir`. Names are global across files (one tool per name), so a duplicate
 * operation or fragment name anywhere is an error, like any file that does not parse.
 */
export async function readOperationDir(dir: string): Promise<OperationSet> {
  const files = (await readdir(dir)).filter((file) => OPERATION_FILE.test(file)).sort();
  const operations: OperationEntry[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of files) {
    const parsed = parseOperationFile(file, await readFile(join(dir, file), 'utf8'));
    for (const operation of parsed.operations) {
      const other = operations.find((o) => o.name === operation.name);
      if (other) throw new OperationFileError(file, `${operation.name} is already defined in ${other.file}.`);
      operations.push(operation);
    }
    for (const fragment of parsed.fragments) {
      if (fragments.has(fragment.name.value)) {
        throw new OperationFileError(file, `fragment ${fragment.name.value} is defined twice.`);
      }
      fragments.set(fragment.name.value, fragment);
    }
  }
  return { operations, fragments };
}
