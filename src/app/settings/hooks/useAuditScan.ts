import type { AppError, FindingDto, JournalEntryDto } from '@goal-families/contract';
import type { FunctionsClient } from '@goal-families/ui';
import { useCallback, useRef, useState } from 'react';
import { mergeFindings } from '../utils/groupFindings';

export interface AuditScanState {
  status: 'idle' | 'running' | 'paused' | 'done' | 'failed';
  findings: FindingDto[];
  /** Changes that did not finish, found on the way (finish or roll back each). */
  unfinished: JournalEntryDto[];
  progress: number;
  scannedFamilies: number;
  scannedTargets: number;
  pages: number;
  /** Where a paused or failed scan continues. */
  cursor: string | null;
  error: AppError | null;
}

const INITIAL: AuditScanState = {
  status: 'idle',
  findings: [],
  unfinished: [],
  progress: 0,
  scannedFamilies: 0,
  scannedTargets: 0,
  pages: 0,
  cursor: null,
  error: null,
};

/**
 * F8: pages through `goal_families_audit` until its cursor runs out. Each page is one bounded call,
 * so a pause or an error loses nothing: `resume` continues from the last cursor.
 */
export function useAuditScan(client: FunctionsClient) {
  const [state, setState] = useState<AuditScanState>(INITIAL);
  const stopRequested = useRef(false);

  const run = useCallback(
    async (from: AuditScanState) => {
      stopRequested.current = false;
      let current: AuditScanState = { ...from, status: 'running', error: null };
      setState(current);
      for (;;) {
        const page = await client.call(
          'goal_families_audit',
          current.cursor ? { cursor: current.cursor } : {},
        );
        if (!page.ok) {
          current = { ...current, status: 'failed', error: page.error };
          break;
        }
        current = {
          ...current,
          findings: mergeFindings(current.findings, page.findings),
          unfinished: [
            ...current.unfinished,
            ...page.unfinished.filter((e) => !current.unfinished.some((known) => known.id === e.id)),
          ],
          progress: page.nextCursor === null ? 1 : page.progress,
          // Running totals over all pages so far (the contract says so).
          scannedFamilies: page.scannedFamilies,
          scannedTargets: page.scannedTargets,
          pages: current.pages + 1,
          cursor: page.nextCursor,
        };
        if (page.nextCursor === null) {
          current = { ...current, status: 'done' };
          break;
        }
        if (stopRequested.current) {
          current = { ...current, status: 'paused' };
          break;
        }
        setState(current);
      }
      setState(current);
    },
    [client],
  );

  return {
    state,
    start: useCallback(() => run(INITIAL), [run]),
    resume: useCallback(() => run(state), [run, state]),
    pause: useCallback(() => {
      stopRequested.current = true;
    }, []),
    /** A repaired finding leaves the list. */
    dismiss: useCallback((findingId: string) => {
      setState((s) => ({ ...s, findings: s.findings.filter((f) => f.id !== findingId) }));
    }, []),
    /** After a repair: the family's findings as the repair reported them (it re-checked the family). */
    replaceFamily: useCallback((familyUuid: string, findings: FindingDto[]) => {
      setState((s) => ({
        ...s,
        findings: [...s.findings.filter((f) => f.familyUuid !== familyUuid), ...findings],
      }));
    }, []),
    /** A finished or rolled-back change leaves the unfinished list. */
    resolved: useCallback((entryId: string) => {
      setState((s) => ({ ...s, unfinished: s.unfinished.filter((e) => e.id !== entryId) }));
    }, []),
  };
}
