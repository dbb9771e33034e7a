import { useEffect, useId, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AccountRow } from '../../shared/contract';
import type { AccountSortField } from '../../shared/domain/accounts';
import { useFormat } from '../app/use-format';
import { Icon } from '../components/icons';
import { ACCOUNT_COLUMNS, ACCOUNT_GRID_TEMPLATE } from './account-columns';
import { ariaSortFor } from './account-sort';
import type { AccountSort } from './account-sort';
import { clampIndex } from './account-pages';

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 40;

interface Props {
  total: number;
  rowAt(index: number): AccountRow | undefined;
  ensureRange(first: number, last: number): void;
  sort: AccountSort;
  onSort(field: AccountSortField): void;
  activeIndex: number;
  onActiveIndex(index: number): void;
  onOpen(row: AccountRow, index: number): void;
  initialScrollTop: number;
  onScrollTop(top: number): void;
  autoFocus: boolean;
  label: string;
  /** Changes with search, filters and sort: a new result set starts at the top. */
  resultKey: string;
  stale: boolean;
}

/**
 * The accounts list as an ARIA grid: only the rows in view exist in the DOM, so ten thousand
 * accounts scroll like sixty. One tab stop; arrow keys move the active row, Enter opens it.
 */
export function AccountsGrid(props: Props) {
  const { total, rowAt, ensureRange, sort, onSort, activeIndex, onActiveIndex, onOpen } = props;
  const fmt = useFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const rowId = (index: number) => `${idPrefix}-row-${index}`;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: props.initialScrollTop,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    ensureRange(first, last);
  }, [first, last, ensureRange]);

  useEffect(() => {
    if (props.autoFocus) scrollRef.current?.focus({ preventScroll: true });
    // Only on arrival.
  }, []);

  const firstResult = useRef(props.resultKey);
  useEffect(() => {
    if (firstResult.current === props.resultKey) return;
    firstResult.current = props.resultKey;
    virtualizer.scrollToOffset(0);
  }, [props.resultKey, virtualizer]);

  const active = clampIndex(activeIndex, total);
  const activeRendered = items.some((item) => item.index === active);

  const moveTo = (index: number) => {
    const next = clampIndex(index, total);
    onActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(active + 1);
        break;
      case 'ArrowUp':
        moveTo(active - 1);
        break;
      case 'PageDown':
        moveTo(active + pageRows);
        break;
      case 'PageUp':
        moveTo(active - pageRows);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(total - 1);
        break;
      case 'Enter': {
        const row = rowAt(active);
        if (row) onOpen(row, active);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div
      ref={scrollRef}
      className={`accounts-grid${props.stale ? ' accounts-grid--stale' : ''}`}
      role="grid"
      aria-busy={props.stale || undefined}
      aria-label={props.label}
      aria-rowcount={total + 1}
      aria-colcount={ACCOUNT_COLUMNS.length}
      aria-activedescendant={activeRendered ? rowId(active) : undefined}
      aria-readonly="true"
      tabIndex={0}
      data-accounts-grid
      onKeyDown={onKeyDown}
      onScroll={(event) => props.onScrollTop(event.currentTarget.scrollTop)}
      style={{ ['--grid-columns' as string]: ACCOUNT_GRID_TEMPLATE }}
    >
      <div role="rowgroup" className="accounts-grid__head">
        <div role="row" aria-rowindex={1} className="accounts-grid__row accounts-grid__row--head" style={{ height: HEADER_HEIGHT }}>
          {ACCOUNT_COLUMNS.map((column) => (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={column.sort ? ariaSortFor(sort, column.sort) : undefined}
              className={`accounts-grid__cell accounts-grid__cell--head align-${column.align ?? 'start'}`}
            >
              {column.sort ? (
                <button type="button" className="sort-button" onClick={() => onSort(column.sort!)}>
                  <span>{column.label}</span>
                  <span className={`sort-button__icon${sort.field === column.sort ? ' sort-button__icon--active' : ''}`} aria-hidden="true">
                    <Icon name={sort.field === column.sort ? (sort.direction === 'asc' ? 'arrowUp' : 'arrowDown') : 'sort'} size={13} />
                  </span>
                </button>
              ) : (
                <span className="sort-button sort-button--static">{column.label}</span>
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="accounts-grid__body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const isActive = item.index === active;
          return (
            <div
              key={item.key}
              id={rowId(item.index)}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={isActive}
              className={`accounts-grid__row${isActive ? ' accounts-grid__row--active' : ''}${item.index % 2 === 1 ? ' accounts-grid__row--alt' : ''}`}
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
              onClick={() => {
                onActiveIndex(item.index);
                if (row) onOpen(row, item.index);
              }}
            >
              {ACCOUNT_COLUMNS.map((column) => (
                <div key={column.id} role="gridcell" className={`accounts-grid__cell align-${column.align ?? 'start'}`}>
                  {row ? column.render(row, fmt) : <span className="skeleton" style={{ width: column.id === 'name' ? '70%' : '50%' }} aria-hidden="true" />}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
