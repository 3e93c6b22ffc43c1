// Dev only (src/components/dev-feedback/ProblemsPanel.astro): points each link problem at
// the link itself. The server knows the link's URL and line, not its place in the HTML, so
// the first link in the article with that exact href is the one; without a match the
// problem keeps pointing at its section heading.
function pointAtLinks(): void {
  const panel = document.querySelector('[data-dev-problems]');
  if (!panel) return;
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.article a[href]')].filter((a) => !panel.contains(a));
  panel.querySelectorAll<HTMLElement>('[data-dev-problem-link]').forEach((item, index) => {
    const url = item.dataset.devProblemLink;
    const target = links.find((a) => a.getAttribute('href') === url);
    if (!target) return;
    target.id ||= `kb-dev-problem-${index + 1}`;
    target.classList.add('dev-problem-target');
    let anchor = item;
    if (!(item instanceof HTMLAnchorElement)) {
      anchor = document.createElement('a');
      anchor.textContent = item.textContent;
      item.replaceWith(anchor);
    }
    (anchor as HTMLAnchorElement).href = `#${target.id}`;
  });
}

pointAtLinks();
