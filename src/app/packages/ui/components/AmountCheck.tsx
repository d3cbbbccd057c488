import { Alert, Checkbox, Text } from '@hubspot/ui-extensions';
import type { AmountSanity } from '../sanity';

interface AmountCheckProps {
  sanity: AmountSanity;
  /** The new and the current amount, already formatted in the goal's unit. */
  next: string;
  current: string | null;
  confirmed: boolean;
  /** For the factor ("10.5 times"). */
  locale: string;
  onConfirm: (confirmed: boolean) => void;
  testId?: string;
}

/**
 * Flags amounts that are probably typos: ten times above or below the current target needs an explicit
 * "yes" before the preview; zero is allowed and only explained.
 */
export function AmountCheck(props: AmountCheckProps) {
  const { sanity, next, current, confirmed, onConfirm, locale, testId = 'amount-check' } = props;
  if (sanity.kind === 'ok') return null;
  if (sanity.kind === 'zero') {
    return (
      <Text variant="microcopy" testId={`${testId}-zero`}>
        A target of 0 is allowed: this period then counts for nothing toward the goal.
      </Text>
    );
  }
  const times = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(sanity.factor);
  const relation =
    sanity.kind === 'much-higher'
      ? `${times} times the current target`
      : `${times} times less than the current target`;
  return (
    <Alert title="Is this amount right?" variant="warning" testId={testId}>
      <Text>{`${next} is ${relation}${current ? ` (${current})` : ''}. A zero too many or too few is easy to type.`}</Text>
      <Checkbox
        name="confirm-amount"
        checked={confirmed}
        onChange={(c) => onConfirm(c)}
        testId={`${testId}-confirm`}
      >
        {`Yes, ${next} is what I mean`}
      </Checkbox>
    </Alert>
  );
}
