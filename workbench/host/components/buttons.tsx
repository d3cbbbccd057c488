/** Buttons: Button, LoadingButton, Dropdown (+ ButtonItem). Each may own an `overlay`. */
import type {
  ButtonProps,
  DropdownButtonItemProps,
  DropdownProps,
  LoadingButtonProps,
} from '@hubspot/ui-extensions';
import { type MouseEvent, useEffect, useRef, useState } from 'react';
import { useHostServices } from '../services';
import { OverlayAnchor, useOverlayTrigger } from './overlays';
import { cx, hostAttrs, hrefOf, invoke, sizeToken, toExtensionEvent, useLatest } from './util';

function openHref(href: unknown) {
  const h = hrefOf(href);
  if (h) window.open(h.url, '_blank', 'noopener');
}

export function Button(props: ButtonProps) {
  const trigger = useOverlayTrigger();
  const latest = useLatest(props);
  const onClick = (e: MouseEvent) => {
    if (props.href) openHref(props.href);
    // A submit button's click is delivered by the Form's submit; the click handler still runs.
    void trigger.fire(() => latest.current.onClick, toExtensionEvent(e), Boolean(latest.current.overlay));
  };
  return (
    <>
      <button
        {...hostAttrs('Button', props)}
        type={props.type ?? 'button'}
        disabled={props.disabled}
        className={cx(
          'hs-button',
          `v-${props.variant ?? 'secondary'}`,
          `s-${sizeToken(props.size)}`,
          props.truncate && 'truncate',
        )}
        onClick={onClick}
      >
        {props.children}
      </button>
      <OverlayAnchor trigger={trigger} overlay={props.overlay} />
    </>
  );
}

export function LoadingButton(props: LoadingButtonProps) {
  const trigger = useOverlayTrigger();
  const { overlays } = useHostServices();
  const latest = useLatest(props);
  const openOnFinish = props.overlayOptions?.openBehavior === 'onLoadingFinish';
  const waitingToOpen = useRef(false);
  const ownedOverlay = useRef<string | undefined>(undefined);
  const wrappedTrigger = {
    ...trigger,
    register(id: string) {
      ownedOverlay.current = id;
      trigger.register(id);
    },
  };
  useEffect(() => {
    if (!props.loading && waitingToOpen.current) {
      waitingToOpen.current = false;
      if (ownedOverlay.current) overlays.open(ownedOverlay.current);
    }
  }, [props.loading, overlays]);
  const onClick = (e: MouseEvent) => {
    if (openOnFinish) waitingToOpen.current = true;
    void trigger.fire(
      () => latest.current.onClick,
      toExtensionEvent(e),
      Boolean(latest.current.overlay) && !openOnFinish,
    );
  };
  return (
    <>
      <button
        {...hostAttrs('LoadingButton', props)}
        type={props.type ?? 'button'}
        disabled={props.disabled || props.loading}
        aria-busy={props.loading ? 'true' : undefined}
        className={cx(
          'hs-button',
          `v-${props.variant ?? 'secondary'}`,
          `s-${sizeToken(props.size)}`,
          props.loading && 'loading',
        )}
        onClick={onClick}
      >
        {props.loading && <span className="hs-spinner inline" aria-hidden="true" />}
        {props.children}
      </button>
      <OverlayAnchor trigger={wrappedTrigger} overlay={props.overlay} />
    </>
  );
}

export function Dropdown(props: DropdownProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDoc = (e: globalThis.MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDoc);
    return () => document.removeEventListener('mousedown', onDoc);
  }, [open]);
  return (
    <div {...hostAttrs('Dropdown', props)} className="hs-dropdown" ref={root}>
      <button
        type="button"
        disabled={props.disabled}
        aria-haspopup="menu"
        aria-expanded={open}
        className={cx(
          'hs-button',
          `v-${props.variant ?? 'secondary'}`,
          `s-${sizeToken(props.buttonSize, 'sm')}`,
        )}
        onClick={() => setOpen(!open)}
      >
        {props.buttonText ?? 'More'} ▾
      </button>
      {/* Kept mounted while closed so overlays owned by items stay alive after the menu closes. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the items are buttons; this only closes the menu after one */}
      <div role="menu" className="hs-menu" hidden={!open} onClick={() => setOpen(false)}>
        {(props.options ?? []).map((o) => (
          <button
            key={o.label}
            type="button"
            role="menuitem"
            className="hs-menu-item"
            onClick={() => invoke(o.onClick)}
          >
            {o.label}
          </button>
        ))}
        {props.children}
      </div>
    </div>
  );
}

export function DropdownButtonItem(props: DropdownButtonItemProps) {
  const trigger = useOverlayTrigger();
  const latest = useLatest(props);
  return (
    <>
      <button
        {...hostAttrs('DropdownButtonItem', props)}
        type="button"
        role="menuitem"
        className="hs-menu-item"
        onClick={(e) =>
          trigger.fire(() => latest.current.onClick, toExtensionEvent(e), Boolean(latest.current.overlay))
        }
      >
        {props.children}
      </button>
      <OverlayAnchor trigger={trigger} overlay={props.overlay} />
    </>
  );
}
