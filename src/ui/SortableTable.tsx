import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  key: string;
  header: string;
  cell(row: T): ReactNode;
  /** Columns with a sort value can be sorted by clicking their header. */
  sortValue?(row: T): string | number;
}

interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

/**
 * A table whose sortable column headers are buttons and say how the table is sorted
 * (`aria-sort`), so sorting works and is announced from the keyboard. It sorts the rows it
 * is given: with server-side pages, the page on screen.
 */
export function SortableTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  initialSort?: SortState;
}) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<SortState | undefined>(initialSort);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!sort || !column?.sortValue) return rows;
    const collator = new Intl.Collator(i18n.language, { numeric: true, sensitivity: 'base' });
    const value = column.sortValue;
    const order = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const compared =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : collator.compare(String(x), String(y));
      return compared * order;
    });
  }, [columns, rows, sort, i18n.language]);

  const toggle = (key: string) =>
    setSort((current) => ({
      key,
      direction:
        current?.key === key && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => {
            const direction = sort?.key === column.key ? sort.direction : undefined;
            return (
              <th key={column.key} scope="col" aria-sort={direction ?? 'none'}>
                {column.sortValue ? (
                  <button
                    type="button"
                    className="sort"
                    onClick={() => toggle(column.key)}
                    aria-label={t('table.sortBy', { column: column.header })}
                  >
                    {column.header}
                    <span aria-hidden="true">
                      {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}
                    </span>
                  </button>
                ) : (
                  column.header
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => (
              <td key={column.key}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
