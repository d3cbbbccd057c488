/**
 * The workbench page: a HubSpot-like frame (record page with a sidebar, Connected apps settings page)
 * around this app's card and settings page, hosted by `../host`, with the demo portal's users and
 * records to choose from.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createOverlayStore, ExtensionHost, Toasts, useToasts } from '../host';
import type { DemoRecord, ViewingRole, WorkbenchInfo } from '../shared/page-api';
import { backend } from './backend';
import { buildHostApi, type PageHooks } from './context';

type View = 'record' | 'settings';
const recordKey = (r: DemoRecord) => `${r.objectTypeId}:${r.objectId}`;
const kindLabel: Record<DemoRecord['kind'], string> = {
  deal: 'Deals',
  company: 'Companies',
  contact: 'Contacts',
};

function readUrl() {
  const q = new URLSearchParams(window.location.search);
  return {
    view: (q.get('view') === 'settings' ? 'settings' : 'record') as View,
    record: q.get('record') ?? undefined,
    user: (q.get('user') ?? undefined) as ViewingRole | undefined,
  };
}

function writeUrl(state: { view: View; record?: string | undefined; user: ViewingRole }) {
  const q = new URLSearchParams();
  q.set('view', state.view);
  if (state.record) q.set('record', state.record);
  q.set('user', state.user);
  window.history.replaceState(null, '', `?${q.toString()}`);
}

function App() {
  const [info, setInfo] = useState<WorkbenchInfo | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const initial = useMemo(readUrl, []);
  const [view, setView] = useState<View>(initial.view);
  const [record, setRecord] = useState<string | undefined>(initial.record);
  const [role, setRole] = useState<ViewingRole>(initial.user ?? 'admin');
  const [generation, setGeneration] = useState(0);
  const [calls, setCalls] = useState<{ name: string; ms: number; ok: boolean }[]>([]);
  const [resetting, setResetting] = useState(false);
  const { toasts, push, dismiss } = useToasts();

  useEffect(() => {
    backend
      .info()
      .then((i) => {
        setInfo(i);
        if (i.liveReload) new EventSource('/__workbench/events').onmessage = () => window.location.reload();
      })
      .catch((e: unknown) => setLoadError(String(e)));
  }, []);

  const current = info?.records.find((r) => recordKey(r) === record) ?? info?.records[0];
  const user = info?.users.find((u) => u.role === role) ?? info?.users[0];
  useEffect(() => {
    if (info) writeUrl({ view, record: current ? recordKey(current) : undefined, user: role });
  }, [info, view, current, role]);

  const hooks: PageHooks = useMemo(
    () => ({
      toast: push,
      refreshRecord: () => undefined,
      reload: () => setGeneration((g) => g + 1),
      logCall: (c) => setCalls((prev) => [c, ...prev].slice(0, 8)),
    }),
    [push],
  );

  const reset = useCallback(async () => {
    setResetting(true);
    try {
      await backend.reset();
      push({
        type: 'success',
        title: 'Demo data reset',
        message: 'The demo portal is back to its seeded state.',
      });
      setGeneration((g) => g + 1);
    } catch (e) {
      push({ type: 'danger', title: 'Reset failed', message: String(e) });
    } finally {
      setResetting(false);
    }
  }, [push]);

  if (loadError) return <div className="wb-fatal">The workbench server did not answer: {loadError}</div>;
  if (!info || !user) return <div className="wb-fatal">Loading the workbench…</div>;

  const extension = view === 'settings' ? info.settings : info.card;
  const mountKey = `${view}|${current ? recordKey(current) : ''}|${role}|${generation}`;

  return (
    <div className="wb">
      <header className="wb-topbar">
        <div className="wb-brand">
          <span className="wb-logo">◎</span> {info.appName} <span className="wb-sub">workbench</span>
        </div>
        <nav className="wb-nav" aria-label="Workbench views">
          <button
            type="button"
            className={view === 'record' ? 'active' : ''}
            onClick={() => setView('record')}
          >
            Record page
          </button>
          <button
            type="button"
            className={view === 'settings' ? 'active' : ''}
            onClick={() => setView('settings')}
          >
            Admin panel
          </button>
        </nav>
        <div className="wb-top-right">
          <span className="wb-badge" title="How the extension runs">
            {info.mode === 'worker' ? 'Web Worker' : 'same-thread · live reload'}
          </span>
          <span className="wb-badge">Portal {info.portal.id}</span>
        </div>
      </header>

      <div className="wb-controls">
        {view === 'record' && (
          <label>
            Record
            <select
              data-testid="record-chooser"
              value={current ? recordKey(current) : ''}
              onChange={(e) => setRecord(e.target.value)}
            >
              {(['deal', 'company', 'contact'] as const).map((kind) => (
                <optgroup key={kind} label={kindLabel[kind]}>
                  {info.records
                    .filter((r) => r.kind === kind)
                    .map((r) => (
                      <option key={recordKey(r)} value={recordKey(r)}>
                        {r.name} — owner {r.ownerName}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
        <label>
          Viewing as
          <select
            data-testid="user-chooser"
            value={role}
            onChange={(e) => setRole(e.target.value as ViewingRole)}
          >
            {info.users.map((u) => (
              <option key={u.role} value={u.role}>
                {u.label}
              </option>
            ))}
          </select>
        </label>
        <span className="wb-user-note" title={user.description}>
          {user.description}
        </span>
        <button
          type="button"
          className="wb-reset"
          data-testid="reset-demo"
          disabled={resetting}
          onClick={reset}
        >
          {resetting ? 'Resetting…' : 'Reset demo data'}
        </button>
      </div>

      {extension.fixture && (
        <div className="wb-notice" role="note">
          The app's {view === 'settings' ? 'settings page' : 'card'} is not built yet; showing the workbench's
          sample extension.
        </div>
      )}

      {view === 'record' && current ? (
        <main className="wb-record">
          <section className="wb-record-main">
            <RecordSummary record={current} />
          </section>
          <aside className="wb-sidebar" aria-label="Record sidebar">
            <div className="wb-card-frame">
              <div className="wb-card-title">{extension.title}</div>
              <div className="wb-card-body">
                <Mounted key={mountKey} info={info} view={view} record={current} role={role} hooks={hooks} />
              </div>
            </div>
          </aside>
        </main>
      ) : (
        <main className="wb-settings">
          <div className="wb-breadcrumb">Settings › Connected apps › {info.appName}</div>
          <h1 className="wb-settings-title">{info.appName}</h1>
          <div className="wb-settings-frame">
            <Mounted key={mountKey} info={info} view={view} record={undefined} role={role} hooks={hooks} />
          </div>
        </main>
      )}

      {calls.length > 0 && (
        <footer className="wb-calls" title="Recent app function calls">
          {calls.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a log, newest first
            <span key={i} className={c.ok ? 'ok' : 'fail'}>
              {c.name} · {Math.round(c.ms)} ms
            </span>
          ))}
        </footer>
      )}
      <Toasts toasts={toasts} dismiss={dismiss} />
      <div id="hs-overlay-root" />
    </div>
  );
}

function Mounted(props: {
  info: WorkbenchInfo;
  view: View;
  record: DemoRecord | undefined;
  role: ViewingRole;
  hooks: PageHooks;
}) {
  const { info, view, record, role, hooks } = props;
  const extension = view === 'settings' ? info.settings : info.card;
  const user = info.users.find((u) => u.role === role) ?? info.users[0];
  const overlays = useMemo(createOverlayStore, []);
  const host = useMemo(
    () =>
      user &&
      buildHostApi({
        info,
        user,
        record,
        location: view === 'settings' ? 'settings' : 'crm.record.sidebar',
        overlays,
        hooks,
      }),
    [info, user, record, view, overlays, hooks],
  );
  if (!extension.bundleUrl || !host) {
    return (
      <div className="wb-extension-error" role="alert">
        <strong>{extension.title} is not built.</strong>
        {extension.buildError && <pre>{extension.buildError}</pre>}
      </div>
    );
  }
  return (
    <ExtensionHost
      bundleUrl={extension.bundleUrl}
      workerUrl="/__workbench/worker.js"
      mode={info.mode}
      overlays={overlays}
      host={host}
      label={extension.title}
    />
  );
}

function RecordSummary({ record }: { record: DemoRecord }) {
  const initials = record.name
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <div className="wb-summary">
      <div className="wb-summary-head">
        <div className={`wb-avatar k-${record.kind}`}>{initials}</div>
        <div>
          <div className="wb-kind">{record.kind}</div>
          <h1>{record.name}</h1>
          <div className="wb-owner">
            Owner: <strong>{record.ownerName}</strong>{' '}
            <span className="wb-muted">(owner id {record.ownerId})</span>
          </div>
        </div>
      </div>
      <dl className="wb-props">
        {Object.entries(record.properties).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="wb-muted wb-hint">
        The card on the right is the app's real extension bundle, running in a Web Worker as HubSpot runs it,
        against the local HubSpot emulator. Change the record or the viewing user above to see it from another
        side.
      </p>
    </div>
  );
}

const rootElement = document.getElementById('root');
if (rootElement) createRoot(rootElement).render(<App />);
