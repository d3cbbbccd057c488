/** Layout: Flex, Box, Inline, Stack, AutoGrid, Divider, Spacer, Tile, Card, ButtonRow. */
import type {
  AutoGridProps,
  BoxProps,
  ButtonRowProps,
  CardProps,
  DividerProps,
  FlexProps,
  InlineProps,
  SpacerProps,
  StackProps,
  TileProps,
} from '@hubspot/ui-extensions';
import type { CSSProperties } from 'react';
import { cx, hostAttrs, sizeToken } from './util';

const gapPx: Record<string, number> = { flush: 0, xs: 4, sm: 8, md: 16, lg: 24, xl: 32 };
export const distance = (d: unknown, fallback = 'flush') => gapPx[sizeToken(d, fallback)] ?? 0;

const justifyCss: Record<string, string> = {
  start: 'flex-start',
  end: 'flex-end',
  center: 'center',
  between: 'space-between',
  around: 'space-around',
};
const alignCss: Record<string, string> = {
  start: 'flex-start',
  end: 'flex-end',
  center: 'center',
  baseline: 'baseline',
  stretch: 'stretch',
  auto: 'auto',
};

export function Flex(props: FlexProps) {
  const style: CSSProperties = {
    display: 'flex',
    flexDirection: props.direction === 'column' ? 'column' : 'row',
    gap: distance(props.gap),
    justifyContent: justifyCss[props.justify ?? 'start'],
    alignItems: props.align ? alignCss[props.align] : props.direction === 'column' ? 'stretch' : undefined,
    alignSelf: props.alignSelf ? alignCss[props.alignSelf] : undefined,
    flexWrap: props.wrap === true || props.wrap === 'wrap' ? 'wrap' : 'nowrap',
  };
  return (
    <div {...hostAttrs('Flex', props)} style={style}>
      {props.children}
    </div>
  );
}

export function Stack(props: StackProps) {
  return (
    <Flex
      testId={props.testId}
      direction={props.direction ?? 'column'}
      gap={props.distance ?? 'sm'}
      justify={props.justify}
      align={props.align}
    >
      {props.children}
    </Flex>
  );
}

export function Inline(props: InlineProps) {
  return (
    <Flex
      testId={props.testId}
      direction="row"
      gap={props.gap ?? 'sm'}
      justify={props.justify}
      align={props.align ?? 'center'}
      wrap
    >
      {props.children}
    </Flex>
  );
}

export function Box(props: BoxProps) {
  const flex = props.flex;
  const style: CSSProperties = {
    flex:
      typeof flex === 'number' ? flex : flex === 'auto' ? '1 1 auto' : flex === 'none' ? 'none' : undefined,
    alignSelf: props.alignSelf ? alignCss[props.alignSelf] : undefined,
    minWidth: 0,
  };
  return (
    <div {...hostAttrs('Box', props)} style={style}>
      {props.children}
    </div>
  );
}

export function AutoGrid(props: AutoGridProps) {
  const style: CSSProperties = {
    display: 'grid',
    gap: distance(props.gap, 'sm'),
    gridTemplateColumns: `repeat(auto-fill, minmax(${props.columnWidth}px, ${props.flexible ? '1fr' : `${props.columnWidth}px`}))`,
  };
  return (
    <div {...hostAttrs('AutoGrid', props)} style={style}>
      {props.children}
    </div>
  );
}

export function Divider(props: DividerProps) {
  const d = distance(props.distance ?? props.size, 'sm');
  return <hr {...hostAttrs('Divider', props)} className="hs-divider" style={{ margin: `${d}px 0` }} />;
}

export function Spacer(props: SpacerProps) {
  return <div {...hostAttrs('Spacer', props)} style={{ height: distance(props.size, 'md') }} />;
}

export function Tile(props: TileProps) {
  return (
    <div
      {...hostAttrs('Tile', props)}
      className={cx('hs-tile', props.compact && 'compact', props.flush && 'flush')}
    >
      {props.children}
    </div>
  );
}

export function Card(props: CardProps) {
  return (
    <div {...hostAttrs('Card', props)} className="hs-tile">
      {props.children}
    </div>
  );
}

export function ButtonRow(props: ButtonRowProps) {
  return (
    <div {...hostAttrs('ButtonRow', props)} className="hs-button-row">
      {props.children}
    </div>
  );
}
