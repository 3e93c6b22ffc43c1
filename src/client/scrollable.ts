// A box that scrolls sideways (a long code line, a wide table, a long formula) must be
// reachable by keyboard, but a box that fits must not add a useless tab stop. So the
// tab stop, role and label are set only while the box actually overflows.
// Regions are landmarks, and two landmarks must not share a name (two `console` blocks),
// so repeated names are numbered: "console (scrollable code), 2 of 3".
export function focusableWhileOverflowing(boxes: Iterable<HTMLElement>, label: (box: HTMLElement) => string): void {
  const list = [...boxes];
  const names = list.map(label);
  const unique = new Map<HTMLElement, string>();
  list.forEach((box, i) => {
    const same = names.filter((n) => n === names[i]);
    const nth = names.slice(0, i + 1).filter((n) => n === names[i]).length;
    unique.set(box, same.length > 1 ? `${names[i]}, ${nth} of ${same.length}` : names[i]!);
  });
  const update = (box: HTMLElement) => {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', unique.get(box)!);
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  };
  const observer = new ResizeObserver((entries) => entries.forEach((e) => update(e.target as HTMLElement)));
  for (const box of list) {
    update(box);
    observer.observe(box);
  }
}
