/**
 * The one place a fork edits: names, URLs and paths used across the site, the
 * build scripts and the checks.
 */
export const site = {
  name: 'DevOps Knowledge Base',
  shortName: 'DevOps KB',
  description:
    'Verified, hands-on guides to Terraform, Kubernetes, AWS and the practices around them, written for engineers who ' +
    'need the answer and the working snippet.',
  /** Public origin; the GitHub Pages workflow overrides it with SITE_URL. */
  url: process.env.SITE_URL ?? 'https://devops-kb.example.com',
  /** Repository (for "edit this page"); the workflow overrides it with REPO_URL. */
  repoUrl: process.env.REPO_URL ?? 'https://github.com/example/devops-knowledge-base',
  branch: 'main',
  /** BCP 47 language tag of the content; every other form of it comes from src/lib/locale.ts. */
  locale: 'en-GB',
  /** Articles not reviewed for this many months get a warning in the build and a note on the page. */
  staleAfterMonths: Number(process.env.KB_STALE_AFTER_MONTHS ?? 12),
  /** List pages (home topics, tag pages) show this many articles per page. */
  pageSize: Number(process.env.KB_PAGE_SIZE ?? 20),
} as const;

/**
 * Where content lives. Tests and benchmarks point this at other folders with
 * KB_CONTENT_DIR, relative to the project root or absolute.
 */
export const contentDir = process.env.KB_CONTENT_DIR ?? 'content';
