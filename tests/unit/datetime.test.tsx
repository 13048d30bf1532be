import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { DateTime } from '@/components/DateTime';
import { parseDate } from '@/lib/schema';

const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

describe('DateTime', () => {
  it.each(['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'UTC'])(
    'shows the front-matter calendar day when the machine is in %s',
    (zone) => {
      process.env.TZ = zone;
      const cases: [string, string][] = [
        ['2025-11-14', '<time dateTime="2025-11-14">November 14, 2025</time>'],
        ['2025-01-01', '<time dateTime="2025-01-01">January 1, 2025</time>'],
        ['2025-11-14T23:30:00-08:00', '<time dateTime="2025-11-14">November 14, 2025</time>'],
      ];
      for (const [input, html] of cases) {
        const date = parseDate(input);
        if (!date) throw new Error(`unparsed ${input}`);
        expect(renderToStaticMarkup(<DateTime date={date} />)).toBe(html);
      }
    },
  );
});
