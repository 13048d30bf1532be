// Pagination: one pure function for every list. Page 1 is the base URL; /page/n for n ≥ 2.

export interface Page<T> {
  items: T[];
  page: number;
  totalPages: number;
  total: number;
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The requested page of a list, or undefined when that page does not exist. */
export function paginate<T>(items: T[], page: number, size: number): Page<T> | undefined {
  const totalPages = pageCount(items.length, size);
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  return { items: items.slice((page - 1) * size, page * size), page, totalPages, total: items.length };
}

/** Page numbers that get their own URL (2…n), as route params. */
export function extraPages(total: number, size: number): { page: string }[] {
  return Array.from({ length: pageCount(total, size) - 1 }, (_, i) => ({ page: String(i + 2) }));
}

/**
 * A static export refuses a dynamic route with no params at all, yet a short list has no page 2.
 * Such a route gets one placeholder param that no page answers to, so it renders as not found.
 */
export function orPlaceholder<T extends Record<string, string>>(params: T[], placeholder: T): T[] {
  return params.length > 0 ? params : [placeholder];
}

/** Parses a `/page/n` segment strictly: `2` yes, `02`, `1` or `2x` no. */
export function parsePage(segment: string): number | undefined {
  return /^[1-9]\d*$/.test(segment) && segment !== '1' ? Number(segment) : undefined;
}
