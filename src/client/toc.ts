// Marks the table-of-contents entry for the section being read. The TOC is plain
// links and works without this.
export function trackCurrentSection(): void {
  const links = new Map<string, HTMLAnchorElement>();
  document
    .querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')
    .forEach((a) => links.set(decodeURIComponent(a.hash.slice(1)), a));
  const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => !!h);
  if (headings.length === 0) return;
  let current: HTMLAnchorElement | undefined;
  const update = () => {
    // The current section is the last heading above the top third of the viewport.
    const line = window.innerHeight / 3;
    let active = headings[0]!;
    for (const h of headings) if (h.getBoundingClientRect().top <= line) active = h;
    const link = links.get(active.id);
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'location');
    current = link;
  };
  let queued = false;
  addEventListener(
    'scroll',
    () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        update();
      });
    },
    { passive: true },
  );
  update();
}
