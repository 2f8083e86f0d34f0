import { useTranslation } from 'react-i18next';

/** "Previous" and "Next" for a cursor-paged list, and which page this is. */
export function Pager({
  label,
  pageNumber,
  nextCursor,
  busy,
  onPrevious,
  onNext,
}: {
  label: string;
  pageNumber: number;
  nextCursor: string | null | undefined;
  busy?: boolean;
  onPrevious(): void;
  onNext(cursor: string): void;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={label} className="pager">
      <button
        type="button"
        className="secondary"
        disabled={pageNumber <= 1 || busy}
        onClick={onPrevious}
      >
        {t('table.previous')}
      </button>
      <span>{t('table.page', { page: pageNumber })}</span>
      <button
        type="button"
        className="secondary"
        disabled={!nextCursor || busy}
        onClick={() => nextCursor && onNext(nextCursor)}
      >
        {t('table.next')}
      </button>
    </nav>
  );
}
