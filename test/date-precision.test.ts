// test/date-precision.test.ts
// Issue 10, dates: a date alone gives way to a later source's full timestamp on the same day, and
// only then.

import { describe, expect, it } from 'vitest';
import { mostPreciseDate } from '../src/metadata/date-precision.js';

describe('mostPreciseDate', () => {
  it('keeps the first source when it has a time', () => {
    expect(mostPreciseDate(['2024-03-05T13:30:00.000Z', '2024-03-05T00:00:00.000Z'])).toBe(0);
  });

  it('takes a later timestamp on the same day over a date alone', () => {
    expect(mostPreciseDate([undefined, '2024-03-05T00:00:00.000Z', undefined, '2024-03-05T13:30:00.000Z'])).toBe(3);
    // 00:30 in Paris is the evening before in UTC, still the 5th where it was written.
    expect(mostPreciseDate(['2024-03-05T00:00:00.000Z', '2024-03-04T23:30:00.000Z'])).toBe(1);
  });

  it('keeps the date alone when the later timestamp is another day (an update, a quoted date)', () => {
    expect(mostPreciseDate(['2024-03-05T00:00:00.000Z', '2024-03-07T09:00:00.000Z'])).toBe(0);
    expect(mostPreciseDate(['2024-03-05T00:00:00.000Z', '2024-03-05T00:00:00.000Z'])).toBe(0);
  });

  it('finds nothing when no source has a date', () => {
    expect(mostPreciseDate([undefined, undefined])).toBe(-1);
  });
});
