/** Status and feedback: Alert, ProgressBar, Statistics, EmptyState, ErrorState, LoadingSpinner, StepIndicator, ScoreCircle. */
import type {
  AlertProps,
  EmptyStateProps,
  ErrorStateProps,
  LoadingSpinnerProps,
  ProgressBarProps,
  StatisticsItemProps,
  StatisticsProps,
  StatisticsTrendProps,
  StepIndicatorProps,
} from '@hubspot/ui-extensions';
import { cx, hostAttrs, invoke, sizeToken } from './util';

export function Alert(props: AlertProps) {
  const variant = props.variant === 'error' ? 'danger' : (props.variant ?? 'info');
  return (
    <div
      {...hostAttrs('Alert', props)}
      role={variant === 'danger' ? 'alert' : 'status'}
      className={cx('hs-alert', `v-${variant}`)}
    >
      <strong className="title">{props.title}</strong>
      {props.children && <div className="body">{props.children}</div>}
    </div>
  );
}

/** Percent of `value` in `maxValue` (HubSpot also accepts `valueMax`), clamped to 0..100. */
export function progressPercent(value: number | undefined, max: number | undefined): number {
  const m = max && max > 0 ? max : 100;
  const pct = ((value ?? 0) / m) * 100;
  return Math.max(0, Math.min(100, Number.isFinite(pct) ? pct : 0));
}

export function ProgressBar(props: ProgressBarProps) {
  const max = props.maxValue ?? props.valueMax ?? 100;
  const pct = progressPercent(props.value, max);
  return (
    <div
      {...hostAttrs('ProgressBar', props)}
      className={cx('hs-progress', `v-${props.variant ?? 'success'}`)}
    >
      {(props.title || props.showPercentage || props.valueDescription) && (
        <div className="meta">
          <span className="title">{props.title}</span>
          <span className="desc">
            {props.valueDescription}
            {props.showPercentage && ` ${Math.round(pct)}%`}
          </span>
        </div>
      )}
      <div
        className="track"
        role="progressbar"
        aria-label={props['aria-label'] ?? props.title}
        aria-valuenow={props.value ?? 0}
        aria-valuemin={0}
        aria-valuemax={max}
      >
        <div className="fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

export function Statistics(props: StatisticsProps) {
  return (
    <div {...hostAttrs('Statistics', props)} className="hs-statistics">
      {props.children}
    </div>
  );
}

export function StatisticsItem(props: StatisticsItemProps) {
  return (
    <div {...hostAttrs('StatisticsItem', props)} className="hs-stat">
      <div className="label">{props.label}</div>
      <div className="number">{props.number}</div>
      {props.children && <div className="extra">{props.children}</div>}
    </div>
  );
}

export function StatisticsTrend(props: StatisticsTrendProps) {
  const up = props.direction === 'increase';
  const color = props.color ?? (up ? 'green' : 'red');
  return (
    <span {...hostAttrs('StatisticsTrend', props)} className={cx('hs-trend', `c-${color}`)}>
      {up ? '▲' : '▼'} {props.value}
    </span>
  );
}

export function EmptyState(props: EmptyStateProps) {
  return (
    <div
      {...hostAttrs('EmptyState', props)}
      className={cx(
        'hs-empty',
        props.layout === 'vertical' && 'vertical',
        props.reverseOrder && 'reverse',
        props.flush && 'flush',
      )}
    >
      <div
        className="art"
        aria-hidden="true"
        style={{ width: props.imageWidth ? Math.min(props.imageWidth, 160) : undefined }}
      >
        ◎
      </div>
      <div className="content">
        {props.title && <h3 className="hs-heading">{props.title}</h3>}
        {props.children}
      </div>
    </div>
  );
}

export function ErrorState(props: ErrorStateProps) {
  return (
    <div
      {...hostAttrs('ErrorState', props)}
      role="alert"
      className={cx('hs-empty', 'hs-error-state', `t-${props.type ?? 'error'}`)}
    >
      <div className="art" aria-hidden="true">
        {props.type === 'lock' ? '🔒' : '⚠'}
      </div>
      <div className="content">
        <h3 className="hs-heading">{props.title ?? 'Something went wrong.'}</h3>
        {props.children}
      </div>
    </div>
  );
}

export function LoadingSpinner(props: LoadingSpinnerProps) {
  return (
    <div
      {...hostAttrs('LoadingSpinner', props)}
      role="status"
      aria-label={props.label}
      className={cx(
        'hs-loading',
        props.layout === 'centered' && 'centered',
        `s-${sizeToken(props.size, 'sm')}`,
      )}
    >
      <span className="hs-spinner" aria-hidden="true" />
      {props.showLabel && <span className="label">{props.label}</span>}
    </div>
  );
}

export function StepIndicator(props: StepIndicatorProps) {
  const current = props.currentStep ?? 0;
  return (
    <ol
      {...hostAttrs('StepIndicator', props)}
      className={cx('hs-steps', props.direction === 'vertical' && 'vertical')}
    >
      {props.stepNames.map((name, i) => (
        <li
          key={name}
          className={cx(i < current && 'done', i === current && 'current')}
          aria-current={i === current ? 'step' : undefined}
        >
          <button type="button" disabled={!props.onClick} onClick={() => invoke(props.onClick, i)}>
            <span className="circle">{i < current ? '✓' : i + 1}</span>
            <span className="name">{name}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

export function ScoreCircle(props: { score: number; maxValue?: number; testId?: string }) {
  const pct = progressPercent(props.score, props.maxValue ?? 100);
  return (
    <div {...hostAttrs('ScoreCircle', props)} className="hs-score" style={{ ['--pct' as string]: `${pct}%` }}>
      {props.score}
    </div>
  );
}
