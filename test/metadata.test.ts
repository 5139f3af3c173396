// test/metadata.test.ts
// Each metadata source on its own, the priority between them, and the field rules (authors are
// people, dates are ISO 8601 with an offset, lang is BCP 47 and checked against the text).

import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readMetadata, settleLang } from '../src/metadata/index.js';
import { spaceJoinedWords, splitAuthors, toIsoDate, toTagList } from '../src/metadata/values.js';
import { cleanRaw } from '../src/pipeline.js';
import { readingTimeMinutes } from '../src/text/reading-time.js';
import { countWords } from '../src/text/normalize.js';
import { ARTICLE_PARAGRAPHS, articleHtml } from './helpers/article-page.js';

const URL_ = 'https://news.example/2024/03/story.html';

function page(head: string, body = '', htmlAttributes = ''): string {
  return `<!doctype html><html${htmlAttributes}><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

function meta(html: string, url: string | null = URL_) {
  return readMetadata(cheerio.load(html), url);
}

describe('JSON-LD', () => {
  it('reads a NewsArticle inside @graph, resolving an @id author and skipping the WebPage', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': `${URL_}#page`, name: 'Page name' },
        { '@type': 'Person', '@id': '#ana', name: 'Ana Souza' },
        {
          '@type': 'ReportageNewsArticle',
          headline: 'Floods close the coast road',
          author: [{ '@id': '#ana' }, { '@type': 'Person', name: 'Luis Ortega' }],
          datePublished: '2024-03-04T09:30:00+01:00',
          dateModified: '2024-03-05T10:00:00+01:00',
          inLanguage: 'pt-BR',
          publisher: { '@type': 'Organization', name: 'Diário do Litoral' },
          keywords: 'floods, roads, Floods',
          articleSection: ['Regional', 'News'],
          mainEntityOfPage: { '@id': URL_ },
        },
      ],
    };
    const result = meta(page(`<script type="application/ld+json">${JSON.stringify(graph)}</script>`));
    expect(result).toMatchObject({
      title: 'Floods close the coast road',
      authors: ['Ana Souza', 'Luis Ortega'],
      byline: 'Ana Souza, Luis Ortega',
      publishedTime: '2024-03-04T08:30:00.000Z',
      modifiedTime: '2024-03-05T09:00:00.000Z',
      lang: 'pt-BR',
      siteName: 'Diário do Litoral',
      tags: ['floods', 'roads'],
      section: 'Regional',
      canonicalUrl: URL_,
    });
    expect(result.sources).toMatchObject({ title: 'json-ld', authors: 'json-ld', publishedTime: 'json-ld', tags: 'json-ld' });
  });

  it('tolerates trailing commas, and dates the story from a ClaimReview beside its WebPage', () => {
    const scripts = [
      '{"@type":"WebPage","name":"Is it true?","keywords":["Science", ],}',
      '{"@type":"ClaimReview","datePublished":"2019-11-18T10:15:00+00:00"}',
    ].map((json) => `<script type="application/ld+json">${json}</script>`);
    const result = meta(page(scripts.join('')));
    expect(result).toMatchObject({ title: 'Is it true?', tags: ['Science'], publishedTime: '2019-11-18T10:15:00.000Z' });
  });

  it('reads an array of nodes, tolerates raw line breaks, and drops an Organization author', () => {
    const json = `[{"@type":"WebSite","name":"Daily Ledger"},{"@type":"BlogPosting","headline":"Line\nbreak","author":{"@type":"NewsMediaOrganization","name":"Daily Ledger"},"datePublished":"2023-05-01"}]`;
    const result = meta(page(`<script type="application/ld+json">${json}</script>`));
    expect(result.title).toBe('Line break');
    expect(result.authors).toEqual([]);
    expect(result.siteName).toBe('Daily Ledger');
    expect(result.publishedTime).toBe('2023-05-01T00:00:00.000Z');
  });
});

describe('meta tags', () => {
  it('reads OpenGraph and article:* tags, keeping every article:tag', () => {
    const result = meta(
      page(`
      <meta property="og:title" content="Harbour bridge reopens">
      <meta property="og:site_name" content="Coastal Times">
      <meta property="og:image" content="/img/bridge.jpg">
      <meta property="og:url" content="https://coastal.example/bridge">
      <meta property="article:published_time" content="2024-03-04T09:30:00+02:00">
      <meta property="article:modified_time" content="2024-03-04T12:00:00+02:00">
      <meta property="article:author" content="https://facebook.com/maria">
      <meta property="article:section" content="City">
      <meta property="article:tag" content="Bridges"><meta property="article:tag" content="Traffic">`),
    );
    expect(result).toMatchObject({
      title: 'Harbour bridge reopens',
      siteName: 'Coastal Times',
      imageUrl: 'https://news.example/img/bridge.jpg',
      canonicalUrl: 'https://coastal.example/bridge',
      publishedTime: '2024-03-04T07:30:00.000Z',
      modifiedTime: '2024-03-04T10:00:00.000Z',
      authors: [],
      section: 'City',
      tags: ['Bridges', 'Traffic'],
    });
    expect(result.sources).toMatchObject({ title: 'opengraph', publishedTime: 'opengraph', tags: 'opengraph', imageUrl: 'opengraph' });
  });

  it('reads Twitter cards and plain <meta name> tags', () => {
    const result = meta(
      page(`
      <meta name="twitter:title" content="Rates on hold">
      <meta name="twitter:image" content="https://img.example/rates.jpg">
      <meta name="author" content="By Jane Doe and John Roe (jane@paper.example)">
      <meta name="description" content="The bank kept rates on hold.">
      <meta name="date" content="2024-03-20 14:05">
      <meta name="news_keywords" content="rates, central bank">`),
    );
    expect(result).toMatchObject({
      title: 'Rates on hold',
      imageUrl: 'https://img.example/rates.jpg',
      authors: ['Jane Doe', 'John Roe'],
      excerpt: 'The bank kept rates on hold.',
      publishedTime: '2024-03-20T14:05:00.000Z',
      tags: ['rates', 'central bank'],
    });
    expect(result.sources).toMatchObject({ title: 'twitter', authors: 'meta', excerpt: 'meta', publishedTime: 'meta' });
  });

  it('reads Dublin Core', () => {
    const result = meta(
      page(`
      <meta name="DC.title" content="Vier Tage Regen">
      <meta name="DC.creator" content="Klaus Weber">
      <meta name="DC.date.issued" content="2024-02-01T08:00:00+01:00">
      <meta name="DC.language" content="de-DE">`),
    );
    expect(result).toMatchObject({ title: 'Vier Tage Regen', authors: ['Klaus Weber'], publishedTime: '2024-02-01T07:00:00.000Z', lang: 'de-DE' });
    expect(result.sources).toMatchObject({ title: 'dublin-core', authors: 'dublin-core', publishedTime: 'dublin-core', lang: 'dublin-core' });
  });
});

describe('the page itself', () => {
  it('reads itemprop microdata inside the article scope', () => {
    const body = `<aside itemscope itemtype="https://schema.org/Article"><span itemprop="author">Sidebar Writer</span></aside>
      <article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Council votes on budget</h1>
      <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Priya Raman</span></span>
      <meta itemprop="datePublished" content="2024-06-13T12:00:00Z"><p itemprop="articleSection">Politics</p></article>`;
    const result = meta(page('', body));
    expect(result).toMatchObject({
      title: 'Council votes on budget',
      authors: ['Priya Raman'],
      publishedTime: '2024-06-13T12:00:00.000Z',
      section: 'Politics',
    });
    expect(result.sources).toMatchObject({ title: 'itemprop', authors: 'itemprop', publishedTime: 'itemprop', section: 'itemprop' });
  });

  it('reads <time datetime>, keeping the update time apart from the publication time', () => {
    const body = `<article><p><time class="updated" datetime="2024-01-02T10:00:00Z">Updated</time>
      <time datetime="2024-01-01T08:00:00Z">1 January</time></p><p>Text.</p></article>
      <aside class="related"><time datetime="2020-01-01T00:00:00Z">old</time></aside>`;
    const result = meta(page('', body));
    expect(result).toMatchObject({ publishedTime: '2024-01-01T08:00:00.000Z', modifiedTime: '2024-01-02T10:00:00.000Z' });
    expect(result.sources).toMatchObject({ publishedTime: 'time', modifiedTime: 'time' });
  });

  it.each([
    ['By Maria Lindqvist', ['Maria Lindqvist']],
    ['Von Klaus Weber und Anna Schmidt', ['Klaus Weber', 'Anna Schmidt']],
    ['Автор: Ольга Смирнова', ['Ольга Смирнова']],
    ['Par Claire Dubois', ['Claire Dubois']],
    ['Por Lucía Ferrer y Javier Molina', ['Lucía Ferrer', 'Javier Molina']],
  ])('reads the visible byline "%s"', (line, names) => {
    const result = meta(page('', `<article><h1>Headline</h1><p>${line}</p><p>${ARTICLE_PARAGRAPHS[0]}</p></article>`));
    expect(result.authors).toEqual(names);
    expect(result.sources.authors).toBe('byline');
  });

  it('does not take a sentence that starts with "By" for a byline', () => {
    const result = meta(page('', `<article><p>by the end of the week the road was closed again.</p><p>By then, nobody cared.</p></article>`));
    expect(result.authors).toEqual([]);
  });

  it('reads rel=canonical, <html lang> and Content-Language, and the site name from the title suffix', () => {
    const result = meta(page('<title>Harbour bridge reopens - Coastal Times</title><link rel="canonical" href="/bridge">', '', ' lang="en-gb"'));
    expect(result).toMatchObject({ canonicalUrl: 'https://news.example/bridge', lang: 'en-GB', siteName: 'Coastal Times', title: 'Harbour bridge reopens' });
    expect(result.sources).toMatchObject({ canonicalUrl: 'canonical', lang: 'html-lang', siteName: 'title-suffix', title: 'title' });
    const contentLanguage = meta(page('<meta http-equiv="Content-Language" content="fr-FR, en">'));
    expect(contentLanguage.lang).toBe('fr-FR');
    expect(contentLanguage.sources.lang).toBe('content-language');
  });

  it('never resolves a relative canonical against the placeholder address of a saved page', () => {
    expect(meta(page('<link rel="canonical" href="/bridge">'), null).canonicalUrl).toBeNull();
  });
});

describe('priority', () => {
  it('prefers JSON-LD over OpenGraph over <meta> over <time>', () => {
    const ld = { '@type': 'NewsArticle', headline: 'From JSON-LD', datePublished: '2024-01-01T00:00:00Z' };
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="og:title" content="From OG">
      <meta property="article:published_time" content="2023-01-01T00:00:00Z"><meta name="date" content="2022-01-01">`;
    const result = meta(page(head, '<time datetime="2021-01-01T00:00:00Z">x</time>'));
    expect([result.title, result.publishedTime]).toEqual(['From JSON-LD', '2024-01-01T00:00:00.000Z']);
    const withoutLd = meta(page(head.replace(/<script[\s\S]*?<\/script>/, ''), '<time datetime="2021-01-01T00:00:00Z">x</time>'));
    expect([withoutLd.title, withoutLd.publishedTime]).toEqual(['From OG', '2023-01-01T00:00:00.000Z']);
  });
});

describe('field rules', () => {
  it.each([
    ['By Jane Doe, John Roe and Ann Lee', ['Jane Doe', 'John Roe', 'Ann Lee']],
    ['Jane Doe jane.doe@paper.example', ['Jane Doe']],
    ['https://paper.example/staff/jane', []],
    ['Byron Smith', ['Byron Smith']],
    ['Jane Doe & John Roe', ['Jane Doe', 'John Roe']],
    ['Rachael Link, MS, RD', ['Rachael Link']],
    ['admin', []],
    ['Mike Wuerthele, November 18', ['Mike Wuerthele']],
  ])('splitAuthors(%j)', (input, expected) => {
    expect(splitAuthors(input)).toEqual(expected);
  });

  it.each([
    ['2024-03-04T09:30:00+02:00', '2024-03-04T07:30:00.000Z'],
    ['2024-03-04 09:30', '2024-03-04T09:30:00.000Z'],
    ['Mon, 04 Mar 2024 09:30:00 GMT', '2024-03-04T09:30:00.000Z'],
    ['04.03.2024', '2024-03-04T00:00:00.000Z'],
    ['01:38:07 PM IST Nov 20, 2019', '2019-11-20T08:08:07.000Z'],
    ['0001-01-01T00:00:00Z', undefined],
    ['last Tuesday', undefined],
    ['1970-01-01T00:00:00Z', undefined],
  ])('toIsoDate(%j)', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it('replaces a declared lang the text contradicts, and keeps one it does not', () => {
    const base = meta(page('', '', ' lang="en"'));
    const russian = 'Капитальный ремонт Южного моста в Заречном начнется первого декабря и продлится не меньше шести месяцев.';
    expect(settleLang(base, russian)).toMatchObject({ lang: 'ru', sources: { lang: 'detected' } });
    expect(settleLang(base, ARTICLE_PARAGRAPHS.join(' ')).lang).toBe('en');
    const ukrainian = meta(page('', '', ' lang="uk"'));
    expect(settleLang(ukrainian, russian).lang).toBe('uk');
  });
});

describe('in the pipeline', () => {
  it("fills canonicalUrl, tags and section, and --explain names each field's source", () => {
    const html = articleHtml({ extraHead: '<link rel="canonical" href="https://coastal.example/bridge"><meta property="article:tag" content="Bridges">' });
    const article = cleanRaw({ source: 't.html', bytes: Buffer.from(html), contentType: null, url: null }, { explain: true });
    expect(article).toMatchObject({ canonicalUrl: 'https://coastal.example/bridge', tags: ['Bridges'], section: null, authors: ['Maria Lindqvist'] });
    expect(article.metadataSources).toMatchObject({
      canonicalUrl: 'canonical',
      tags: 'opengraph',
      siteName: 'opengraph',
      authors: 'byline',
      lang: 'html-lang',
    });
    const plain = cleanRaw({ source: 't.html', bytes: Buffer.from(html), contentType: null, url: null });
    expect(plain).not.toHaveProperty('metadataSources');
  });
});

describe('word count and reading time', () => {
  const chinese = '记者从多地住建部门获悉，今年冬季，长江以南的五个城市将在部分老旧小区开展集中供暖试点。';

  it('segments Chinese, Japanese and Korean into words instead of counting sentences', () => {
    expect(countWords(chinese)).toBeGreaterThan(10);
    expect(countWords('石川県内で創業二百年を超える酒蔵は、今季の仕込み量を半分に減らすと発表した。')).toBeGreaterThan(10);
    expect(countWords('서울시는 오늘 새로운 교통 정책을 발표했다.')).toBe(6);
  });

  it('times CJK text by the character and other text by the word', () => {
    const cjk = chinese.repeat(25); // 25 × 42 characters, 39 of them Han: ≈ 975 characters ≈ 2 minutes
    expect(readingTimeMinutes(cjk)).toBe(2);
    expect(readingTimeMinutes(Array(690).fill('word').join(' '))).toBe(3);
    expect(readingTimeMinutes('Short.')).toBe(1);
    expect(readingTimeMinutes('')).toBe(0);
  });
});

// Issue 10: entities are decoded once, never twice, and an entity's ";" splits no list.
describe('entities in metadata values', () => {
  it('decodes once: "&amp;amp;" gives "&amp;", kept whole in a keyword list', () => {
    expect(toTagList('Bau &amp;amp; Planung, Verkehr')).toEqual(['Bau &amp; Planung', 'Verkehr']);
    expect(toTagList('Verkehr;Bau &amp; Planung;Innenstadt')).toEqual(['Verkehr', 'Bau & Planung', 'Innenstadt']);
  });

  it('JSON-LD and meta authors are decoded before they are split', () => {
    const jsonLd = '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"J&ouml;rg M&uuml;ller"}}</script>';
    expect(readMetadata(cheerio.load(`<html><head>${jsonLd}</head><body></body></html>`), null).authors).toEqual(['Jörg Müller']);
    const meta = '<meta name="author" content="Ren&amp;eacute; Dupont">';
    expect(readMetadata(cheerio.load(`<html><head>${meta}</head><body></body></html>`), null).authors).toEqual(['René Dupont']);
  });
});

// Issue 10: a JSON-LD keyword string written with spaces only is split, and only as the last resort.
describe('space-joined JSON-LD keywords', () => {
  const words = 'Energiewende Windkraft Nordsee Netzausbau Stromtrasse Bundesnetzagentur Strompreise Klimaschutz';
  const jsonLd = (keywords: string) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'H', keywords })}</script>`;

  it('splits a string too long to be one topic into its words; a short one may be one phrase and stays whole', () => {
    expect(spaceJoinedWords(words)).toHaveLength(8);
    expect(spaceJoinedWords('New York City Marathon')).toEqual([]);
    expect(spaceJoinedWords('Energie, Wind und Wetter an der Nordseeküste heute')).toEqual([]);
    expect(spaceJoinedWords(['Energie', 'Wind'])).toEqual([]);
  });

  it('gives way to any real list: news_keywords, article:tag', () => {
    const withMeta = page(`${jsonLd(words)}<meta name="news_keywords" content="Energie, Netze">`);
    expect(meta(withMeta).tags).toEqual(['Energie', 'Netze']);
    const alone = meta(page(jsonLd(words)));
    expect(alone.tags[0]).toBe('Energiewende');
    expect(alone.sources.tags).toBe('keyword-words');
  });
});
