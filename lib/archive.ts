// The archive by month: labels. The month pages themselves are built in lib/list-views.ts.
import { site } from './site';

const label = new Intl.DateTimeFormat(site.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function monthLabel(year: string, month: string): string {
  return label.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
}
