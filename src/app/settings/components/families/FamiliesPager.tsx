import { useFormat } from '@goal-families/ui';
import { Button, Flex, Text } from '@hubspot/ui-extensions';

interface FamiliesPagerProps {
  page: number;
  pages: number;
  total: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous / "Page x of y · n goals" / Next under the goals table. */
export function FamiliesPager({ page, pages, total, hasNext, onPrevious, onNext }: FamiliesPagerProps) {
  const format = useFormat();
  return (
    <Flex gap="sm" align="center">
      <Button size="xs" disabled={page === 1} onClick={onPrevious} testId="page-previous">
        Previous
      </Button>
      <Text testId="page-position">{`Page ${format.integer(page)} of ${format.integer(pages)} · ${format.count(total, 'goal')}`}</Text>
      <Button size="xs" disabled={!hasNext} onClick={onNext} testId="page-next">
        Next
      </Button>
    </Flex>
  );
}
