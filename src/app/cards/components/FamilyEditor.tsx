import type { FamilySummaryDto, GroupDto, PlanDto, SliceDto } from '@goal-families/contract';
import { type GoalContext, planSummary, useFormat, useNames } from '@goal-families/ui';
import { Divider, Flex, Select } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { CardEnvironment } from '../types/card';
import { AmountEdit } from './AmountEdit';
import { RenameEdit } from './RenameEdit';
import { RespreadEdit } from './RespreadEdit';

export type EditKind = 'amount' | 'respread' | 'rename';

const EDIT_OPTIONS: { label: string; value: EditKind }[] = [
  { label: "One period's target", value: 'amount' },
  { label: 'Spread a new total over the rest of the year', value: 'respread' },
  { label: 'Rename the goal', value: 'rename' },
];

export interface EditFormProps {
  family: FamilySummaryDto;
  group: GroupDto;
  slices: SliceDto[];
  goal: GoalContext;
  environment: CardEnvironment;
  onApplied: (plan: PlanDto) => void;
  onCancel: () => void;
}

interface FamilyEditorProps {
  family: FamilySummaryDto;
  group: GroupDto;
  slices: SliceDto[];
  goal: GoalContext;
  environment: CardEnvironment;
  onDone: () => void;
}

/** The three edits the card offers; each previews exactly which targets change before applying. */
export function FamilyEditor({ family, group, slices, goal, environment, onDone }: FamilyEditorProps) {
  const format = useFormat();
  const names = useNames();
  const [kind, setKind] = useState<EditKind>('amount');
  const onApplied = (plan: PlanDto) => {
    environment.actions.addAlert({
      type: 'success',
      title: `${family.name} updated`,
      message: planSummary(plan, { format, names, goal }),
    });
    onDone();
    environment.refresh();
  };
  const formProps: EditFormProps = { family, group, slices, goal, environment, onApplied, onCancel: onDone };
  return (
    <Flex direction="column" gap="sm">
      <Divider />
      <Select
        label="Change"
        name="edit-kind"
        value={kind}
        options={EDIT_OPTIONS}
        onChange={(value) => setKind(value as EditKind)}
        testId="edit-kind"
      />
      {kind === 'amount' && <AmountEdit {...formProps} />}
      {kind === 'respread' && <RespreadEdit {...formProps} />}
      {kind === 'rename' && <RenameEdit {...formProps} />}
    </Flex>
  );
}
