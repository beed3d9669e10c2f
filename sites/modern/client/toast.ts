/** A short message in the corner (role=status), gone after a few seconds. */
import { html, portal } from './dom.js';

export function toast(message: string, kind: 'error' | 'info' = 'info'): void {
  const layer = portal(
    html`<div
      role="${kind === 'error' ? 'alert' : 'status'}"
      class="fixed bottom-6 left-1/2 z-[60] -translate-x-1/2 rounded-lg px-4 py-3 text-sm font-medium text-white shadow-lg ${
        kind === 'error' ? 'bg-red-600' : 'bg-neutral-900'
      }"
    >
      ${message}
    </div>`,
    'sonner-toast',
  );
  setTimeout(() => layer.remove(), 5000);
}
