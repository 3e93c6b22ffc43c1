/**
 * Check on save, under `astro dev` only. When a file under the content folder changes,
 * the content check runs again for that file and what depends on it
 * (src/checks/content/dev-session.ts), prints the problems as the build does
 * (`file:line subject: problem; fix`) or a one-line "fixed", and reloads the page, whose
 * problems panel reads them from the shared store in src/shared/dev-problems.ts.
 *
 * Pages reach the panel through `virtual:kb/dev-feedback`, an alias that points at
 * src/components/dev-feedback/dev.ts under `astro dev` and at off.ts in a build, so no
 * panel markup, script or stylesheet is ever part of a build's module graph.
 *
 * The time each re-check takes is a debug line: `astro dev --verbose`, or DEBUG=kb:*.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { DevCheckSession, recheckReport, type Recheck } from '../checks/content/dev-session.ts';
import { panelProblems } from '../checks/content/dev-panel.ts';
import { devProblemStore } from '../shared/dev-problems.ts';
import { plural } from '../lib/plural.ts';
import { closeSnippetCheckers } from '../checks/content/snippets.ts';

const ALIAS = 'virtual:kb/dev-feedback';
const componentDir = fileURLToPath(new URL('../components/dev-feedback/', import.meta.url));

/** Editors often write a file twice in a row (truncate, then write); check once. */
const SETTLE_MS = 20;

export function devFeedback(options: { contentDir: string; staleAfterMonths: number }): AstroIntegration {
  let session: DevCheckSession | undefined;
  /** Absolute path → panel problems, what the page reads. */
  const panel = devProblemStore();
  let server: ViteDevServer | undefined;

  async function updatePanel(recheck: Recheck) {
    for (const [file, problems] of recheck.files) {
      const abs = resolve(file);
      if (problems.length) panel.set(abs, await panelProblems(abs, problems, session!.headingIds(file)));
      else panel.delete(abs);
    }
    server?.environments.client.hot.send({ type: 'full-reload', path: '*' });
  }

  function print(
    logger: AstroIntegrationLogger,
    recheck: Recheck,
    saved: string | undefined,
    debug: (m: string) => void,
  ) {
    const { problems, fixed } = recheckReport(recheck, saved);
    if (problems.length) logger.warn(`\n${problems.join('\n')}`);
    for (const line of fixed) logger.info(line);
    debug(
      `content check on save: ${plural(recheck.files.size, 'file')} re-checked in ${recheck.ms.toFixed(0)} ms` +
        (saved ? ` (${saved})` : ''),
    );
  }

  return {
    name: 'kb:dev-feedback',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const dev = command === 'dev';
        updateConfig({
          vite: {
            resolve: { alias: [{ find: ALIAS, replacement: resolve(componentDir, dev ? 'dev.ts' : 'off.ts') }] },
          },
        });
      },
      'astro:server:setup': async ({ server: vite, logger }) => {
        server = vite;
        const verbose = /(^|,)\s*kb:/.test(process.env.DEBUG ?? '');
        const debug = (m: string) => (verbose ? logger.info(m) : logger.debug(m));
        session = new DevCheckSession({ ...options, includeDrafts: true });
        // The startup report is content-check.ts's; this run fills the panel (from its cache).
        const first = await session.start();
        await updatePanel(first);
        debug(`content check for the panel: ${first.files.size} files in ${first.ms.toFixed(0)} ms`);

        // One re-check at a time, in order of saves; a file saved again while waiting is checked once.
        const pending = new Map<string, 'add' | 'change' | 'unlink'>();
        let running: Promise<void> = Promise.resolve();
        let timer: NodeJS.Timeout | undefined;
        const run = async () => {
          const batch = [...pending];
          pending.clear();
          for (const [path, event] of batch) {
            try {
              const recheck = await session!.changed(path, event);
              if (!recheck) continue;
              await updatePanel(recheck);
              const saved = session!.kindOf(path) === 'article' ? relative(process.cwd(), resolve(path)) : undefined;
              print(logger, recheck, saved, debug);
            } catch (error) {
              logger.error(`content check on save failed for ${path}: ${(error as Error).message}`);
            }
          }
        };
        const queue = (event: 'add' | 'change' | 'unlink') => (path: string) => {
          if (!session!.kindOf(path)) return;
          pending.set(path, event);
          clearTimeout(timer);
          timer = setTimeout(() => (running = running.then(run)), SETTLE_MS);
        };
        // A content folder outside the project (KB_CONTENT_DIR=/tmp/…) is not watched by default.
        vite.watcher.add(resolve(options.contentDir));
        vite.watcher.on('change', queue('change'));
        vite.watcher.on('add', queue('add'));
        vite.watcher.on('unlink', queue('unlink'));
        vite.httpServer?.on('close', () => closeSnippetCheckers());
      },
    },
  };
}
