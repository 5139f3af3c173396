// test/title-labels.test.ts
// The labels a declared title wraps the headline in: a section and a date after it, a kicker or
// a blog's name before it when a heading on the page shows the rest alone (issue 10).

import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { headlineInTitle } from '../src/metadata/headline.js';
import { stripTitleLabels } from '../src/metadata/title.js';

const STORY = '<p>The story starts here with a paragraph long enough to be the text of an article, not a caption or a label above it.</p>';

describe('stripTitleLabels', () => {
  it('drops a date, the site name and the short parts before the date', () => {
    expect(stripTitleLabels('Brücke wird saniert | DW | 28.04.2023', 'DW', null)).toBe('Brücke wird saniert');
    expect(stripTitleLabels('Brücke wird saniert | Lokales | 28.04.2023', null, null)).toBe('Brücke wird saniert');
    expect(stripTitleLabels('The Final Chapter? - 1/21/2008', null, null)).toBe('The Final Chapter?');
    expect(stripTitleLabels('Storm closes the pier | Local News', null, 'Local News')).toBe('Storm closes the pier');
  });

  it('keeps a date range and a headline with no label', () => {
    expect(stripTitleLabels('Wochenbericht 14. - 20. Januar 2022', null, null)).toBe('Wochenbericht 14. - 20. Januar 2022');
    expect(stripTitleLabels('Storm closes the pier | Weather', null, null)).toBe('Storm closes the pier | Weather');
    expect(stripTitleLabels('28.04.2023', null, null)).toBe('28.04.2023');
  });
});

describe('headlineInTitle', () => {
  const find = (body: string, title: string) => headlineInTitle(cheerio.load(`<html><body>${body}</body></html>`), title);

  it('takes the part a heading above the story shows alone', () => {
    expect(find(`<h1><a href="/">Harbour Notes</a></h1><h3 class="post-title">Mending the sea wall</h3>${STORY}`, 'Harbour Notes: Mending the sea wall')).toBe(
      'Mending the sea wall',
    );
  });

  it('keeps the title when a heading shows it whole, or the part is only a section heading below the story start', () => {
    expect(
      find(`<h1>Becoming a Digital Nomad: 25 Useful Tips</h1>${STORY}<h2>Becoming a Digital Nomad</h2>`, 'Becoming a Digital Nomad: 25 Useful Tips'),
    ).toBeUndefined();
    expect(find(`${STORY}<h2>Becoming a Digital Nomad</h2>`, 'Becoming a Digital Nomad: 25 Useful Tips')).toBeUndefined();
  });

  it('never takes a blog name linked home, and cuts no more than a few words of label', () => {
    expect(find(`<h1><a href="https://blog.example/">Life on the Farm</a></h1>${STORY}`, 'Life on the Farm: In town this week')).toBeUndefined();
    expect(find(`<h2>The storm</h2>${STORY}`, 'The storm: how the harbour wall held through the longest night of the winter')).toBeUndefined();
  });

  it('reads a kicker set in its own element at the start of an h1 that shows the whole title', () => {
    expect(find(`<h1><span class="sub">Verkehrswende:</span><br> Neue Busse für die Altstadt</h1>${STORY}`, 'Verkehrswende: Neue Busse für die Altstadt')).toBe(
      'Neue Busse für die Altstadt',
    );
  });
});
