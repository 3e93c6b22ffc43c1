// One polite live region for status messages ("Code copied", "Page copied"), shared so
// every copy button is announced the same way.
let announcer: HTMLElement | undefined;

export function announce(message: string): void {
  if (!announcer) {
    announcer = document.createElement('div');
    announcer.className = 'sr-only';
    announcer.setAttribute('aria-live', 'polite');
    document.body.append(announcer);
  }
  announcer.textContent = '';
  // A fresh text node after clearing makes screen readers announce repeated messages.
  setTimeout(() => (announcer!.textContent = message), 50);
}
