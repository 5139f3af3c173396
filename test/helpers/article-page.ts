// test/helpers/article-page.ts
// Small but realistic news pages for the CLI, URL and startup tests: enough prose for Readability,
// plus one known boilerplate line so filter behaviour can be observed.

export const ARTICLE_TITLE = 'Harbour bridge reopens after two years of repairs';
export const SUBSCRIBE_LINE = 'Subscribe to our newsletter';

export const ARTICLE_PARAGRAPHS = [
  'The old harbour bridge reopened to traffic on Monday morning after two years of repairs that cost the city more than forty million euros. Commuters lined up before dawn to be among the first to cross the restored span.',
  'Engineers replaced the corroded steel cables, resurfaced the deck and installed a new drainage system designed to cope with the heavier storms the region has seen in recent winters. The work ran six months behind schedule, mostly because of supply delays.',
  'Local shop owners on both sides of the river said the closure had cut their trade by almost a third. Several of them gathered at the eastern end of the bridge to welcome the first cyclists with coffee and pastries.',
  'The mayor said the city would now turn its attention to the smaller footbridges upstream, which inspectors flagged last year as needing urgent attention. A public consultation on those plans opens next month.',
] as const;

/** An English news page with a nav bar and one in-article "Subscribe" widget line. */
export function articleHtml(options: { title?: string; extraHead?: string; navSections?: readonly string[] } = {}): string {
  const title = options.title ?? ARTICLE_TITLE;
  const nav = (options.navSections ?? ['Home', 'News', 'Sport']).map((name) => `<a href="/${name.toLowerCase()}">${name}</a>`).join(' ');
  const [p1, p2, p3, p4] = ARTICLE_PARAGRAPHS;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} | Coastal Times</title>
<meta property="og:site_name" content="Coastal Times">
${options.extraHead ?? ''}
</head>
<body>
<header><nav>${nav}</nav></header>
<main>
<article>
<h1>${title}</h1>
<p class="byline">By Maria Lindqvist</p>
<p>${p1}</p>
<p>${p2}</p>
<p>${SUBSCRIBE_LINE}</p>
<p>${p3}</p>
<p>${p4}</p>
</article>
</main>
<footer>Copyright 2024 Coastal Times</footer>
</body>
</html>
`;
}

/** A page body in any language: a title and paragraphs, with an optional <meta charset>. */
export function plainPage(title: string, paragraphs: readonly string[], metaCharset?: string): string {
  const meta = metaCharset ? `<meta charset="${metaCharset}">\n` : '';
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html>\n<html>\n<head>\n${meta}<title>${title}</title>\n</head>\n<body>\n<article>\n<h1>${title}</h1>\n${body}\n</article>\n</body>\n</html>\n`;
}
