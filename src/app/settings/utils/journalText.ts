/** What a change in the activity list did, in the app's words (never the stored English summary). */
import type { JournalEntryDto } from '@goal-families/contract';
import type { Format, Names } from '@goal-families/ui';

export function journalWhat(entry: JournalEntryDto, format: Format, names: Names): string {
  const targets = new Set(entry.changes.map((c) => c.id)).size;
  const n = format.count(targets, 'target');
  const created = format.count(entry.created ?? 0, 'target');
  const properties = new Set(entry.changes.map((c) => c.property));
  const after = (property: string) => entry.changes.find((c) => c.property === property)?.after ?? null;
  if (entry.source === 'csv-import')
    return `Imported from a CSV file: ${format.count(targets, 'target')} changed`;
  switch (entry.operation) {
    case 'create':
      return `Created the goal with ${created}`;
    case 'clone':
      return `Created as a copy with ${created}`;
    case 'archive-family':
      return `Archived the goal (${n})`;
    case 'archive-slice':
      return 'Archived one target';
    case 'repair':
      return `Repaired a health check problem (${n})`;
    case 'undo':
      return `Undid an earlier change (${n})`;
    case 'add-assignee':
      return `Added ${names.assignee(entry.assignee)} (${created})`;
    case 'remove-assignee':
      return `Removed ${names.assignee(entry.assignee)} (${n} archived)`;
    case 'target-update':
      return properties.has('hs_kpi_value') && !properties.has('hs_target_amount')
        ? 'Changed the progress of one target'
        : 'Changed one target';
    default: {
      const what: string[] = [];
      if (properties.has('hs_goal_name')) what.push(`renamed the goal to “${after('hs_goal_name')}”`);
      if (properties.has('hs_goal_type'))
        what.push(`made it a ${format.goalType(after('hs_goal_type'))} goal`);
      if (properties.has('hs_pipeline_ids')) what.push('changed its pipelines');
      if (properties.has('hs_target_amount')) what.push('spread new targets');
      const sentence = what.length > 0 ? what.join(', ') : 'changed the goal';
      return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} (${n})`;
    }
  }
}
