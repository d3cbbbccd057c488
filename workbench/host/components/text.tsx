/** Text and decoration: Text, Heading, Link, List, Tag, StatusTag, Icon, Image, Tooltip, DescriptionList. */
import type {
  DescriptionListItemProps,
  DescriptionListProps,
  HeadingProps,
  IconProps,
  ImageProps,
  LinkProps,
  ListProps,
  StatusTagProps,
  TagProps,
  TextProps,
  TooltipProps,
} from '@hubspot/ui-extensions';
import { Children, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { OverlayAnchor, useOverlayTrigger } from './overlays';
import { cx, hostAttrs, hrefOf, invoke, toExtensionEvent, useLatest } from './util';

export function Text(props: TextProps) {
  const f = props.format ?? {};
  const style: CSSProperties = {
    fontWeight: f.fontWeight === 'bold' ? 700 : f.fontWeight === 'demibold' ? 600 : undefined,
    fontStyle: f.italic ? 'italic' : undefined,
    textDecoration:
      f.lineDecoration === 'underline'
        ? 'underline'
        : f.lineDecoration === 'strikethrough'
          ? 'line-through'
          : undefined,
    textTransform:
      f.textTransform === 'uppercase' || f.textTransform === 'lowercase' || f.textTransform === 'capitalize'
        ? f.textTransform
        : undefined,
  };
  const truncate = props.truncate;
  const maxWidth = typeof truncate === 'object' ? truncate.maxWidth : undefined;
  const className = cx('hs-text', props.variant === 'microcopy' && 'micro', truncate && 'truncate');
  const Tag = props.inline ? 'span' : 'p';
  return (
    <Tag {...hostAttrs('Text', props)} className={className} style={{ ...style, maxWidth }}>
      {props.children}
    </Tag>
  );
}

export function Heading(props: HeadingProps) {
  return (
    <h3 {...hostAttrs('Heading', props)} className={cx('hs-heading', props.inline && 'inline')}>
      {props.children}
    </h3>
  );
}

export function Link(props: LinkProps) {
  const href = hrefOf(props.href);
  const trigger = useOverlayTrigger();
  const latest = useLatest(props);
  const onClick = async (e: MouseEvent) => {
    if (props.preventDefault || !href || href.url === '' || props.overlay) e.preventDefault();
    await trigger.fire(() => latest.current.onClick, toExtensionEvent(e), Boolean(props.overlay));
  };
  return (
    <>
      <a
        {...hostAttrs('Link', props)}
        className={cx('hs-link', props.variant && `v-${props.variant}`)}
        href={href?.url || '#'}
        target={href?.external ? '_blank' : undefined}
        rel={href?.external ? 'noreferrer' : undefined}
        onClick={onClick}
      >
        {props.children}
      </a>
      <OverlayAnchor trigger={trigger} overlay={props.overlay} />
    </>
  );
}

export function List(props: ListProps) {
  const variant = props.variant ?? 'unordered';
  const items = Children.toArray(props.children).map((child, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity of their own
    <li key={i}>{child}</li>
  ));
  const className = cx('hs-list', `v-${variant}`);
  return variant.startsWith('ordered') ? (
    <ol {...hostAttrs('List', props)} className={className}>
      {items}
    </ol>
  ) : (
    <ul {...hostAttrs('List', props)} className={className}>
      {items}
    </ul>
  );
}

export function Tag(props: TagProps) {
  const trigger = useOverlayTrigger();
  const latest = useLatest(props);
  const clickable = Boolean(props.onClick || props.overlay);
  const className = cx('hs-tag', `v-${props.variant ?? 'default'}`, clickable && 'clickable');
  return (
    <>
      {clickable ? (
        <button
          {...hostAttrs('Tag', props)}
          type="button"
          className={className}
          onClick={(e) =>
            trigger.fire(() => latest.current.onClick, toExtensionEvent(e), Boolean(latest.current.overlay))
          }
        >
          {props.children}
        </button>
      ) : (
        <span {...hostAttrs('Tag', props)} className={className}>
          {props.children}
        </span>
      )}
      <OverlayAnchor trigger={trigger} overlay={props.overlay} />
    </>
  );
}

export function StatusTag(props: StatusTagProps) {
  const className = cx(
    'hs-status-tag',
    `v-${props.variant ?? 'default'}`,
    props.hollow && 'hollow',
    props.onClick && 'clickable',
  );
  const content = (
    <>
      <span className="dot" />
      {props.children}
    </>
  );
  return (
    <span {...hostAttrs('StatusTag', props)} className={className}>
      {props.onClick ? (
        <button type="button" className="hs-plain" onClick={() => invoke(props.onClick)}>
          {content}
        </button>
      ) : (
        content
      )}
      {props.showRemoveIcon && (
        <button
          type="button"
          className="remove"
          aria-label="Remove"
          onClick={() => invoke(props.onRemoveClick)}
        >
          ×
        </button>
      )}
    </span>
  );
}

/** A handful of glyphs for the icons cards use most; others show a neutral dot. */
const glyphs: Record<string, string> = {
  add: '+',
  edit: '✎',
  delete: '🗑',
  success: '✓',
  checkCircle: '✓',
  warning: '⚠',
  exclamation: '!',
  exclamationCircle: '!',
  info: 'ℹ',
  goal: '◎',
  search: '⌕',
  refresh: '↻',
  upCarat: '▲',
  downCarat: '▼',
  left: '‹',
  right: '›',
  copy: '⧉',
  download: '⤓',
  upload: '⤒',
  settings: '⚙',
  clock: '◷',
  date: '▦',
  filter: '⏷',
  remove: '×',
  close: '×',
};

export function Icon(props: IconProps) {
  const name = String(props.name);
  return (
    <span
      {...hostAttrs('Icon', props)}
      className={cx('hs-icon', props.color && `c-${props.color}`, `s-${props.size ?? 'md'}`)}
      role="img"
      aria-label={props.screenReaderText ?? name}
      title={name}
    >
      {glyphs[name] ?? '•'}
    </span>
  );
}

export function Image(props: ImageProps) {
  const href = hrefOf(props.href);
  const img = (
    <img
      {...hostAttrs('Image', props)}
      src={props.src}
      alt={props.alt ?? ''}
      width={props.width}
      height={props.height}
    />
  );
  return href ? (
    <a href={href.url} target="_blank" rel="noreferrer">
      {img}
    </a>
  ) : (
    img
  );
}

/** The SDK's Tooltip is a fragment on other components; stand-alone we show it as a hover title. */
export function Tooltip(props: TooltipProps) {
  return (
    <span {...hostAttrs('Tooltip', props)} className="hs-tooltip">
      {props.children}
    </span>
  );
}

export function DescriptionList(props: DescriptionListProps) {
  return (
    <dl {...hostAttrs('DescriptionList', props)} className={cx('hs-dl', props.direction === 'row' && 'row')}>
      {props.children}
    </dl>
  );
}

export function DescriptionListItem(props: DescriptionListItemProps & { children: ReactNode }) {
  return (
    <div {...hostAttrs('DescriptionListItem', props)} className="hs-dl-item">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
