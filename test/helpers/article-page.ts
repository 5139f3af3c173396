// test/helpers/article-page.ts
// Small but realistic news pages for the CLI, URL and startup tests: enough prose for Readability,
// plus one known boilerplate line so filter behaviour can be observed.

export const ARTICLE_TITLE = 'Harbour bridge reopens after two years of repairs';
export const SUBSCRIBE_LINE = 'Subscribe now';

export const ARTICLE_PARAGRAPHS = [
  'The old harbour bridge reopened to traffic on Monday morning after two years of repairs that cost the city more than forty million euros. Commuters lined up before dawn to be among the first to cross the restored span.',
  'Engineers replaced the corroded steel cables, resurfaced the deck and installed a new drainage system designed to cope with the heavier storms the region has seen in recent winters. The work ran six months behind schedule, mostly because of supply delays.',
  'Local shop owners on both sides of the river said the closure had cut their trade by almost a third. Several of them gathered at the eastern end of the bridge to welcome the first cyclists with coffee and pastries.',
  'The mayor said the city would now turn its attention to the smaller footbridges upstream, which inspectors flagged last year as needing urgent attention. A public consultation on those plans opens next month.',
] as const;

/** The same story in Russian, for windows-1251 tests. */
export const RU_TITLE = 'Мост через гавань открыли после двух лет ремонта';
export const RU_PARAGRAPHS = [
  'Старый мост через гавань в понедельник утром снова открыли для движения после двух лет ремонта, который обошёлся городу более чем в сорок миллионов евро. Водители выстроились в очередь ещё до рассвета, чтобы первыми проехать по обновлённому пролёту.',
  'Инженеры заменили проржавевшие стальные тросы, обновили покрытие и установили новую систему водоотвода, рассчитанную на сильные штормы последних зим. Работы отстали от графика на полгода, в основном из-за задержек с поставками.',
  'Владельцы магазинов на обоих берегах реки говорят, что за время закрытия их выручка упала почти на треть. Некоторые из них собрались у восточного конца моста, чтобы встретить первых велосипедистов кофе и выпечкой.',
  'Мэр заявил, что теперь город займётся небольшими пешеходными мостами выше по течению, которые инспекторы в прошлом году признали требующими срочного ремонта. Общественные слушания по этим планам начнутся в следующем месяце.',
];

/** The same story in Japanese, for Shift_JIS tests. */
export const JA_TITLE = '港の橋、二年間の改修を経て再開通';
export const JA_PARAGRAPHS = [
  '港に架かる古い橋が月曜日の朝、二年間にわたる改修工事を終えて再び開通した。工事費は四千万ユーロを超え、通勤客は新しくなった橋を最初に渡ろうと夜明け前から列を作った。',
  '技術者たちは腐食した鋼製ケーブルを交換し、路面を舗装し直したうえで、近年の冬に増えた激しい嵐にも耐えられる新しい排水設備を設置した。資材の納入が遅れたため、工事は予定より半年遅れた。',
  '川の両岸にある商店の店主らは、通行止めの間に売り上げが三割近く減ったと話している。何人かは橋の東側に集まり、最初に渡ってきた自転車の利用者をコーヒーと焼き菓子で出迎えた。',
  '市長は今後、上流にある小さな歩道橋の整備に取り組む考えを示した。これらの橋は昨年の点検で早急な補修が必要だと指摘されており、計画についての住民説明会は来月開かれる。',
];

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
