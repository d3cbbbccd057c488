/** Runs one extension bundle and renders its remote tree with the component map. */
import { createController, RemoteRenderer } from '@remote-ui/react/host';
import { useEffect, useMemo, useState } from 'react';
import { resolveComponent } from './components/registry';
import { type ExtensionSession, type RuntimeMode, startExtension } from './extension-session';
import type { HostApi } from './runtime/protocol';
import { HostServicesContext, type OverlayStore } from './services';

function createHostController() {
  const controller = createController({});
  // Unknown names render as a placeholder instead of throwing (createController's default).
  controller.get = resolveComponent;
  return controller;
}

export interface ExtensionHostProps {
  bundleUrl: string;
  workerUrl: string;
  mode: RuntimeMode;
  overlays: OverlayStore;
  host: Omit<HostApi, 'reportError'>;
  label: string;
}

export function ExtensionHost(props: ExtensionHostProps) {
  const [session, setSession] = useState<ExtensionSession | undefined>();
  const [errors, setErrors] = useState<string[]>([]);
  const controller = useMemo(createHostController, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the session is keyed by the parent; start once
  useEffect(() => {
    let disposed = false;
    let current: ExtensionSession | undefined;
    const reportError = (message: string) => setErrors((prev) => [...prev, message]);
    startExtension({
      mode: props.mode,
      bundleUrl: props.bundleUrl,
      workerUrl: props.workerUrl,
      host: { ...props.host, reportError },
    })
      .then((s) => {
        current = s;
        if (disposed) s.dispose();
        else setSession(s);
      })
      .catch((error: unknown) => reportError(error instanceof Error ? error.message : String(error)));
    return () => {
      disposed = true;
      current?.dispose();
    };
  }, []);
  const services = useMemo(
    () => ({
      overlays: props.overlays,
      settle: session ? session.settle : () => Promise.resolve(),
      reportError: (where: string, error: unknown) =>
        setErrors((prev) => [...prev, `${where}: ${String(error)}`]),
    }),
    [session, props.overlays],
  );
  if (errors.length > 0) {
    return (
      <div className="hs-host-error" role="alert" data-testid="extension-error">
        <strong>{props.label} could not run.</strong>
        {errors.map((e) => (
          <pre key={e}>{e}</pre>
        ))}
      </div>
    );
  }
  if (!session) {
    return (
      <div className="hs-loading centered" role="status" aria-label={`Loading ${props.label}`}>
        <span className="hs-spinner" />
      </div>
    );
  }
  return (
    <HostServicesContext.Provider value={services}>
      <div className="hs-extension-root" data-testid="extension-root">
        <RemoteRenderer receiver={session.receiver} controller={controller} />
      </div>
    </HostServicesContext.Provider>
  );
}
