import type { CalendarDate } from '@/lib/schema';
import { site } from '@/lib/site';

const format = new Intl.DateTimeFormat(site.locale, { dateStyle: 'long', timeZone: 'UTC' });

interface Props {
  date: CalendarDate;
  className?: string;
}

/** A calendar date shown the same in every time zone: the day is formatted in UTC, where it was parsed. */
export function DateTime({ date, className }: Props) {
  const [y, m, d] = date.day.split('-').map(Number);
  return (
    <time dateTime={date.day} className={className}>
      {format.format(new Date(Date.UTC(y, m - 1, d)))}
    </time>
  );
}
