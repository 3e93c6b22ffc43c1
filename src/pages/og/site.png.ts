import type { APIRoute } from 'astro';
import { drawAllPreviewImages } from '../../data/preview-cards.ts';
import { siteCard } from '../../data/preview-card-list.ts';
import { previewImage } from '../../integrations/preview-images/index.ts';

/** The site's preview image: the home page's og:image, and every page's without its own. */
export const GET: APIRoute = async () => {
  if (!import.meta.env.DEV) await drawAllPreviewImages();
  return new Response(new Uint8Array(await previewImage(siteCard)), { headers: { 'Content-Type': 'image/png' } });
};
