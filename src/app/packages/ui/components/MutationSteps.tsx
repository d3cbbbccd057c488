import type { PlanDto } from '@goal-families/contract';
import { Button, Checkbox, Flex, LoadingButton, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { GoalContext } from '../planText';
import type { MutationStep } from '../useMutationFlow';
import { ErrorNotice } from './ErrorNotice';
import { PlanPreview } from './PlanPreview';

interface MutationStepsProps {
  state: MutationStep;
  /** The goal the change is about: how amounts, periods and targets in the preview read. */
  goal: GoalContext;
  previewLabel?: string;
  applyLabel?: string;
  /**
   * Why the preview cannot run yet, in the user's words ("Choose at least one assignee."); empty when
   * the form is complete. Shown beside the disabled button, so it is never disabled silently.
   */
  missing: readonly string[];
  onPreview: () => void;
  onApply: (plan: PlanDto) => void;
  onCancel: () => void;
  destructive?: boolean;
  /**
   * F17: offer "notify the assignees" (off by default) before the preview; omitted where a change
   * notifies nobody. The caller resets the flow when it changes, so a preview is never stale.
   */
  notify?: { checked: boolean; onChange: (checked: boolean) => void };
}

/** What still blocks the preview, as a short list under the disabled button. */
export function MissingList({ missing }: { missing: readonly string[] }) {
  if (missing.length === 0) return null;
  return (
    <Flex direction="column" gap="flush" testId="preview-missing">
      <Text variant="microcopy" format={{ fontWeight: 'demibold' }}>
        To preview, first:
      </Text>
      {missing.map((line) => (
        <Text key={line} variant="microcopy">{`• ${line}`}</Text>
      ))}
    </Flex>
  );
}

/** Preview → apply buttons and what each step shows; the form above it stays the caller's. */
export function MutationSteps(props: MutationStepsProps) {
  const { state, goal, missing, onPreview, onApply, onCancel, notify } = props;
  const canPreview = missing.length === 0;
  const previewButton = (label: string) => (
    <Button variant="secondary" disabled={!canPreview} onClick={() => onPreview()} testId="preview-button">
      {label}
    </Button>
  );
  const cancelButton = (
    <Button variant="transparent" onClick={() => onCancel()} testId="cancel-button">
      Cancel
    </Button>
  );
  const notifyBox = notify && (
    <Checkbox
      name="notify"
      checked={notify.checked}
      onChange={(checked) => notify.onChange(checked)}
      description="HubSpot tells each assignee whose targets change."
      testId="notify-checkbox"
    >
      Notify the assignees
    </Checkbox>
  );

  switch (state.step) {
    case 'idle':
      return (
        <Flex direction="column" gap="sm">
          {notifyBox}
          <Flex gap="sm" align="center">
            {previewButton(props.previewLabel ?? 'Preview changes')}
            {cancelButton}
          </Flex>
          <MissingList missing={missing} />
        </Flex>
      );
    case 'previewing':
      return <LoadingSpinner label="Preparing the preview…" showLabel size="sm" />;
    case 'preview':
    case 'applying': {
      const plan = state.plan;
      const empty = plan.updates.length + plan.creates.length + plan.archives.length === 0;
      return (
        <Flex direction="column" gap="sm">
          <PlanPreview plan={plan} goal={goal} />
          {notify?.checked && (
            <Text variant="microcopy" testId="notify-on">
              HubSpot will notify the assignees whose targets change.
            </Text>
          )}
          <Flex gap="sm">
            <LoadingButton
              variant={props.destructive ? 'destructive' : 'primary'}
              loading={state.step === 'applying'}
              disabled={empty || state.step === 'applying'}
              onClick={() => onApply(plan)}
              testId="apply-button"
            >
              {props.applyLabel ?? 'Apply'}
            </LoadingButton>
            {cancelButton}
          </Flex>
          {empty && (
            <Text variant="microcopy" testId="apply-nothing">
              There is nothing to apply: the goal already looks like this.
            </Text>
          )}
        </Flex>
      );
    }
    case 'applied':
      return null;
    case 'failed':
      return (
        <Flex direction="column" gap="sm">
          <ErrorNotice error={state.error} />
          <Flex gap="sm">
            {previewButton('Preview again')}
            {cancelButton}
          </Flex>
          <MissingList missing={missing} />
        </Flex>
      );
  }
}
