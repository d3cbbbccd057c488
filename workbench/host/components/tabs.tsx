/** Tabs (each Tab registers its title with the enclosing Tabs) and Accordion. */
import type { AccordionProps, TabProps, TabsProps } from '@hubspot/ui-extensions';
import { createContext, useContext, useEffect, useId, useLayoutEffect, useMemo, useState } from 'react';
import { cx, hostAttrs, invoke, sizeToken, useLatest } from './util';

type TabKey = string | number;
interface TabInfo {
  uid: string;
  tabId: TabKey;
  title: string;
  disabled: boolean;
  tooltip?: string | undefined;
}
interface TabsRegistry {
  register(info: TabInfo): void;
  unregister(uid: string): void;
}
/** Kept apart from the selection so that registering never depends on which tab is selected. */
const TabsRegistryContext = createContext<TabsRegistry | null>(null);
const SelectedTabContext = createContext<TabKey | undefined>(undefined);

export function Tabs(props: TabsProps) {
  const latest = useLatest(props);
  const [tabs, setTabs] = useState<TabInfo[]>([]);
  const [chosen, setChosen] = useState<TabKey | undefined>(props.selected ?? props.defaultSelected);
  useEffect(() => {
    if (props.selected !== undefined) setChosen(props.selected);
  }, [props.selected]);
  const selected = chosen ?? tabs.find((t) => !t.disabled)?.tabId;
  const registry = useMemo<TabsRegistry>(
    () => ({
      register: (info) =>
        setTabs((prev) => {
          const i = prev.findIndex((t) => t.uid === info.uid);
          if (i < 0) return [...prev, info];
          const old = prev[i];
          if (old && old.tabId === info.tabId && old.title === info.title && old.disabled === info.disabled)
            return prev;
          const next = [...prev];
          next[i] = info;
          return next;
        }),
      unregister: (uid) => setTabs((prev) => prev.filter((t) => t.uid !== uid)),
    }),
    [],
  );
  const select = (tab: TabInfo) => {
    if (tab.disabled) return;
    if (latest.current.selected === undefined) setChosen(tab.tabId);
    void invoke(latest.current.onSelectedChange, tab.tabId);
  };
  return (
    <div
      {...hostAttrs('Tabs', props)}
      className={cx('hs-tabs', `v-${props.variant ?? 'default'}`, props.fill && 'fill')}
    >
      <div role="tablist" className="hs-tablist">
        {tabs.map((t) => (
          <button
            key={t.uid}
            type="button"
            role="tab"
            title={t.tooltip}
            aria-selected={t.tabId === selected}
            disabled={t.disabled}
            className={cx('hs-tab', t.tabId === selected && 'selected')}
            onClick={() => select(t)}
          >
            {t.title}
          </button>
        ))}
      </div>
      <TabsRegistryContext.Provider value={registry}>
        <SelectedTabContext.Provider value={selected}>{props.children}</SelectedTabContext.Provider>
      </TabsRegistryContext.Provider>
    </div>
  );
}

export function Tab(props: TabProps) {
  const tabs = useContext(TabsRegistryContext);
  const selected = useContext(SelectedTabContext);
  const uid = useId();
  const tabId = props.tabId ?? props.title ?? uid;
  useLayoutEffect(() => {
    tabs?.register({
      uid,
      tabId,
      title: props.title ?? String(tabId),
      disabled: Boolean(props.disabled),
      tooltip: props.tooltip,
    });
  }, [tabs, uid, tabId, props.title, props.disabled, props.tooltip]);
  useEffect(() => () => tabs?.unregister(uid), [tabs, uid]);
  if (!tabs || selected !== tabId) return null;
  return (
    <div {...hostAttrs('Tab', props)} role="tabpanel" className="hs-tabpanel">
      {props.children}
    </div>
  );
}

export function Accordion(props: AccordionProps) {
  const latest = useLatest(props);
  const [open, setOpen] = useState(props.open ?? props.defaultOpen ?? false);
  useEffect(() => {
    if (props.open !== undefined) setOpen(props.open);
  }, [props.open]);
  return (
    <div
      {...hostAttrs('Accordion', props)}
      className={cx('hs-accordion', `s-${sizeToken(props.size, 'sm')}`, open && 'open')}
    >
      <button
        type="button"
        className="hs-accordion-title"
        aria-expanded={open}
        disabled={props.disabled}
        onClick={() => {
          if (latest.current.open === undefined) setOpen(!open);
          void invoke(latest.current.onClick);
        }}
      >
        <span className="chev">{open ? '▾' : '▸'}</span> {props.title}
      </button>
      {open && <div className="hs-accordion-body">{props.children}</div>}
    </div>
  );
}
