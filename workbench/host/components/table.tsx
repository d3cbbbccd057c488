/** Table and its parts, with HubSpot's paging footer and sortable headers. */
import type { TableCellProps, TableElementProps, TableHeaderProps, TableProps } from '@hubspot/ui-extensions';
import { useEffect, useState } from 'react';
import { cx, hostAttrs, invoke, useLatest } from './util';

/** Which page buttons to show: a window of `max` pages around the current one. */
export function pageWindow(page: number, pageCount: number, max: number): number[] {
  const size = Math.max(1, Math.min(max, pageCount));
  let start = Math.max(1, page - Math.floor(size / 2));
  start = Math.min(start, Math.max(1, pageCount - size + 1));
  return Array.from({ length: size }, (_, i) => start + i);
}

function Pager(props: Extract<TableProps, { paginated: true }>) {
  const latest = useLatest(props);
  const [page, setPage] = useState(props.page ?? 1);
  useEffect(() => {
    if (props.page !== undefined) setPage(props.page);
  }, [props.page]);
  const count = Math.max(1, props.pageCount);
  const go = (n: number) => {
    const next = Math.min(count, Math.max(1, n));
    if (next === page) return;
    setPage(next);
    void invoke(latest.current.onPageChange, next);
  };
  const labels = props.showButtonLabels !== false;
  return (
    <nav className="hs-pager" aria-label="Table pages">
      {props.showFirstLastButtons && (
        <button type="button" disabled={page <= 1} onClick={() => go(1)} aria-label="First page">
          «{labels && ' First'}
        </button>
      )}
      <button type="button" disabled={page <= 1} onClick={() => go(page - 1)} aria-label="Previous page">
        ‹{labels && ' Prev'}
      </button>
      {pageWindow(page, count, props.maxVisiblePageButtons ?? 5).map((n) => (
        <button
          key={n}
          type="button"
          className={cx('num', n === page && 'current')}
          aria-current={n === page ? 'page' : undefined}
          aria-label={`Page ${n}`}
          onClick={() => go(n)}
        >
          {n}
        </button>
      ))}
      <button type="button" disabled={page >= count} onClick={() => go(page + 1)} aria-label="Next page">
        {labels && 'Next '}›
      </button>
      {props.showFirstLastButtons && (
        <button type="button" disabled={page >= count} onClick={() => go(count)} aria-label="Last page">
          {labels && 'Last '}»
        </button>
      )}
    </nav>
  );
}

export function Table(props: TableProps) {
  return (
    <div {...hostAttrs('Table', props)} className="hs-table-wrap">
      <table
        className={cx(
          'hs-table',
          props.bordered !== false && 'bordered',
          props.flush && 'flush',
          `d-${props.density ?? 'default'}`,
        )}
      >
        {props.children}
      </table>
      {props.paginated && <Pager {...props} />}
    </div>
  );
}

export const TableHead = (p: TableElementProps) => <thead {...hostAttrs('TableHead', p)}>{p.children}</thead>;
export const TableBody = (p: TableElementProps) => <tbody {...hostAttrs('TableBody', p)}>{p.children}</tbody>;
export const TableFooter = (p: TableElementProps) => (
  <tfoot {...hostAttrs('TableFooter', p)}>{p.children}</tfoot>
);
export const TableRow = (p: TableElementProps) => <tr {...hostAttrs('TableRow', p)}>{p.children}</tr>;

const widthStyle = (w: unknown) =>
  typeof w === 'number'
    ? { width: w }
    : w === 'min'
      ? { width: '1%', whiteSpace: 'nowrap' as const }
      : undefined;

export function TableCell(p: TableCellProps) {
  return (
    <td
      {...hostAttrs('TableCell', p)}
      colSpan={p.colSpan}
      style={{ textAlign: p.align, ...widthStyle(p.width) }}
    >
      {p.children}
    </td>
  );
}

const nextSort = { none: 'ascending', ascending: 'descending', descending: 'none' } as const;

export function TableHeader(p: TableHeaderProps) {
  const sortable = p.sortDirection !== undefined && p.sortDirection !== 'never';
  const latest = useLatest(p);
  const arrow = p.sortDirection === 'ascending' ? '▲' : p.sortDirection === 'descending' ? '▼' : '⇅';
  return (
    <th
      {...hostAttrs('TableHeader', p)}
      style={{ textAlign: p.align, ...widthStyle(p.width) }}
      aria-sort={
        sortable && p.sortDirection !== 'none' ? (p.sortDirection as 'ascending' | 'descending') : undefined
      }
    >
      {sortable ? (
        <button
          type="button"
          className="hs-sort"
          disabled={'disabled' in p ? p.disabled : false}
          onClick={() => {
            const current = latest.current;
            if (current.sortDirection && current.sortDirection !== 'never' && 'onSortChange' in current) {
              void invoke(current.onSortChange, nextSort[current.sortDirection]);
            }
          }}
        >
          {p.children} <span className="arrow">{arrow}</span>
        </button>
      ) : (
        p.children
      )}
    </th>
  );
}
