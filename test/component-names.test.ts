import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { unmarkProseComponents } from '../src/parse/component-names.js';

const PROSE =
  '<p>The river rose two metres overnight, and by morning the lower streets of the town were under water that reached the windows of the shops.</p>';

function classesAfter(html: string): string[] {
  const $ = cheerio.load(`<body>${html}</body>`);
  unmarkProseComponents($);
  return $('body [class]')
    .toArray()
    .map((element) => element.attribs['class'] ?? '');
}

describe('unmarkProseComponents: "widget" inside a component name that holds prose', () => {
  it('drops the word from the component and from the components inside it, not from others of its name', () => {
    expect(
      classesAfter(
        `<div class="elementor-widget-heading"><h2>Floods</h2></div><div class="elementor-widget elementor-widget-text-editor"><h2 class="elementor-widget__title">Floods</h2>${PROSE}</div><div class="c-note-widget"><p>Short note.</p></div>`,
      ),
    ).toEqual(['elementor-widget-heading', 'elementor-block elementor-block-text-editor', 'elementor-block__title', 'c-note-widget']);
  });

  it.each([
    ['a WordPress sidebar widget names the widget itself', `<section class="widget widget_text">${PROSE}</section>`],
    ['a widget area', `<div class="widget-area">${PROSE}</div>`],
    ['another word against the block still counts', `<div class="related-posts-widget">${PROSE}</div>`],
    [
      'a list of links is no prose',
      '<div class="c-links-widget"><p><a href="/a">A long headline of another story on this site, one of many in the list.</a></p></div>',
    ],
    ['a short line is no prose', '<div class="c-note-widget"><p>Updated daily by our weather desk.</p></div>'],
  ])('leaves it: %s', (_, html) => {
    const $ = cheerio.load(`<body>${html}</body>`);
    const before = $('body [class]').first().attr('class');
    unmarkProseComponents($);
    expect($('body [class]').first().attr('class')).toBe(before);
  });
});
