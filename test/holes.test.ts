import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { findHoles } from '../src/extract/holes.js';
import { pageParagraphs } from '../src/extract/page-paragraphs.js';

const story = [
  'The council voted on Tuesday to keep the swimming pool open through the winter, after a petition gathered four thousand names.',
  'Repairs to the roof will be paid for from the reserve fund, and the pool will close for two weeks in November while they are made.',
  'The leisure centre manager said the decision came as a relief to the clubs that train there every evening of the week.',
];
const box =
  '<div class="c-box"><h3>What the petition asked</h3><p>It asked the council to <a href="/a">publish the repair costs</a> and to hold a public meeting before any decision was taken, and both were done in October.</p></div>';

/** The texts of the blocks findHoles would put back, for a page and the article Readability kept of it. */
function holesOf(pageBody: string, kept: readonly string[]): string[] {
  const $page = cheerio.load(`<body>${pageBody}</body>`);
  const $article = cheerio.load(kept.map((text) => `<p>${text}</p>`).join(''), null, false);
  return findHoles($page, $article, pageParagraphs($page)).holes.flatMap((hole) => hole.blocks.map((block) => $page(block).find('h3, p').first().text()));
}

describe('findHoles: blocks Readability dropped from inside the article', () => {
  it.each([
    ['between two kept paragraphs', `<div class="body"><p>${story[0]}</p>${box}<p>${story[1]}</p><p>${story[2]}</p></div>`],
    ['before the first kept paragraph (key points above the story)', `<div class="body">${box}<p>${story[0]}</p><p>${story[1]}</p></div>`],
  ])('puts back a box %s, heading and all', (_, page) => {
    expect(holesOf(page, story)).toEqual(['What the petition asked']);
  });

  it.each([
    ['after the last kept paragraph (where the article may have ended)', `<div class="body"><p>${story[0]}</p><p>${story[1]}</p>${box}</div>`],
    [
      'a cell of a layout table beside the story',
      `<div class="page"><table><tr><td><p>${story[0]}</p><p>${story[1]}</p></td><td>${box}</td></tr></table><p>${story[2]}</p></div>`,
    ],
    [
      'a headed list without a sentence (a picker)',
      `<div class="body"><p>${story[0]}</p><div><h3>Our picks</h3><ul><li>Pool passes</li><li>Swim lessons</li><li>Gym hours</li></ul></div><p>${story[1]}</p></div>`,
    ],
    [
      'a teaser for another page (a link that only says "mehr")',
      `<div class="body"><p>${story[0]}</p><div class="box"><h3>Podcast</h3><p>Every week our science desk answers readers' questions about the winter, the swimming pool, the opening hours and the roof repairs in a podcast of its own.</p><a href="/p">mehr</a></div><p>${story[1]}</p></div>`,
    ],
    [
      'a teaser for another page (a headline cut short)',
      `<div class="body"><p>${story[0]}</p><div class="box"><a href="/q">Council backs the new leisure cen...</a><p>The council has approved a budget of two million pounds for the new leisure centre on the old bus depot site, and building work is to start next spring.</p></div><p>${story[1]}</p></div>`,
    ],
  ])('leaves out a box %s', (_, page) => {
    expect(holesOf(page, story)).toEqual([]);
  });

  it('does not put back a paragraph the article holds without its dateline', () => {
    const lede = `${story[0]} It will now stay open until April, seven days a week, with longer hours on Saturdays.`;
    const page = `<div class="body"><p><b class="dateline">LEEDS --</b> ${lede}</p><p>${story[1]}</p><p>${story[2]}</p></div>`;
    expect(holesOf(page, [lede, story[1]!, story[2]!])).toEqual([]);
  });

  it('does not put back what the article holds already, read cell by cell', () => {
    const table = '<table><tr><td>Adults</td><td>Four pounds a swim, or thirty for a book of ten.</td></tr></table>';
    const $page = cheerio.load(`<body><div><p>${story[0]}</p><div class="t">${table}</div><p>${story[1]}</p></div></body>`);
    const $article = cheerio.load(`<p>${story[0]}</p>${table}<p>${story[1]}</p>`, null, false);
    expect(findHoles($page, $article, pageParagraphs($page)).holes).toEqual([]);
  });
});
