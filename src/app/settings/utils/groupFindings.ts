import type { FindingDto, Severity } from '@goal-families/contract';

export interface FamilyFindings {
  /** null for findings that belong to no family (for example a slice without a uuid). */
  familyUuid: string | null;
  familyName: string;
  worst: Severity;
  counts: Record<Severity, number>;
  /** Worst first, then by rule, then by id: a stable order across scans. */
  findings: FindingDto[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings grouped by family, families with the worst problems (then the most) first. */
export function groupFindings(findings: readonly FindingDto[]): FamilyFindings[] {
  const byFamily = new Map<string, FindingDto[]>();
  for (const finding of findings) {
    const key = finding.familyUuid ?? '';
    byFamily.set(key, [...(byFamily.get(key) ?? []), finding]);
  }
  const groups = [...byFamily.entries()].map(([key, list]): FamilyFindings => {
    const sorted = [...list].sort(
      (a, b) =>
        RANK[a.severity] - RANK[b.severity] || a.ruleId.localeCompare(b.ruleId) || a.id.localeCompare(b.id),
    );
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of sorted) counts[f.severity]++;
    return {
      familyUuid: key === '' ? null : key,
      familyName:
        sorted.find((f) => f.familyName)?.familyName ??
        (key === '' ? 'Targets that belong to no goal' : 'A goal without a name'),
      worst: sorted[0]?.severity ?? 'info',
      counts,
      findings: sorted,
    };
  });
  return groups.sort(
    (a, b) =>
      RANK[a.worst] - RANK[b.worst] ||
      b.findings.length - a.findings.length ||
      a.familyName.localeCompare(b.familyName),
  );
}

/** New findings replace earlier ones with the same id (a re-scan of a resumed page). */
export function mergeFindings(known: readonly FindingDto[], page: readonly FindingDto[]): FindingDto[] {
  const ids = new Set(page.map((f) => f.id));
  return [...known.filter((f) => !ids.has(f.id)), ...page];
}
