import type { Assignee, FamilySummaryDto } from '@goal-families/contract';
import { Button, Flex, Heading, Tag, Text, Tile } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { CardEnvironment } from '../types/card';
import { assigneeLabel, orderedSlices, pickGroup } from '../utils/familyView';
import { CurrentPeriod } from './CurrentPeriod';
import { FamilyEditor } from './FamilyEditor';
import { HealthTag } from './HealthTag';
import { YearAtAGlance } from './YearAtAGlance';

interface FamilyTileProps {
  family: FamilySummaryDto;
  assignee: Assignee;
  environment: CardEnvironment;
}

/** One goal family as the scope's assignee sees it. */
export function FamilyTile({ family, assignee, environment: portal }: FamilyTileProps) {
  const [editing, setEditing] = useState(false);
  // Every period of this family shows in its own zone, read from its slices, whatever the portal's.
  const environment = { ...portal, timeZone: family.convention.timeZone };
  const { settings, timeZone, canEdit } = environment;
  const currency = settings.defaults.currency;
  const group = pickGroup(family, assignee);
  const slices = orderedSlices(group);
  return (
    <Tile compact testId={`family-${family.uuid}`}>
      <Flex direction="column" gap="xs">
        <Flex justify="between" align="center" gap="xs">
          <Heading>{family.name}</Heading>
          {settings.card.showHealth && (
            <HealthTag healthy={family.healthy} findingCount={family.findingCount} />
          )}
        </Flex>
        <Flex gap="xs" wrap>
          <Tag variant="info">{family.goalType}</Tag>
          <Tag>{family.milestone}</Tag>
        </Flex>
        <Text variant="microcopy">{`Assignee: ${assigneeLabel(group)}`}</Text>
        <CurrentPeriod
          group={group}
          milestone={family.milestone}
          goalType={family.goalType}
          currency={currency}
          timeZone={timeZone}
        />
        {settings.card.showYearAtAGlance && (
          <YearAtAGlance
            slices={slices}
            milestone={family.milestone}
            goalType={family.goalType}
            currency={currency}
            timeZone={timeZone}
            now={environment.now()}
          />
        )}
        {canEdit && !editing && (
          <Button size="xs" variant="secondary" onClick={() => setEditing(true)} testId="edit-button">
            Edit
          </Button>
        )}
        {canEdit && editing && group && (
          <FamilyEditor
            family={family}
            group={group}
            slices={slices}
            environment={environment}
            onDone={() => setEditing(false)}
          />
        )}
      </Flex>
    </Tile>
  );
}
