import './demo-playground.ts';
import type { DemoPlayground } from './demo-playground.ts';

const OPEN_KEY = 'keda-dashboard.playground';

/**
 * The playground panel beside the page and its top-bar toggle. It exists only for a simulated
 * cluster: `setCluster(base)` shows it for `/clusters/<sim>`, `setCluster(undefined)` hides it.
 */
export function setUpPlayground(): {
  setCluster(base: string | undefined): void;
  setFocus(focus: string | undefined): void;
} {
  const toggle = document.getElementById('playground-toggle') as HTMLButtonElement;
  const panel = document.getElementById('playground') as HTMLElement;
  let base: string | undefined;
  let element: DemoPlayground | undefined;
  let focus: string | undefined;

  const render = () => {
    const open =
      base !== undefined &&
      (new URL(location.href).searchParams.has('playground') || localStorage.getItem(OPEN_KEY) === 'open');
    toggle.hidden = base === undefined;
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    document.body.classList.toggle('with-playground', open);
    if (open) {
      element ??= document.createElement('demo-playground');
      if (!element.isConnected) panel.replaceChildren(element);
      element.base = base;
      element.focusRef = focus;
    } else {
      element?.remove();
    }
  };

  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    localStorage.setItem(OPEN_KEY, open ? 'open' : 'closed');
    if (!open) {
      const url = new URL(location.href);
      if (url.searchParams.has('playground')) {
        url.searchParams.delete('playground');
        history.replaceState(null, '', url.pathname + url.search + url.hash);
      }
    }
    render();
  });

  return {
    setCluster(next) {
      base = next;
      render();
    },
    setFocus(next) {
      focus = next;
      if (element) element.focusRef = next;
    },
  };
}
