// Tab groups built at build time (src/markdown/code-tabs.ts) become WAI-ARIA tabs
// (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab stop per group, arrow keys,
// Home and End move and select. Picking "Terraform" in one group picks it in every group
// on the page that has it, and the choice is remembered for the next page. Without this
// script every panel stays visible under its label.

const STORAGE_KEY = 'kb:code-tabs';

/** Labels the reader picked, most recent first. */
function preferences(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function remember(label: string): void {
  try {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify([label, ...preferences().filter((l) => l !== label)].slice(0, 20)),
    );
  } catch {
    /* storage disabled: the choice still applies to this page */
  }
}

interface Group {
  labels: string[];
  select(label: string): void;
}

export function enhanceCodeTabs(root: ParentNode = document): void {
  const groups: Group[] = [];
  const choose = (label: string, anchor: HTMLElement) => {
    // Groups above may change height; keep the tab the reader used where it was.
    const before = anchor.getBoundingClientRect().top;
    for (const group of groups) if (group.labels.includes(label)) group.select(label);
    window.scrollBy(0, anchor.getBoundingClientRect().top - before);
    remember(label);
  };
  root.querySelectorAll<HTMLElement>('.code-tabs').forEach((element, g) => {
    const panels = [...element.querySelectorAll<HTMLElement>(':scope > .code-tab-panel')];
    const labels = panels.map((p) => p.dataset.tab ?? '');
    const list = document.createElement('div');
    list.className = 'code-tablist';
    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-label', `Code variants: ${labels.join(', ')}`);
    const tabs = panels.map((panel, i) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'code-tab';
      tab.id = `code-tab-${g}-${i}`;
      tab.textContent = labels[i]!;
      tab.setAttribute('role', 'tab');
      panel.id = `code-panel-${g}-${i}`;
      tab.setAttribute('aria-controls', panel.id);
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      tab.addEventListener('click', () => choose(labels[i]!, tab));
      return tab;
    });
    list.addEventListener('keydown', (event) => {
      const current = tabs.indexOf(document.activeElement as HTMLButtonElement);
      if (current < 0) return;
      const last = tabs.length - 1;
      const next = {
        ArrowRight: current === last ? 0 : current + 1,
        ArrowLeft: current === 0 ? last : current - 1,
        Home: 0,
        End: last,
      }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      choose(labels[next]!, tabs[next]!);
      tabs[next]!.focus();
    });
    list.append(...tabs);
    element.prepend(list);
    element.classList.add('is-tabbed');
    groups.push({
      labels,
      select(label) {
        labels.forEach((l, i) => {
          const selected = l === label;
          tabs[i]!.setAttribute('aria-selected', String(selected));
          tabs[i]!.tabIndex = selected ? 0 : -1;
          panels[i]!.hidden = !selected;
        });
      },
    });
  });
  const picked = preferences();
  for (const group of groups) group.select(picked.find((l) => group.labels.includes(l)) ?? group.labels[0]!);
}
