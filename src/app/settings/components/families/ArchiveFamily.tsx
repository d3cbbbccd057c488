import { ErrorNotice, PlanPreview, peopleAndTeams, useFormat, useMutationFlow } from '@goal-families/ui';
import { Button, Flex, LoadingSpinner, Modal, ModalBody, ModalFooter, Text } from '@hubspot/ui-extensions';
import type { FamilyActionProps } from './FamilyDetail';

export const ARCHIVE_MODAL_ID = 'confirm-archive-family';

/** F7: preview every target to archive, then confirm in a dialog that names the goal and the count. */
export function ArchiveFamily({ family, environment, goal, onApplied, onCancel }: FamilyActionProps) {
  const format = useFormat();
  const { client, actions } = environment;
  const flow = useMutationFlow(
    (request) => client.call('goal_family_archive', { uuid: family.uuid, ...request }),
    (result) => onApplied(`${format.count(result.plan.archives.length, 'target')} archived.`),
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
      <LoadingSpinner label={state.step === 'applying' ? 'Archiving…' : 'Preparing the preview…'} showLabel />
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
  const people = peopleAndTeams(
    family.groups.map((g) => g.assignee),
    format,
  );
  return (
    <Flex direction="column" gap="sm">
      <PlanPreview plan={plan} goal={goal} />
      <Flex gap="sm">
        <Button
          variant="destructive"
          disabled={count === 0}
          testId="archive-button"
          overlay={
            <Modal id={ARCHIVE_MODAL_ID} title={`Archive “${family.name}”?`} variant="danger" width="sm">
              <ModalBody>
                <Text testId="archive-confirmation">
                  {`All ${format.count(count, 'target')} of “${family.name}” (${people}) will be archived. The goal disappears from HubSpot’s goal views; archived targets can be restored in HubSpot for 90 days.`}
                </Text>
                {count !== family.sliceCount && (
                  <Text variant="microcopy">{`The goal had ${format.count(family.sliceCount, 'target')} when you opened it; the preview found ${format.integer(count)}.`}</Text>
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
                    {`Archive ${format.count(count, 'target')}`}
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
