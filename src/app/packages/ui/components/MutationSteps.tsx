import type { PlanDto } from '@goal-families/contract';
import { Button, Flex, LoadingButton, LoadingSpinner } from '@hubspot/ui-extensions';
import type { MutationStep } from '../useMutationFlow';
import { ErrorNotice } from './ErrorNotice';
import { PlanPreview } from './PlanPreview';

interface MutationStepsProps {
  state: MutationStep;
  /** The goal's hs_goal_type (decides how amounts in the preview show), or null when not known here. */
  goalType: string | null;
  currency: string;
  timeZone: string;
  previewLabel?: string;
  applyLabel?: string;
  /** False while the form behind the mutation is invalid. */
  canPreview: boolean;
  onPreview: () => void;
  onApply: (plan: PlanDto) => void;
  onCancel: () => void;
  destructive?: boolean;
}

/** Preview → apply buttons and what each step shows; the form above it stays the caller's. */
export function MutationSteps(props: MutationStepsProps) {
  const { state, goalType, currency, timeZone, canPreview, onPreview, onApply, onCancel } = props;
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

  switch (state.step) {
    case 'idle':
      return (
        <Flex gap="sm">
          {previewButton(props.previewLabel ?? 'Preview changes')}
          {cancelButton}
        </Flex>
      );
    case 'previewing':
      return <LoadingSpinner label="Computing the preview…" showLabel size="sm" />;
    case 'preview':
    case 'applying': {
      const plan = state.plan;
      const empty = plan.updates.length + plan.creates.length + plan.archives.length === 0;
      return (
        <Flex direction="column" gap="sm">
          <PlanPreview plan={plan} goalType={goalType} currency={currency} timeZone={timeZone} />
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
        </Flex>
      );
  }
}
