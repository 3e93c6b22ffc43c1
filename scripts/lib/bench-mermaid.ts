// The Mermaid part of `npm run bench`: the renderer's one-off warm-up in a fresh process
// (ELK's layout engine is created on first use and then kept for the process, so a build
// pays it once, not per page), and the time per diagram of the site's own diagrams with
// everything we add (clean-up, names, text version).
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { renderMermaid } from '../../src/markdown/mermaid.ts';
import { median, run } from './corpus.ts';

const FENCE = /^```mermaid([^\n]*)\n([\s\S]*?)\n```$/gm;

export async function benchMermaid(
  rounds: number,
): Promise<{ figures: Record<string, number>; units: Record<string, string> }> {
  const diagrams: Array<{ meta: string; source: string }> = [];
  for (const file of (await readdir('content/articles')).filter((f) => /\.mdx?$/.test(f)))
    for (const m of (await readFile(join('content/articles', file), 'utf8')).matchAll(FENCE))
      diagrams.push({ meta: m[1]!, source: m[2]! });
  console.log(`Mermaid: ${diagrams.length} diagrams (median of ${rounds} rounds)…`);
  const probe = await run(process.execPath, [
    '--input-type=module',
    '-e',
    "import { renderMermaidSVG } from 'beautiful-mermaid'; const t = performance.now(); renderMermaidSVG('flowchart " +
      "TD\\n  a --> b'); const f = performance.now() - t; const u = performance.now(); renderMermaidSVG('flowchart " +
      "TD\\n  c --> d'); console.log(f, performance.now() - u);",
  ]);
  const [first, second] = probe.output.trim().split(/\s+/).map(Number);
  const perDiagram: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    diagrams.forEach((d, i) => renderMermaid(d.source, d.meta, `bench-${i}`));
    perDiagram.push((performance.now() - start) / Math.max(diagrams.length, 1));
  }
  return {
    figures: {
      'mermaid: first render in a process (warm-up)': first!,
      'mermaid: second render in that process': second!,
      'mermaid: per site diagram, warm': median(perDiagram),
    },
    units: {
      'mermaid: first render in a process (warm-up)': 'ms',
      'mermaid: second render in that process': 'ms',
      'mermaid: per site diagram, warm': 'ms',
    },
  };
}
