import { ErrorNotice, PlanPreview, useMutationFlow } from '@goal-families/ui';
import { Button, Flex, LoadingSpinner, Modal, ModalBody, ModalFooter, Text } from '@hubspot/ui-extensions';
import type { FamilyActionProps } from './FamilyDetail';

export const ARCHIVE_MODAL_ID = 'confirm-archive-family';

/** F7: preview every slice to archive, then confirm in a dialog that names the family and the count. */
export function ArchiveFamily({ family, environment, onApplied, onCancel }: FamilyActionProps) {
  const { client, actions, currency } = environment;
  const flow = useMutationFlow(
    (request) => client.call('goal_family_archive', { uuid: family.uuid, ...request }),
    (result) => onApplied(result.plan.summary),
  );
  const state = flow.state;
  const close = () => actions.closeOverlay(ARCHIVE_MODAL_ID);

  if (state.step === 'idle') {
    return (
      <Flex gap="sm">
        <Button variant="secondary" onClick={() => flow.preview()} testId="preview-button">
          Preview what is archived
        </Button>
        <Button variant="transparent" onClick={() => onCancel()}>
          Cancel
        </Button>
      </Flex>
    );
  }
  if (state.step === 'previewing' || state.step === 'applying') {
    return (
      <LoadingSpinner label={state.step === 'applying' ? 'Archiving…' : 'Computing the preview…'} showLabel />
    );
  }
  if (state.step === 'failed') {
    return (
      <Flex direction="column" gap="sm">
        <ErrorNotice error={state.error} />
        <Button variant="secondary" onClick={() => flow.preview()} testId="preview-button">
          Preview again
        </Button>
      </Flex>
    );
  }
  if (state.step === 'applied') return null;

  const plan = state.plan;
  const count = plan.archives.length;
  const assignees = family.groups.length;
  return (
    <Flex direction="column" gap="sm">
      <PlanPreview
        plan={plan}
        goalType={family.goalType}
        currency={currency}
        timeZone={family.convention.timeZone}
      />
      <Flex gap="sm">
        <Button
          variant="destructive"
          disabled={count === 0}
          testId="archive-button"
          overlay={
            <Modal id={ARCHIVE_MODAL_ID} title={`Archive “${family.name}”?`} variant="danger" width="sm">
              <ModalBody>
                <Text testId="archive-confirmation">
                  {`All ${count} slice${count === 1 ? '' : 's'} of “${family.name}” (${assignees} assignee${assignees === 1 ? '' : 's'}) will be archived. The goal disappears from HubSpot's goal views; archived records can be restored for 90 days.`}
                </Text>
                {count !== family.sliceCount && (
                  <Text variant="microcopy">{`The goal showed ${family.sliceCount} slices when you opened it; the preview found ${count}.`}</Text>
                )}
              </ModalBody>
              <ModalFooter>
                <Flex gap="sm">
                  <Button
                    variant="destructive"
                    onClick={() => {
                      close();
                      flow.apply(plan);
                    }}
                    testId="archive-confirm"
                  >
                    {`Archive ${count} slice${count === 1 ? '' : 's'}`}
                  </Button>
                  <Button variant="secondary" onClick={close} testId="archive-keep">
                    Keep it
                  </Button>
                </Flex>
              </ModalFooter>
            </Modal>
          }
        >
          Archive…
        </Button>
        <Button variant="transparent" onClick={() => onCancel()}>
          Cancel
        </Button>
      </Flex>
    </Flex>
  );
}
