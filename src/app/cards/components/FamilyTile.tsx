import type { Assignee, FamilySummaryDto } from '@goal-families/contract';
import { type GoalContext, useFormat, useNames } from '@goal-families/ui';
import { Accordion, Button, Flex, Heading, Tag, Text, Tile } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { CardEnvironment } from '../types/card';
import { firstStart, orderedSlices, phaseOf, pickGroup } from '../utils/familyView';
import { CurrentPeriod } from './CurrentPeriod';
import { FamilyEditor } from './FamilyEditor';
import { HealthTag } from './HealthTag';
import { YearAtAGlance } from './YearAtAGlance';

interface FamilyTileProps {
  family: FamilySummaryDto;
  assignee: Assignee;
  environment: CardEnvironment;
}

/** One goal as the scope's assignee sees it: the current period, every period folded away. */
export function FamilyTile({ family, assignee, environment }: FamilyTileProps) {
  const format = useFormat();
  const names = useNames();
  const [editing, setEditing] = useState(false);
  const { settings, timeZone, canEdit } = environment;
  const group = pickGroup(family, assignee);
  const slices = orderedSlices(group);
  const now = environment.now();
  const phase = phaseOf(slices, now);
  const goal: GoalContext = {
    name: family.name,
    goalType: family.goalType,
    milestone: family.milestone,
    timeZone,
    groups: family.groups,
  };
  const first = firstStart(slices);
  const last = slices[slices.length - 1];
  return (
    <Tile compact testId={`family-${family.uuid}`}>
      <Flex direction="column" gap="xs">
        <Flex justify="between" align="center" gap="xs">
          <Heading>{family.name}</Heading>
          {settings.card.showHealth && (
            <HealthTag
              healthy={family.healthy}
              findingCount={family.findingCount}
              testId={`health-${family.uuid}`}
            />
          )}
        </Flex>
        <Flex gap="xs" wrap>
          <Tag variant="info">{format.goalType(family.goalType)}</Tag>
          <Tag>{format.milestone(family.milestone)}</Tag>
        </Flex>
        <Text variant="microcopy">{`For ${names.assignee(group?.assignee)}`}</Text>
        {phase === 'running' && (
          <CurrentPeriod group={group} goal={goal} timeZone={timeZone} testId={`progress-${family.uuid}`} />
        )}
        {phase === 'upcoming' && first && (
          <Text variant="microcopy" testId={`starts-${family.uuid}`}>
            {`Starts ${format.period(first, family.milestone, timeZone)} · ${format.amount(group?.totalTarget ?? null, goal)} in all`}
          </Text>
        )}
        {phase === 'ended' && last && (
          <Text variant="microcopy" testId={`ended-${family.uuid}`}>
            {`Ended ${format.period(last, family.milestone, timeZone)} · ${format.amount(group?.totalKpi ?? null, goal)} of ${format.amount(group?.totalTarget ?? null, goal)}`}
          </Text>
        )}
        {settings.card.showYearAtAGlance && slices.length > 0 && (
          <Accordion
            title={`All ${format.count(slices.length, 'period')}`}
            size="xs"
            testId={`periods-${family.uuid}`}
          >
            <YearAtAGlance
              slices={slices}
              goal={goal}
              timeZone={timeZone}
              now={now}
              testId={`periods-table-${family.uuid}`}
            />
          </Accordion>
        )}
        {canEdit && !editing && (
          <Button
            size="xs"
            variant="secondary"
            onClick={() => setEditing(true)}
            testId={`edit-${family.uuid}`}
          >
            Edit
          </Button>
        )}
        {canEdit && editing && group && (
          <FamilyEditor
            family={family}
            group={group}
            slices={slices}
            goal={goal}
            environment={environment}
            onDone={() => setEditing(false)}
          />
        )}
      </Flex>
    </Tile>
  );
}
