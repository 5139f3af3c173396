// src/tools/warc-pages.ts
// The small site the WARC fixtures are recorded from: four article pages written for these
// fixtures (English, German served gzipped, Russian in windows-1251 declared only in the HTTP
// header, a chunked English page), a PDF, a redirect and a 404.

import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

export interface SitePage {
  path: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Sent in pieces with no Content-Length, so the stored response is chunked. */
  chunked?: boolean;
}

function page(lang: string, title: string, paragraphs: readonly string[]): string {
  const body = paragraphs.map((text) => `<p>${text}</p>`).join('\n');
  return `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>${title}</h1>
${body}
</article>
<footer>All rights reserved.</footer></body></html>`;
}

export const ENGLISH_TITLE = 'Harbour ferry returns after a winter of repairs';
const ENGLISH = page('en', ENGLISH_TITLE, [
  'The small passenger ferry that links the two halves of the old harbour returned to service on Monday after four months in dry dock, where its hull plates and both engines were replaced.',
  'Commuters queued from seven in the morning for the first crossing. Several said the detour around the bay had added forty minutes to each journey while the boat was away.',
  'The operator said the repairs cost less than a new vessel would have and should keep the ferry running for another fifteen years, with a lift for bicycles and prams added at the same time.',
]);

export const GERMAN_TITLE = 'Neue Radwege entlang des Flussufers eröffnet';
const GERMAN = page('de', GERMAN_TITLE, [
  'Nach zwei Jahren Bauzeit sind die neuen Radwege am östlichen Flussufer seit dem Wochenende befahrbar. Sie verbinden die Altstadt mit den Wohngebieten im Norden auf einer Strecke von sechs Kilometern.',
  'Die Stadt hat dafür alte Parkplätze zurückgebaut und an drei Stellen neue Brücken über die Nebenarme gelegt. Anwohner hatten sich seit Jahren eine sichere Verbindung gewünscht.',
  'Im Frühjahr sollen Bänke, Trinkbrunnen und eine Beleuchtung folgen, die nur bei Bewegung heller wird, damit die Tiere am Ufer nachts nicht gestört werden.',
]);

export const RUSSIAN_TITLE = 'В городской библиотеке открылся новый читальный зал';
const RUSSIAN = page('ru', RUSSIAN_TITLE, [
  'После года ремонта центральная городская библиотека открыла новый читальный зал на втором этаже. В нём шестьдесят мест, большие окна и отдельная комната для занятий в группах.',
  'Посетители в первый же день заняли почти все столы. Студенты говорят, что раньше им приходилось готовиться к экзаменам в кафе, потому что в старом зале было тесно и шумно.',
  'Библиотека обещает продлить часы работы до десяти вечера и каждую субботу проводить встречи с местными писателями и художниками.',
]);

export const CHUNKED_TITLE = 'Volunteers count the birds of the river delta';
const CHUNKED = page('en', CHUNKED_TITLE, [
  'More than two hundred volunteers spent Sunday walking the marshes of the river delta with notebooks and binoculars for the annual bird count, now in its thirtieth year.',
  'Organisers said early tallies showed more wading birds than last year, which they put down to the new shallow pools dug along the southern bank in the autumn.',
  'The full results, checked against photographs and sound recordings, will be published in the spring and sent to the national survey.',
]);

/** A tiny but well-formed one-page PDF: only its type matters here. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export function sitePages(): SitePage[] {
  const html = 'text/html; charset=utf-8';
  return [
    { path: '/ferry.html', status: 200, headers: { 'content-type': html }, body: Buffer.from(ENGLISH) },
    { path: '/radwege.html', status: 200, headers: { 'content-type': html, 'content-encoding': 'gzip' }, body: gzipSync(GERMAN) },
    { path: '/biblioteka.html', status: 200, headers: { 'content-type': 'text/html; charset=windows-1251' }, body: iconv.encode(RUSSIAN, 'windows-1251') },
    { path: '/birds.html', status: 200, headers: { 'content-type': html }, body: Buffer.from(CHUNKED), chunked: true },
    { path: '/report.pdf', status: 200, headers: { 'content-type': 'application/pdf' }, body: PDF },
    { path: '/old-ferry', status: 301, headers: { location: '/ferry.html', 'content-type': html }, body: Buffer.from('<p>Moved</p>') },
    { path: '/missing.html', status: 404, headers: { 'content-type': html }, body: Buffer.from('<h1>Not found</h1>') },
  ];
}
