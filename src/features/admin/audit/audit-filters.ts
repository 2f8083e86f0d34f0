import type { AuditedAction } from '@contract';

/** What the audit route can filter by: the actor's e-mail and the action. */
export interface AuditFilterValues {
  actor: string;
  action: AuditedAction | '';
}

export const NO_FILTERS: AuditFilterValues = { actor: '', action: '' };

export const hasFilters = (filters: AuditFilterValues) =>
  filters.actor !== '' || filters.action !== '';
