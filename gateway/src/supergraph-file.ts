import { readFile } from 'node:fs/promises';
import { unwatchFile, watchFile } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@sophia/kit';

/** Fixes the routing URL of named subgraphs, whatever the supergraph file says (one file, many deployments). */
export function overrideRoutingUrls(sdl: string, urls: Readonly<Record<string, string>>): string {
  let result = sdl;
  for (const [name, url] of Object.entries(urls)) {
    const pattern = new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`);
    result = result.replace(pattern, `$1${url}$2`);
  }
  return result;
}

export interface SupergraphFileOptions {
  readonly path: string;
  readonly routingUrls: Readonly<Record<string, string>>;
  readonly pollMs: number;
  readonly logger: Logger;
  /** Told after the gateway has accepted a new supergraph (live subscriptions are completed then). */
  readonly onReload?: () => void;
}

/**
 * Serves the supergraph from a file and hands the gateway each new version. Polling (not fs.watch) so
 * editors' atomic renames and Kubernetes ConfigMap symlink swaps are seen; a version the gateway rejects
 * is logged and the previous one keeps serving.
 */
export function supergraphFromFile(options: SupergraphFileOptions): SupergraphSdlHook {
  const { path, routingUrls, pollMs, logger } = options;
  const load = async () => overrideRoutingUrls(await readFile(path, 'utf8'), routingUrls);
  return async ({ update }) => {
    let current = await load();
    const check = () => {
      load().then(
        (next) => {
          if (next === current) return;
          try {
            update(next);
            current = next;
            logger.info({ path }, 'supergraph reloaded');
            options.onReload?.();
          } catch (error) {
            logger.error({ err: error, path }, 'supergraph rejected; still serving the previous one');
          }
        },
        (error: unknown) => logger.error({ err: error, path }, 'supergraph file unreadable'),
      );
    };
    watchFile(path, { interval: pollMs }, check);
    return { supergraphSdl: current, cleanup: async () => unwatchFile(path, check) };
  };
}
