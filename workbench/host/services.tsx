/**
 * What host components need from the page around them: the overlay store (Modal/Panel open state),
 * a way to let the extension settle before an event is delivered, and error reporting.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';

export interface OverlayStore {
  open(id: string): void;
  close(id: string): void;
  isOpen(id: string): boolean;
  subscribe(listener: () => void): () => void;
}

export function createOverlayStore(): OverlayStore {
  let openIds = new Set<string>();
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const l of listeners) l();
  };
  return {
    open(id) {
      if (openIds.has(id)) return;
      openIds = new Set(openIds).add(id);
      emit();
    },
    close(id) {
      if (!openIds.has(id)) return;
      openIds = new Set(openIds);
      openIds.delete(id);
      emit();
    },
    isOpen: (id) => openIds.has(id),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export interface HostServices {
  overlays: OverlayStore;
  /**
   * Resolves once the extension has processed every event sent so far and the host has rendered the
   * result. Clicks wait for it so that a click right after typing sees the committed value, as it
   * would with a human's pace in HubSpot.
   */
  settle(): Promise<void>;
  reportError(where: string, error: unknown): void;
}

const fallback: HostServices = {
  overlays: createOverlayStore(),
  settle: () => Promise.resolve(),
  reportError: (where, error) => console.error(where, error),
};

export const HostServicesContext = createContext<HostServices>(fallback);
export const useHostServices = () => useContext(HostServicesContext);

export function useOverlayOpen(id: string | undefined): boolean {
  const { overlays } = useHostServices();
  return useSyncExternalStore(overlays.subscribe, () => (id ? overlays.isOpen(id) : false));
}

/** The reactions object HubSpot passes as the second argument of click handlers. */
export function reactionsFor(overlays: OverlayStore) {
  return {
    openPanel: (id: string) => overlays.open(id),
    closePanel: (id: string) => overlays.close(id),
    openModal: (id: string) => overlays.open(id),
    closeModal: (id: string) => overlays.close(id),
  };
}
