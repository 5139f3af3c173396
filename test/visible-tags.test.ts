// test/visible-tags.test.ts
// Issue 10, tags: the tag list shown under a story is its tags when the page declares none; menus,
// clouds, rails and links in the prose are not.

import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../src/metadata/index.js';

const prose = '<p>The council approved the budget on Monday after a long debate about the cost of repairs to the old bridge.</p>';
const tagsOf = (head: string, body: string): string[] => readMetadata(cheerio.load(`<html><head>${head}</head><body>${body}</body></html>`), null).tags;

describe('visible tag lists', () => {
  it('reads a list of links to tag pages inside the article', () => {
    const list =
      '<ul class="post-meta"><li><a href="/tag/budget/">Budget</a></li><li><a href="/tag/bridges/">#Bridges</a></li><li><a href="/topics/c8k2x71q/city-council">City council</a></li></ul>';
    expect(tagsOf('', `<article><h1>Budget passes</h1>${prose}${list}</article>`)).toEqual(['Budget', 'Bridges', 'City council']);
  });

  it("keeps only the tag links of a blog's post-meta box, not its author, date or comment count", () => {
    const box =
      '<div class="entry-meta"><a href="/author/jane/">Jane Roe</a> <a href="/2026/03/02/">2 March 2026</a> <a href="#comments">0 comments</a> Tags: <a href="/tag/budget/">Budget</a>, <a href="/tag/roads/">Roads</a></div>';
    expect(tagsOf('', `<article>${prose}${box}</article>`)).toEqual(['Budget', 'Roads']);
  });

  it('leaves out menus, clouds, rails, links in the prose and pages with no article', () => {
    const inProse = '<p>The <a href="/topic/council">council</a> approved the budget on Monday after a long debate about repairs.</p>';
    const cloud = '<div class="tag-cloud"><a href="/tag/a">Weather</a> <a href="/tag/b">Sport</a></div>';
    const menu = '<nav><a href="/topic/politics">Politics</a> <a href="/topic/business">Business</a></nav>';
    expect(tagsOf('', `${menu}<article>${inProse}${cloud}</article><aside><a href="/tag/x">Popular</a></aside>`)).toEqual([]);
    expect(tagsOf('', `${prose}<div><a href="/tag/budget/">Budget</a> <a href="/tag/roads/">Roads</a></div>`)).toEqual([]);
    // Deeper paths under a tag word are a site's sections and stories.
    expect(tagsOf('', `<article>${prose}<div><a href="/topics/garden/how-to-prune">How to prune</a></div></article>`)).toEqual([]);
    // An offer dressed as a topic link.
    expect(tagsOf('', `<article>${prose}<p><a href="/themen/newsletter/">Kostenlosen Newsletter bestellen</a></p></article>`)).toEqual([]);
    // A shop's affiliate link carries "?tag=" too.
    expect(tagsOf('', `<article>${prose}<div><a href="https://shop.example/dp/123?tag=site-21">Zum Angebot</a></div></article>`)).toEqual([]);
  });

  it("takes absolute links to the page's own site, known from its canonical address", () => {
    const list = '<ul><li><a href="https://www.news.example/tag/budget/">Budget</a></li><li><a href="https://other.example/tag/roads/">Roads</a></li></ul>';
    expect(tagsOf('<link rel="canonical" href="https://news.example/2026/budget">', `<article>${prose}${list}</article>`)).toEqual(['Budget']);
  });

  it('is not read when the page declares keywords', () => {
    const list = '<ul><li><a href="/tag/budget/">Budget</a></li><li><a href="/tag/roads/">Roads</a></li></ul>';
    expect(tagsOf('<meta name="news_keywords" content="council, finance">', `<article>${prose}${list}</article>`)).toEqual(['council', 'finance']);
  });
});
