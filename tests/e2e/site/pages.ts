import type { APIRequestContext } from '@playwright/test';

/** Every page of the built site: the sitemap's URLs plus the 404 page. */
export async function allPages(request: APIRequestContext): Promise<string[]> {
  const locs = async (path: string) =>
    [...(await (await request.get(path)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const pages = (await Promise.all((await locs('/sitemap-index.xml')).map(locs))).flat();
  return [...new Set([...pages, '/404.html'])].sort();
}
