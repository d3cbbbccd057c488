/**
 * Overlays: Modal and Panel (with their Body/Footer/Section parts) and the machinery that opens them.
 * In HubSpot an overlay is passed as the `overlay` prop of a Button, Link, Tag, Image or dropdown item;
 * clicking the owner opens it, and `reactions.openModal/closeModal/openPanel/closePanel(id)` or
 * `actions.closeOverlay(id)` open and close it by id.
 */
import type {
  ModalBodyProps,
  ModalFooterProps,
  ModalProps,
  PanelBodyProps,
  PanelFooterProps,
  PanelProps,
  PanelSectionProps,
} from '@hubspot/ui-extensions';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { reactionsFor, useHostServices, useOverlayOpen } from '../services';
import { cx, hostAttrs, invoke } from './util';

interface OverlayOwner {
  register(id: string): void;
  unregister(id: string): void;
}
const OverlayOwnerContext = createContext<OverlayOwner | null>(null);

export interface OverlayTrigger extends OverlayOwner {
  /**
   * Delivers a click: waits for the extension to settle, opens the owned overlay if asked, then calls
   * the handler read *after* settling (`getHandler`) so that it is the newest one the extension sent.
   */
  fire(getHandler: () => unknown, event: unknown, opensOverlay: boolean): Promise<void>;
}

export function useOverlayTrigger(): OverlayTrigger {
  const services = useHostServices();
  const ownedId = useRef<string | undefined>(undefined);
  return useMemo(
    () => ({
      register(id) {
        ownedId.current = id;
      },
      unregister(id) {
        if (ownedId.current === id) ownedId.current = undefined;
      },
      async fire(getHandler, event, opensOverlay) {
        await services.settle();
        if (opensOverlay && ownedId.current) services.overlays.open(ownedId.current);
        await invoke(getHandler(), event, reactionsFor(services.overlays));
      },
    }),
    [services],
  );
}

/** Renders an owner's `overlay` fragment (closed until opened) so its Modal/Panel registers. */
export function OverlayAnchor({ trigger, overlay }: { trigger: OverlayTrigger; overlay: ReactNode }) {
  if (overlay == null || overlay === false) return null;
  return <OverlayOwnerContext.Provider value={trigger}>{overlay}</OverlayOwnerContext.Provider>;
}

function useOverlayLifecycle(id: string, onOpen: unknown, onClose: unknown): boolean {
  const owner = useContext(OverlayOwnerContext);
  useEffect(() => {
    owner?.register(id);
    return () => owner?.unregister(id);
  }, [owner, id]);
  const open = useOverlayOpen(id);
  const callbacks = useRef({ onOpen, onClose });
  callbacks.current = { onOpen, onClose };
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open && !wasOpen.current) void invoke(callbacks.current.onOpen);
    if (!open && wasOpen.current) void invoke(callbacks.current.onClose);
    wasOpen.current = open;
  }, [open]);
  return open;
}

function useEscapeToClose(open: boolean, close: () => void) {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, close]);
}

function overlayRoot(): HTMLElement {
  return document.getElementById('hs-overlay-root') ?? document.body;
}

export function Modal(props: ModalProps) {
  const { overlays } = useHostServices();
  const open = useOverlayLifecycle(props.id, props.onOpen, props.onClose);
  const close = useMemo(() => () => overlays.close(props.id), [overlays, props.id]);
  useEscapeToClose(open, close);
  if (!open) return null;
  return createPortal(
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes; Escape does it by keyboard
    <div className="hs-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        {...hostAttrs('Modal', props)}
        role="dialog"
        aria-modal="true"
        aria-label={props['aria-label'] ?? props.title}
        className={cx('hs-modal', `w-${props.width ?? 'md'}`, props.variant === 'danger' && 'danger')}
      >
        <header className="hs-overlay-header">
          <h2>{props.title}</h2>
          <button type="button" className="hs-close" aria-label="Close dialog" onClick={close}>
            ×
          </button>
        </header>
        {props.children}
      </div>
    </div>,
    overlayRoot(),
  );
}

export function Panel(props: PanelProps) {
  const { overlays } = useHostServices();
  const open = useOverlayLifecycle(props.id, props.onOpen, props.onClose);
  const close = useMemo(() => () => overlays.close(props.id), [overlays, props.id]);
  useEscapeToClose(open, close);
  if (!open) return null;
  return createPortal(
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes; Escape does it by keyboard
    <div
      className={cx('hs-backdrop', 'panel', props.variant === 'modal' && 'dim')}
      onMouseDown={(e) => e.target === e.currentTarget && close()}
    >
      <aside
        {...hostAttrs('Panel', props)}
        role="dialog"
        aria-label={props['aria-label'] ?? props.title}
        className={cx('hs-panel', `w-${props.width ?? 'sm'}`)}
      >
        <header className="hs-overlay-header">
          <h2>{props.title}</h2>
          <button type="button" className="hs-close" aria-label="Close dialog" onClick={close}>
            ×
          </button>
        </header>
        {props.children}
      </aside>
    </div>,
    overlayRoot(),
  );
}

export const ModalBody = (props: ModalBodyProps) => (
  <div {...hostAttrs('ModalBody', props)} className="hs-overlay-body">
    {props.children}
  </div>
);
export const ModalFooter = (props: ModalFooterProps) => (
  <footer {...hostAttrs('ModalFooter', props)} className="hs-overlay-footer">
    {props.children}
  </footer>
);
export const PanelBody = (props: PanelBodyProps) => (
  <div {...hostAttrs('PanelBody', props)} className="hs-overlay-body">
    {props.children}
  </div>
);
export const PanelFooter = (props: PanelFooterProps) => (
  <footer {...hostAttrs('PanelFooter', props)} className="hs-overlay-footer">
    {props.children}
  </footer>
);
export const PanelSection = (props: PanelSectionProps) => (
  <section {...hostAttrs('PanelSection', props)} className={cx('hs-panel-section', props.flush && 'flush')}>
    {props.children}
  </section>
);
