import type { ReactNode } from 'react';
import type { ListRow, RowSpec } from '@/lib/model/list-rows';

/**
 * What a list page knows about a kind beyond its rows (lib/model/list-rows): its title, what to say when
 * it is empty, and cells that render richer than their text (the text stays what sorting and filtering use).
 */
export interface ListDescriptor {
  title: string;
  spec: RowSpec;
  cells?: Record<string, (row: ListRow) => ReactNode>;
  /** Column id → CSS width (the table's layout is fixed); columns without one share what is left. */
  widths?: Record<string, string>;
  emptyHint: ReactNode;
}
