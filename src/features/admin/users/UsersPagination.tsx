import Pagination from '@cloudscape-design/components/pagination';
import { useTranslation } from 'react-i18next';
import { paginationLabels } from '../../../ui/pagination-labels';

/**
 * Pages over the API's cursors: back to any page already seen, on to the next while the API
 * has one ("open end": how many pages there are is not known until the last).
 */
export function UsersPagination({
  pageNumber,
  nextCursor,
  disabled,
  onPrevious,
  onNext,
}: {
  pageNumber: number;
  nextCursor: string | null | undefined;
  disabled: boolean;
  /** To page `pageNumber`, one already seen. */
  onPrevious(pageNumber: number): void;
  onNext(cursor: string): void;
}) {
  const { t } = useTranslation();
  const go = (requested: number) => {
    if (requested < pageNumber) onPrevious(requested);
    else if (requested > pageNumber && nextCursor) onNext(nextCursor);
  };
  return (
    <nav aria-label={t('users.pages')}>
      <Pagination
        currentPageIndex={pageNumber}
        pagesCount={nextCursor ? pageNumber + 1 : pageNumber}
        openEnd={Boolean(nextCursor)}
        disabled={disabled}
        ariaLabels={paginationLabels(t)}
        onChange={({ detail }) => go(detail.currentPageIndex)}
      />
    </nav>
  );
}
