/**
 * Same-thread (dev) mode: the runtime runs on the page itself, talking to the host through a
 * MessageChannel, with the bundle loaded by a <script> tag. Faster to debug (breakpoints in the card),
 * but it shares the page's globals, so production-shaped testing uses the worker mode.
 */
import { installExtensionRuntime } from './install';

export function startSameThreadRuntime(): MessagePort {
  const channel = new MessageChannel();
  channel.port2.start();
  installExtensionRuntime(window as unknown as Record<string, unknown>, channel.port2, (url) => {
    return new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`Could not load ${url}`));
      document.head.appendChild(script);
    });
  });
  channel.port1.start();
  return channel.port1;
}
