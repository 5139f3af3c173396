// test/zone.test.ts
// Issue 10, dates: a date and time written without a zone is read in the zone the page declares
// elsewhere (another date field's offset, else its country's one clock), never as the machine's.

import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../src/metadata/values.js';
import { findPageZone, type PageZone, whenNeeded } from '../src/metadata/zone.js';

const fixed = (minutes: number): PageZone => ({ offsetAt: () => minutes });
const zoneOf = (head: string, url?: string, htmlLang = ''): PageZone | undefined =>
  findPageZone(cheerio.load(`<html${htmlLang ? ` lang="${htmlLang}"` : ''}><head>${head}</head><body><p>x</p></body></html>`), url);

describe('toIsoDate with the page zone', () => {
  it.each([
    ['2026-01-20 09:15', '2026-01-20T14:15:00.000Z'],
    ['20.01.2026, 09:15', '2026-01-20T14:15:00.000Z'],
    ['January 20, 2026 9:15 AM', '2026-01-20T14:15:00.000Z'],
  ])('reads %j in the zone', (input, expected) => {
    expect(toIsoDate(input, fixed(-300))).toBe(expected);
    // Without a zone it stays UTC, as before.
    expect(toIsoDate(input)).toBe(expected.replace('14:15', '09:15'));
  });

  it.each([
    ['2026-01-20', '2026-01-20T00:00:00.000Z'],
    ['20.01.2026', '2026-01-20T00:00:00.000Z'],
    ['2026-01-20T00:00:00', '2026-01-20T00:00:00.000Z'],
    ['2026-01-20T09:15:00+01:00', '2026-01-20T08:15:00.000Z'],
    ['2026-01-20T09:15:00Z', '2026-01-20T09:15:00.000Z'],
    ['Tue, 20 Jan 2026 09:15:00 GMT', '2026-01-20T09:15:00.000Z'],
  ])('leaves %j alone: a date alone keeps its day, a written zone wins', (input, expected) => {
    expect(toIsoDate(input, fixed(-300))).toBe(expected);
  });
});

describe('findPageZone', () => {
  const local = (zone: PageZone | undefined, iso: string): string | undefined => toIsoDate(iso, zone);

  it("takes the offset another date field is written in, before the page's country, and meta before <time>", () => {
    const zone = zoneOf('<meta property="og:locale" content="de_DE"><meta property="article:modified_time" content="2026-03-02T11:00:00+05:30">');
    expect(local(zone, '2026-03-02 10:00')).toBe('2026-03-02T04:30:00.000Z');
    const teasers = findPageZone(
      cheerio.load(
        '<head><meta property="article:modified_time" content="2026-03-02T11:00:00+01:00"></head><body><time datetime="2026-03-01T08:00-05:00">x</time></body>',
      ),
      undefined,
    );
    expect(local(teasers, '2026-03-02 10:00')).toBe('2026-03-02T09:00:00.000Z');
  });

  it('reads an offset from JSON-LD and from <time datetime>, and a Z as UTC', () => {
    expect(local(zoneOf('<script type="application/ld+json">{"dateModified": "2026-03-02T11:00:00-0300"}</script>'), '2026-03-02 10:00')).toBe(
      '2026-03-02T13:00:00.000Z',
    );
    const timeOnly = findPageZone(cheerio.load('<body><time datetime="2026-03-02T11:00-07:00">x</time></body>'), undefined);
    expect(local(timeOnly, '2026-03-02 10:00')).toBe('2026-03-02T17:00:00.000Z');
    // A CMS writing one field in UTC and its twin without the Z: UTC, not the country's clock.
    const twins = zoneOf(
      '<meta property="og:locale" content="de_DE"><meta property="article:published_time" content="2026-03-02T10:00:00"><meta itemprop="datePublished" content="2026-03-02T10:00:00Z">',
    );
    expect(local(twins, '2026-03-02T10:00:00')).toBe('2026-03-02T10:00:00.000Z');
  });

  it("uses a one-clock country's zone, with its summer time", () => {
    const german = zoneOf('<meta property="og:locale" content="de_DE">');
    expect(local(german, '2026-01-20 10:00')).toBe('2026-01-20T09:00:00.000Z');
    expect(local(german, '2026-07-20 10:00')).toBe('2026-07-20T08:00:00.000Z');
    expect(local(zoneOf('', undefined, 'ko-KR'), '2026-07-20 10:00')).toBe('2026-07-20T01:00:00.000Z');
    expect(local(zoneOf('', 'https://www.zeitung.at/politik/artikel-1'), '2026-07-20 10:00')).toBe('2026-07-20T08:00:00.000Z');
    expect(local(zoneOf('', 'https://news.example.co.uk/story'), '2026-01-20 10:00')).toBe('2026-01-20T10:00:00.000Z');
  });

  it('says nothing for countries with several clocks, a language alone, or a domain sold for other uses', () => {
    expect(local(zoneOf('<meta property="og:locale" content="en_US">'), '2026-01-20 10:00')).toBe('2026-01-20T10:00:00.000Z');
    expect(local(zoneOf('', undefined, 'pt-PT'), '2026-01-20 10:00')).toBe('2026-01-20T10:00:00.000Z');
    expect(zoneOf('', undefined, 'de')).toBeUndefined();
    expect(zoneOf('', 'https://startup.io/blog/post')).toBeUndefined();
    expect(zoneOf('', 'https://news.example.com/story')).toBeUndefined();
  });
});

describe('whenNeeded', () => {
  it('looks for the page zone only when a date needs one, and once', () => {
    let searches = 0;
    const zone = whenNeeded(() => {
      searches++;
      return fixed(60);
    });
    expect(toIsoDate('2026-01-20T09:15:00Z', zone)).toBe('2026-01-20T09:15:00.000Z');
    expect(toIsoDate('2026-01-20', zone)).toBe('2026-01-20T00:00:00.000Z');
    expect(searches).toBe(0);
    expect(toIsoDate('2026-01-20 09:15', zone)).toBe('2026-01-20T08:15:00.000Z');
    expect(toIsoDate('2026-07-20 09:15', zone)).toBe('2026-07-20T08:15:00.000Z');
    expect(searches).toBe(1);
  });
});
