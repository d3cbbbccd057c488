/** `actions.addAlert` shows HubSpot-style toasts in the page's top-right corner. */
import { useCallback, useState } from 'react';

export interface Toast {
  id: number;
  type: 'info' | 'warning' | 'success' | 'danger' | 'tip';
  title?: string | undefined;
  message: string;
}

let toastCounter = 0;
const TOAST_MS = 8000;

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const push = useCallback(
    (t: Omit<Toast, 'id'>) => {
      toastCounter += 1;
      const id = toastCounter;
      setToasts((prev) => [...prev, { ...t, id }]);
      setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  return { toasts, push, dismiss };
}

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss(id: number): void }) {
  return (
    <div className="hs-toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`hs-toast v-${t.type}`} role="status" data-testid="toast">
          <div>
            {t.title && <strong>{t.title}</strong>}
            <div>{t.message}</div>
          </div>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
