import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { createFormat, type Format, type FormatSettings } from '../format';

const FormatContext = createContext<Format>(createFormat());

/** Gives every component below the viewer's locale, the app's currency and the portal's labels. */
export function FormatProvider({
  settings,
  children,
}: {
  settings: Partial<FormatSettings>;
  children: ReactNode;
}) {
  const { locale, currency, fiscalYearStartMonth, goalTypes, milestones, pipelines } = settings;
  const format = useMemo(
    () => createFormat({ locale, currency, fiscalYearStartMonth, goalTypes, milestones, pipelines }),
    [locale, currency, fiscalYearStartMonth, goalTypes, milestones, pipelines],
  );
  return <FormatContext.Provider value={format}>{children}</FormatContext.Provider>;
}

/** The formatter of the surface (en-US and USD outside a provider, as in isolated component tests). */
export function useFormat(): Format {
  return useContext(FormatContext);
}
