import { formatDay } from '@/lib/dates';
import type { CalendarDate } from '@/lib/schema';

interface Props {
  date: CalendarDate;
  className?: string;
}

/** A calendar date shown the same in every time zone: the day is formatted in UTC, where it was parsed. */
export function DateTime({ date, className }: Props) {
  return (
    <time dateTime={date.day} className={className}>
      {formatDay(date)}
    </time>
  );
}
