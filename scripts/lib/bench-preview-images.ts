// `npm run bench`, preview images: what drawing one costs, in this thread and spread
// over worker threads (one per core), from a cold cache, and what a warm rebuild costs.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleCard } from '../../src/lib/preview-image.ts';
import { drawMissing } from '../../src/integrations/preview-images/index.ts';

export async function benchPreviewImages(
  count = 40,
): Promise<{ figures: Record<string, number>; units: Record<string, string> }> {
  const cards = (salt: string) =>
    Array.from({ length: count }, (_, i) =>
      articleCard({
        title: `${salt} article ${i}: running Terraform plans for a fleet of Kubernetes clusters on AWS`,
        topicLabel: 'Infrastructure as code',
        level: ['beginner', 'intermediate', 'advanced'][i % 3]!,
        siteName: 'DevOps Knowledge Base',
      }),
    );
  const timed = async (fn: () => Promise<unknown>) => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  const dir = mkdtempSync(join(tmpdir(), 'kb-bench-og-'));
  try {
    await drawMissing(cards('Warm-up').slice(0, 2), dir, 0); // fonts and the renderer load once
    const serial = await timed(() => drawMissing(cards('Serial'), dir, 0));
    const workers = availableParallelism();
    const pooled = await timed(() => drawMissing(cards('Pooled'), dir, workers));
    const warm = await timed(() => drawMissing(cards('Pooled'), dir));
    const figures = {
      'preview images: per image, one thread': serial / count,
      [`preview images: per image, ${workers} workers`]: pooled / count,
      'preview images: per image, cached': warm / count,
    };
    return { figures, units: Object.fromEntries(Object.keys(figures).map((k) => [k, 'ms'])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
