import { Button, Flex, Text } from '@hubspot/ui-extensions';

interface FamiliesPagerProps {
  page: number;
  pages: number;
  total: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous / "Page x of y · n goals" / Next under the families table. */
export function FamiliesPager({ page, pages, total, hasNext, onPrevious, onNext }: FamiliesPagerProps) {
  return (
    <Flex gap="sm" align="center">
      <Button size="xs" disabled={page === 1} onClick={onPrevious} testId="page-previous">
        Previous
      </Button>
      <Text testId="page-position">{`Page ${page} of ${pages} · ${total} goals`}</Text>
      <Button size="xs" disabled={!hasNext} onClick={onNext} testId="page-next">
        Next
      </Button>
    </Flex>
  );
}
