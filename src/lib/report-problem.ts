/**
 * "Report a problem with this page": a link that opens a new GitHub issue, prefilled
 * with the page's title, URL, the commit it was built from and its last-review date, so
 * feedback needs no backend. URLSearchParams does the percent-encoding (a title with
 * `&`, `#` or `?` must not cut the query short).
 */
export interface ProblemReport {
  repoUrl: string;
  title: string;
  url: string;
  /** The commit the site was built from, or undefined outside a Git checkout. */
  commit: string | undefined;
  lastReviewed: string;
}

export function reportProblemUrl(report: ProblemReport): string {
  // Short: the link is on every page, and the title is already the title.
  const body = [
    `Page: ${report.url}`,
    `Commit: ${report.commit?.slice(0, 12) ?? 'unknown'}`,
    `Last reviewed: ${report.lastReviewed}`,
    '',
    'What is wrong or missing?',
    '',
  ].join('\n');
  const query = new URLSearchParams({ title: `Problem: ${report.title}`, body });
  return `${report.repoUrl.replace(/\/+$/, '')}/issues/new?${query}`;
}
