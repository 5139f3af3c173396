// test/sanitize.test.ts
// Issue 13.2: the article's html and every rendered format are safe by construction. A page with
// event handlers and javascript:/data: links, through the whole pipeline and each renderer; and
// fast-check properties over generated handler names and disguised schemes against the sanitizer.

import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { render } from '../src/output/index.js';
import { createSanitizer } from '../src/output/sanitize.js';
import { cleanRaw } from '../src/pipeline.js';

const STORY = [
  'The council met on Tuesday and agreed the budget for the coming year after a long debate about the roads and the library.',
  'Residents can write to the council until the end of the month with their views on the plan and on the cuts it makes to opening hours.',
];

const HOSTILE_PAGE = `<html><head><title>Council agrees the budget after a long debate</title></head><body><article>
<h1>Council agrees the budget after a long debate</h1><p>${STORY[0]}</p>
<p><img src=a.jpg onerror="alert(document.cookie)//.png"> Councillors said the <a href="JaVaScRiPt:alert(1)">new plan</a> would be
published, a <a href="data:text/html,<script>alert(1)</script>">copy</a> sent to every household, and the
<a href=" &#x6A;avascript:alert(3)">minutes</a> put <a href="/minutes">online</a> with the <a href="mailto:clerk@council.example">clerk</a>.</p>
<p onclick="evil()">${STORY[1]}</p><svg><a xlink:href="javascript:alert(2)"><text>x</text></a></svg>
<iframe src="https://ads.example/frame"></iframe><form action="https://evil.example"><input name=q></form>
</article></body></html>`;

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a disguised scheme hides behind
const CONTROLS_AND_SPACE = /[\u0000-\u0020]/g;

/** Every unsafe thing an HTML string could still hold, as a browser would read it. */
function unsafeParts(html: string): string[] {
  const $ = cheerio.load(html);
  const found: string[] = [];
  $('*').each((_, element) => {
    if (element.type !== 'tag') return;
    if (['script', 'iframe', 'object', 'embed', 'form', 'style', 'base'].includes(element.name)) found.push(`<${element.name}>`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name)) found.push(`${name}=`);
      if (/(?:^|:)(?:href|src|srcset|action|formaction|poster|cite)$/i.test(name)) {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a disguised scheme hides behind
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase();
        if (scheme && !SAFE_SCHEMES.has(scheme)) found.push(`${name}=${value}`);
      }
    }
  });
  return found;
}

describe('sanitized output', () => {
  const article = cleanRaw({ source: 'hostile', bytes: Buffer.from(HOSTILE_PAGE), contentType: null, url: 'https://council.example/budget' });

  it('the html field keeps the story and its safe links, and nothing that runs', () => {
    expect(unsafeParts(article.html)).toEqual([]);
    for (const paragraph of STORY) expect(article.text).toContain(paragraph);
    expect(article.html).toMatch(/href="(?:https:\/\/council\.example)?\/minutes"/);
    expect(article.html).toContain('href="mailto:clerk@council.example"');
    expect(article.html).toMatch(/<img src="(?:https:\/\/council\.example\/)?a\.jpg" ?\/?>/);
  });

  it.each(['html', 'markdown'] as const)('--format %s holds nothing that runs', async (format) => {
    const out = await render(article, format);
    if (format === 'html') expect(unsafeParts(out)).toEqual([]);
    else expect(out).not.toMatch(/\]\(\s*(?:javascript|data|vbscript):/i);
    expect(out).not.toMatch(/onerror|onclick|javascript:|data:text/i);
  });
});

/** "javascript" in mixed case, with tabs, newlines or control characters inside, or entity-coded. */
const disguisedScheme = fc
  .tuple(
    fc.constantFrom('javascript', 'data', 'vbscript', 'livescript'),
    fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    fc.constantFrom('', '\t', '\n', '\r', '\u0001', ' '),
    fc.nat(8),
    fc.boolean(),
    fc.constantFrom('', ' ', '\t', '\u0000'),
  )
  .map(([scheme, upper, inside, at, entity, lead]) => {
    const cased = [...scheme].map((char, index) => (upper[index] ? char.toUpperCase() : char)).join('');
    const split = `${cased.slice(0, at)}${inside}${cased.slice(at)}`;
    const coded = entity ? `&#x${split.charCodeAt(0).toString(16)};${split.slice(1)}` : split;
    return `${lead}${coded}:alert(1)`;
  });

/** Handler names in any case ("onError", "ONMOUSEOVER"), and attribute names that only look like them. */
const handlerName = fc
  .tuple(fc.constantFrom('error', 'load', 'click', 'mouseover', 'focus', 'animationstart'), fc.boolean(), fc.boolean())
  .map(([event, upperOn, upperEvent]) => `${upperOn ? 'ON' : 'on'}${upperEvent ? event.toUpperCase() : event}`);

describe('sanitizer properties (fast-check)', () => {
  const sanitizer = createSanitizer();

  it('no generated handler attribute or disguised scheme survives, on any element that takes a URL', () => {
    fc.assert(
      fc.property(handlerName, disguisedScheme, fc.constantFrom('a', 'img', 'video', 'area', 'blockquote'), (handler, url, tag) => {
        const attribute = tag === 'img' || tag === 'video' ? 'src' : tag === 'blockquote' ? 'cite' : 'href';
        const html = `<p>Text before <${tag} ${handler}="alert(2)" ${attribute}="${url}">linked</${tag}> and after.</p>`;
        const out = sanitizer.sanitize(html);
        expect(unsafeParts(out), out).toEqual([]);
        expect(out).toContain('Text before');
      }),
      { numRuns: 300, seed: 1302 },
    );
  });

  it('any generated attribute name, in any case or namespace, keeps only allow-listed attributes and safe URLs', () => {
    const allowed: Record<string, string[]> = {
      a: ['href', 'name', 'rel'],
      img: ['src', 'srcset', 'alt', 'width', 'height'],
      video: ['src', 'poster', 'controls'],
      blockquote: ['cite'],
      td: ['colspan', 'rowspan', 'headers'],
      p: [],
    };
    const attributeName = fc.oneof(
      handlerName,
      fc.stringMatching(/^[a-zA-Z][a-zA-Z:_-]{0,14}$/),
      fc.constantFrom(
        'href',
        'HREF',
        'src',
        'SrcSet',
        'xlink:href',
        'XLINK:HREF',
        'formaction',
        'action',
        'style',
        'poster',
        'data-src',
        'background',
        'dynsrc',
        'lowsrc',
      ),
    );
    const value = fc.oneof(
      disguisedScheme,
      disguisedScheme.map((url) => `${url} 1x, a.jpg 2x`),
      fc.constant('https://ok.example/a.jpg'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(allowed)), fc.array(fc.tuple(attributeName, value), { minLength: 1, maxLength: 4 }), (tag, attributes) => {
        const attrs = attributes.map(([name, url]) => `${name}="${url}"`).join(' ');
        const out = sanitizer.sanitize(`<p>Before <${tag} ${attrs}>inside</${tag}> after.</p>`);
        expect(unsafeParts(out), out).toEqual([]);
        const $ = cheerio.load(out);
        $('*').each((_, element) => {
          if (element.type !== 'tag' || ['html', 'head', 'body', 'p'].includes(element.name)) return;
          const kept = Object.keys(element.attribs).filter((name) => !['id', 'lang', 'dir', 'title', ...(allowed[element.name] ?? [])].includes(name));
          expect(kept, out).toEqual([]);
        });
        // srcset candidates are URLs too: none may carry an unsafe scheme.
        for (const srcset of $('[srcset]')
          .toArray()
          .map((element) => $(element).attr('srcset') ?? '')) {
          for (const candidate of srcset.split(','))
            expect(candidate.replace(CONTROLS_AND_SPACE, ''), out).not.toMatch(/^(?:javascript|data|vbscript|livescript):/i);
        }
      }),
      { numRuns: 400, seed: 1304 },
    );
  });

  it('safe links pass unchanged: http, https, mailto and relative', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('https://example.org/a?b=1', 'http://example.org/', 'mailto:a@example.org', '/path/page', 'page.html', '#notes', '../up'),
        (url) => {
          const out = sanitizer.sanitize(`<p><a href="${url}">x</a></p>`);
          expect(cheerio.load(out)('a').attr('href')).toBe(url);
        },
      ),
      { numRuns: 50, seed: 1303 },
    );
  });
});
