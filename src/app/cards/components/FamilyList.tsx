import type { Assignee, FamilySummaryDto } from '@goal-families/contract';
import { readOnlyText, useFormat, useNames } from '@goal-families/ui';
import { Accordion, Button, Flex, Link, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { CardEnvironment } from '../types/card';
import { type GoalPhase, orderedSlices, phaseOf, pickGroup } from '../utils/familyView';
import { FamilyTile } from './FamilyTile';

interface FamilyListProps {
  families: FamilySummaryDto[];
  /** How many goals the assignee has in all (the list call may bring fewer). */
  total: number;
  assignee: Assignee;
  environment: CardEnvironment;
}

/** Splits goals into running, not started and ended, for the assignee the card shows. */
export function byPhase(families: readonly FamilySummaryDto[], assignee: Assignee, now: Date) {
  const phases: Record<GoalPhase, FamilySummaryDto[]> = { running: [], upcoming: [], ended: [] };
  for (const family of families) {
    phases[phaseOf(orderedSlices(pickGroup(family, assignee)), now)].push(family);
  }
  return phases;
}

/**
 * The short card: goals running today first (at most the settings' number), goals that have not
 * started folded under "Upcoming", finished ones under "Ended"; "N more goals" leads somewhere real.
 */
export function FamilyList({ families, total, assignee, environment }: FamilyListProps) {
  const format = useFormat();
  const names = useNames();
  const [expanded, setExpanded] = useState(false);
  const { settings, canEdit, adminPanelUrl } = environment;
  const phases = byPhase(families, assignee, environment.now());
  const limit = expanded ? Number.POSITIVE_INFINITY : settings.card.maxFamilies;
  const shown = phases.running.slice(0, limit);
  const hiddenHere = phases.running.length - shown.length;
  const notFetched = total - families.length;
  const hidden = hiddenHere + notFetched;
  const tile = (family: FamilySummaryDto) => (
    <FamilyTile key={family.uuid} family={family} assignee={assignee} environment={environment} />
  );

  return (
    <Flex direction="column" gap="md">
      {shown.length === 0 && (
        <Text variant="microcopy" testId="card-none-running">
          No goal is running today.
        </Text>
      )}
      {shown.map(tile)}
      {hidden > 0 &&
        (canEdit && adminPanelUrl ? (
          <Link href={{ url: adminPanelUrl }} testId="card-more">
            {`${format.count(hidden, 'more goal')} — see every goal in the admin panel`}
          </Link>
        ) : hiddenHere > 0 ? (
          <Button size="xs" variant="secondary" onClick={() => setExpanded(true)} testId="card-more">
            {`Show ${format.count(hiddenHere, 'more goal')}`}
          </Button>
        ) : (
          <Text variant="microcopy" testId="card-more">
            {`${format.count(notFetched, 'more goal')} than the card can show.`}
          </Text>
        ))}
      {phases.upcoming.length > 0 && (
        <Accordion
          title={`Upcoming (${format.integer(phases.upcoming.length)})`}
          size="sm"
          testId="card-upcoming"
        >
          <Flex direction="column" gap="sm">
            {phases.upcoming.map(tile)}
          </Flex>
        </Accordion>
      )}
      {phases.ended.length > 0 && (
        <Accordion title={`Ended (${format.integer(phases.ended.length)})`} size="sm" testId="card-ended">
          <Flex direction="column" gap="sm">
            {phases.ended.map(tile)}
          </Flex>
        </Accordion>
      )}
      {!canEdit && (
        <Text variant="microcopy" testId="card-read-only">
          {readOnlyText(settings.editors, names)}
        </Text>
      )}
    </Flex>
  );
}
