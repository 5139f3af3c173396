// test/loose-text.test.ts
// Bare text between blocks becomes paragraphs (src/parse/loose-text.ts), and the sibling walk's
// judge (src/extract/section-judge.ts) steps over a short sentence and stops at a blogroll.

import { load } from 'cheerio';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { judge } from '../src/extract/section-judge.js';
import { wrapLooseText } from '../src/parse/loose-text.js';

const paragraphs = (html: string): string[] => {
  const $ = load(`<body>${html}</body>`);
  wrapLooseText($);
  return $('p')
    .toArray()
    .map((p) => $(p).text().replace(/\s+/g, ' ').trim());
};

describe('wrapLooseText', () => {
  it('makes each run of bare text between blocks or blank lines a paragraph, in order, losing nothing', () => {
    const $ = load(
      '<body><div id="x"><a href="/p"><img src="a.jpg"></a><br>First paragraph of the story, with <a href="/gm">a link</a> inside it.<br><br>' +
        'Second paragraph, on a line of its own<br>and a second line.<!-- note --><div class="box">a block</div>Third paragraph after the block.</div></body>',
    );
    const before = $('#x').text();
    wrapLooseText($);
    expect($('#x').text()).toBe(before);
    expect(
      $('#x > p')
        .toArray()
        .map((p) => $(p).text()),
    ).toEqual([
      'First paragraph of the story, with a link inside it.',
      'Second paragraph, on a line of its ownand a second line.',
      'Third paragraph after the block.',
    ]);
    // The photo line belongs to no paragraph; the single <br> stays inside the second one.
    expect($('#x > a > img').length).toBe(1);
    expect($('#x > p').eq(1).find('br').length).toBe(1);
    expect($('#x > p').eq(1).html()).toContain('<!-- note -->');
  });

  it('leaves a div that is one run of text, link lines without text of their own, and text in <p>s alone', () => {
    expect(paragraphs('<div>Only one paragraph here, with no break in it at all.</div>')).toEqual([]);
    expect(paragraphs('<div><a href="/a">Home</a> | <a href="/b">News</a><br><br><a href="/c">Sport</a><div>x</div></div>')).toEqual([]);
    expect(paragraphs('<div><p>Already a paragraph of the story, as most pages have.</p><div>x</div></div>')).toEqual([
      'Already a paragraph of the story, as most pages have.',
    ]);
  });
});

describe("judge: the walk over the article's neighbours", () => {
  const verdict = (html: string, lang: string | null = null): string => {
    const $ = load(`<body>${html}</body>`);
    wrapLooseText($);
    return judge($, $('body').children()[0] as Element, '', { lenient: false, pageLang: () => lang });
  };

  it("steps over a blog's date header instead of taking it as the heading of the post", () => {
    expect(verdict('<h2 class="date-header"><span>Dienstag, 28. April 2020</span></h2>', 'de')).toBe('skip');
    expect(verdict('<h2><span>Tuesday, April 28, 2020</span></h2>', 'en')).toBe('skip');
    // A section heading with a year in it is still a heading.
    expect(verdict('<h2>What changed for renters in 2020</h2>', 'en')).toBe('heading');
  });

  it('steps over a short sentence instead of ending the article there', () => {
    expect(verdict('<p><a href="#statement">Scroll down</a> for the full statement from the company.</p>')).toBe('skip');
    // Not a sentence: a label still ends the walk.
    expect(verdict('<p>Show me more gadgets and reviews from this site</p>')).toBe('stop');
  });

  it("stops at an author box inside a page builder's generic wrappers", () => {
    const box =
      '<div class="builder-block"><div class="builder-inner"><div class="author-box"><h4>Sigrun Hallsdottir</h4>' +
      '<p>I am a folklorist writing about nature and old stories for travellers, and I share practical guides, cultural notes and tips on quiet places.</p>' +
      '<p>When I am not writing, I lead small walking groups along the old trading paths of the north, where my family has farmed for generations.</p></div></div></div>';
    expect(verdict(box)).toBe('stop');
    // The same wrappers around the story's own next section are more of the article.
    expect(verdict(box.replace('author-box', 'section-body'))).toBe('content');
  });

  it('stops at a blogroll: entries of a link on its own line and a blurb, even when a blurb reads like a sentence', () => {
    const blogroll =
      '<div><a href="https://a.example/">The test bench</a><br>The newest products, news and gossip from our own testing labs.<br><br>' +
      '<a href="https://b.example/">Valley notes</a><br>An insider’s view of the start-ups in the valley.<br><br>' +
      '<a href="https://c.example/">Back pages</a><br>An irreverent look at the lighter side of technology<br><br></div>';
    expect(verdict(blogroll)).toBe('stop');
  });
});
