/** Small helpers shared by the component mappings. */
import { type SyntheticEvent, useRef } from 'react';

/** A callback prop coming from the extension: in worker mode a proxy that returns a promise. */
export type RemoteCallback = ((...args: never[]) => unknown) | undefined;

/** Calls an extension callback, never letting its failure break the host. */
export function invoke(fn: unknown, ...args: unknown[]): Promise<unknown> {
  if (typeof fn !== 'function') return Promise.resolve(undefined);
  try {
    return Promise.resolve((fn as (...a: unknown[]) => unknown)(...args)).catch((error: unknown) => {
      console.error('[workbench] extension callback failed', error);
      return undefined;
    });
  } catch (error) {
    console.error('[workbench] extension callback failed', error);
    return Promise.resolve(undefined);
  }
}

let eventCounter = 0;
/** HubSpot hands extensions a serialisable ExtensionEvent, never the DOM event. */
export function toExtensionEvent(e: SyntheticEvent | Event) {
  eventCounter += 1;
  return { type: e.type, bubbles: e.bubbles, timeStamp: Math.round(e.timeStamp), id: `evt-${eventCounter}` };
}

export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

const sizeAliases: Record<string, string> = {
  'extra-small': 'xs',
  small: 'sm',
  medium: 'md',
  large: 'lg',
  'extra-large': 'xl',
};
/** 'small' and 'sm' (etc.) are the same size in the SDK. */
export function sizeToken(size: unknown, fallback = 'md'): string {
  if (typeof size !== 'string') return fallback;
  return sizeAliases[size] ?? size;
}

/** Root attributes every mapped component carries: its testId and its HubSpot name. */
export function hostAttrs(name: string, props: { testId?: unknown }) {
  return {
    'data-hs': name,
    ...(typeof props.testId === 'string' ? { 'data-testid': props.testId } : {}),
  };
}

export function hrefOf(href: unknown): { url: string; external: boolean } | undefined {
  if (typeof href === 'string') return { url: href, external: /^https?:/.test(href) };
  if (href && typeof href === 'object' && 'url' in href && typeof href.url === 'string') {
    return { url: href.url, external: Boolean((href as { external?: unknown }).external) };
  }
  return undefined;
}

/** The newest props, for handlers that run after an await (the extension may have re-rendered). */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
