#!/usr/bin/env node
// `npm run build`: `astro build` with a log that stays readable at any size. The one
// line Astro prints per page is counted instead, and the log ends with the time each
// phase took (check, sync, bundle, pages, index). Arguments go to `astro build`.
// KB_BUILD_REPORT=<file> also writes the phases as JSON (npm run bench reads it).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { BuildLogReader, formatPhases } from '../src/lib/build-phases.ts';
import { buildNodeArgs } from '../src/lib/build-node-flags.ts';

const reader = new BuildLogReader(performance.now());
const child = spawn(
  process.execPath,
  [
    ...buildNodeArgs(process.execArgv, process.env.NODE_OPTIONS),
    'node_modules/astro/bin/astro.mjs',
    'build',
    ...process.argv.slice(2),
  ],
  {
    stdio: ['inherit', 'pipe', 'pipe'],
  },
);
for (const [stream, out] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
] as const) {
  createInterface({ input: stream }).on('line', (line) => {
    const shown = reader.feed(line, performance.now());
    if (shown !== undefined) out.write(`${shown}\n`);
  });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => {
  const report = reader.report(performance.now());
  if (code === 0) {
    console.log(formatPhases(report));
    if (process.env.KB_BUILD_REPORT) writeFileSync(process.env.KB_BUILD_REPORT, JSON.stringify(report));
  }
  process.exit(code ?? (signal ? 1 : 0));
});
