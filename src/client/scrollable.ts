// A box that scrolls sideways (a long code line, a wide table, a long formula) must be
// reachable by keyboard, but a box that fits must not add a useless tab stop. So the
// tab stop, role and label are set only while the box actually overflows.
export function focusableWhileOverflowing(boxes: Iterable<HTMLElement>, label: (box: HTMLElement) => string): void {
  const update = (box: HTMLElement) => {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', label(box));
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  };
  const observer = new ResizeObserver((entries) => entries.forEach((e) => update(e.target as HTMLElement)));
  for (const box of boxes) {
    update(box);
    observer.observe(box);
  }
}
