// src/tools/warm-up-pages.ts
// Made-up pages that src/tools/bundle-worker.ts cleans once at build time, so V8 compiles the
// code a page needs before its code cache is saved: a news article with the usual page chrome,
// and a plain-text dump. Their content does not matter, only which code they run.

export interface WarmUpPage {
  name: string;
  url: string | null;
  text: string;
}

const paragraphs = [
  'The harbour board voted on Tuesday evening to rebuild the old east pier, ending a debate that has run for almost a decade.',
  'Engineers told the meeting that the timber piles under the pier had rotted further than a survey in 2019 suggested, and that the walkway could not stay open past the spring.',
  '"We have patched it for as long as patching made sense," the board chair said. "Now it is cheaper to start again than to keep repairing a structure nobody trusts."',
  'The new pier will be built in steel and concrete, with a lower deck for small boats and a wider walkway for the weekend market that uses it in summer.',
  'Work is due to begin in March. The ferry to the islands will leave from the west quay while the pier is closed, which adds about ten minutes to the crossing.',
];

const article = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour board votes to rebuild the east pier | The Coastal Times</title>
<meta property="og:title" content="Harbour board votes to rebuild the east pier">
<meta property="og:site_name" content="The Coastal Times">
<meta property="og:image" content="https://news.example/images/pier.jpg">
<meta name="description" content="The board ends a decade of debate over the old timber pier.">
<meta name="author" content="Mara Lindqvist">
<meta property="article:published_time" content="2024-03-05T18:30:00Z">
<link rel="canonical" href="https://news.example/local/harbour-pier">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour board votes to rebuild the east pier","datePublished":"2024-03-05T18:30:00Z","author":{"@type":"Person","name":"Mara Lindqvist"},"keywords":["harbour","pier"]}</script>
<style>body { font-family: serif; } .nav a { color: #333; }</style>
</head>
<body>
<header class="site-header"><nav class="nav"><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<form class="search"><input type="search" name="q"><button>Search</button></form></header>
<main>
<article class="story">
<h1>Harbour board votes to rebuild the east pier</h1>
<p class="byline">By <a href="/authors/mara" rel="author">Mara Lindqvist</a> · <time datetime="2024-03-05T18:30:00Z">5 March 2024</time></p>
<div class="share"><a href="https://share.example/?u=1">Share</a> <a href="mailto:?subject=pier">Email</a></div>
<figure><img src="/images/pier.jpg" alt="The old east pier at low tide" width="800" height="450"><figcaption>The old east pier at low tide. Photo: Jon Berg</figcaption></figure>
${paragraphs.map((text) => `<p>${text}</p>`).join('\n')}
<h2>What changes for ferry passengers</h2>
<ul><li>Ferries leave from the west quay from 1 March.</li><li>The car park on Pier Road closes during the works.</li></ul>
<blockquote><p>"It is the right call, even if the summer will be awkward," one stall holder said.</p></blockquote>
<table><thead><tr><th>Phase</th><th>Dates</th></tr></thead><tbody><tr><td>Demolition</td><td>March to May</td></tr><tr><td>Building</td><td>June to December</td></tr></tbody></table>
<p>Read more: <a href="/local/ferry-timetable">the new ferry timetable</a>.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/local/a">Market moves for the summer</a></li><li><a href="/local/b">Storm damage along the coast</a></li></ul></aside>
<div class="newsletter">Sign up for our daily newsletter <button>Subscribe</button></div>
</main>
<footer><p>© 2024 The Coastal Times. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/cookies">Cookies</a></footer>
</body>
</html>
`;

const dump = `Harbour board votes to rebuild the east pier

By Mara Lindqvist
5 March 2024

${paragraphs.join('\n\n')}
`;

export const WARM_UP_PAGES: readonly WarmUpPage[] = [
  { name: 'warm-up-article.html', url: 'https://news.example/local/harbour-pier', text: article },
  { name: 'warm-up-dump.txt', url: null, text: dump },
];
