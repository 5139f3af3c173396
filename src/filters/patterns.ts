// src/filters/patterns.ts
// All boilerplate vocabulary, grouped by concept and compiled once at load time.
// Phrases are matched against a whole short block or line (case-insensitive), never inside prose.
// Each group covers en, ru, de, fr, es, it, pt, pl, tr, ja, zh, ko and ar where the concept exists.

/** Widgets that ask the reader to subscribe or sign up, and newsletter boxes. */
export const SUBSCRIBE_PHRASES = [
  'subscribe',
  'subscribe now',
  'subscribe here',
  'subscribe to our newsletter',
  'sign up',
  'sign up now',
  'sign up for our newsletter',
  'get our newsletter',
  'newsletter',
  'our newsletter',
  'join our mailing list',
  'get the latest news in your inbox',
  'follow us',
  'подписаться',
  'подпишитесь',
  'подписка',
  'рассылка',
  'подписывайтесь',
  'подпишитесь на нас',
  'abonnieren',
  'jetzt abonnieren',
  'newsletter abonnieren',
  'zum newsletter anmelden',
  "s'abonner",
  'abonnez-vous',
  "je m'abonne",
  'inscrivez-vous à la newsletter',
  'recevoir la newsletter',
  'suscríbete',
  'suscribirse',
  'suscríbete al boletín',
  'boletín',
  'recibe nuestro boletín',
  'iscriviti',
  'iscriviti alla newsletter',
  'abbonati',
  'assine',
  'assine já',
  'inscreva-se',
  'assine a newsletter',
  'subskrybuj',
  'zapisz się',
  'zapisz się do newslettera',
  'zasubskrybuj',
  'abone ol',
  'bültene abone ol',
  '購読する',
  '購読',
  'ニュースレター',
  'メルマガ登録',
  '订阅',
  '訂閱',
  '立即订阅',
  '구독',
  '구독하기',
  '뉴스레터',
  'اشترك',
  'اشترك الآن',
  'النشرة البريدية',
] as const;

/** Sidebars and rails listing other stories: "Newsfeed", "Most read", "Trending"... */
export const NEWSFEED_PHRASES = [
  'newsfeed',
  'news feed',
  'latest news',
  'latest',
  'breaking news',
  'most read',
  'most popular',
  'most viewed',
  'trending',
  'trending now',
  'top stories',
  'popular',
  "editor's picks",
  'more stories',
  'more news',
  'лента новостей',
  'лента',
  'самое читаемое',
  'популярное',
  'главное',
  'последние новости',
  'meistgelesen',
  'neueste nachrichten',
  'beliebt',
  'top-themen',
  "fil d'actualité",
  "fil d'info",
  'les plus lus',
  'à la une',
  'dernières infos',
  'lo más leído',
  'últimas noticias',
  'lo más visto',
  'tendencias',
  'più letti',
  'ultime notizie',
  'mais lidas',
  'últimas notícias',
  'najczęściej czytane',
  'najnowsze',
  'en çok okunanlar',
  'son dakika',
  'アクセスランキング',
  '最新ニュース',
  '热门',
  '最新新闻',
  '많이 본 뉴스',
  'الأكثر قراءة',
  'آخر الأخبار',
] as const;

/** Comment, login and discussion prompts left where a widget failed to load. */
export const LOGIN_PHRASES = [
  'to participate in the discussion',
  'log in or register',
  'login or register',
  'sign in to comment',
  'you must be logged in to post a comment',
  'log in to comment',
  'join the discussion',
  'join the conversation',
  'leave a comment',
  'add a comment',
  'comments',
  'show comments',
  'view comments',
  'post a comment',
  'sign in',
  'log in',
  'register',
  'чтобы участвовать в дискуссии',
  'авторизуйтесь или зарегистрируйтесь',
  'войдите или зарегистрируйтесь',
  'комментарии',
  'оставить комментарий',
  'войти',
  'kommentare',
  'kommentieren',
  'anmelden',
  'registrieren',
  'zur diskussion',
  'commentaires',
  'réagir',
  'se connecter',
  'connectez-vous pour commenter',
  'comentarios',
  'iniciar sesión',
  'deja un comentario',
  'para participar en la conversación',
  'para comentar',
  'inicia sesión o regístrate',
  'inicia sesión',
  'regístrate',
  'commenti',
  'accedi',
  'comentários',
  'entrar',
  'komentarze',
  'zaloguj się',
  'yorumlar',
  'giriş yap',
  'コメント',
  'ログイン',
  '评论',
  '登录',
  '댓글',
  '로그인',
  'التعليقات',
  'تسجيل الدخول',
] as const;

/** Leftovers of scripted widgets: spinners, chat launchers, "show more" buttons. */
export const LEFTOVER_PHRASES = [
  'loader',
  'loading',
  'loading...',
  'please wait',
  'chats',
  'chat',
  'show more',
  'load more',
  'see more',
  'read more',
  'more',
  'back to top',
  'print',
  'close',
  'menu',
  'text size',
  'order reprints',
  'reprints',
  'print article',
  'print this article',
  'copy link',
  'report error',
  'report an error',
  'please enable javascript',
  'javascript is disabled',
  'enlarge this image',
  'toggle caption',
  'hide caption',
  'view gallery',
  'watch video',
  'play video',
  'listen',
  'listen to this article',
  'загрузка',
  'чаты',
  'показать еще',
  'показать ещё',
  'ещё',
  'mehr anzeigen',
  'mehr laden',
  'weiterlesen',
  'voir plus',
  'afficher plus',
  'ver más',
  'cargar más',
  'mostra altro',
  'carregar mais',
  'pokaż więcej',
  'daha fazla',
  'もっと見る',
  '続きを読む',
  '加载更多',
  '查看更多',
  '더보기',
  'عرض المزيد',
] as const;

/** Headings and lead-ins that introduce links to other articles. */
export const RELATED_PHRASES = [
  'related',
  'related articles',
  'related stories',
  'related news',
  'related content',
  'read also',
  'also read',
  'read more',
  'see also',
  'more on this topic',
  'more on this story',
  'recommended',
  'recommended for you',
  'you may also like',
  'you might also like',
  'more from',
  'further reading',
  "don't miss",
  'do not miss',
  'what to read next',
  'read next',
  'up next',
  'editor’s picks',
  'читайте также',
  'по теме',
  'ещё по теме',
  'еще по теме',
  'смотрите также',
  'читать также',
  'lesen sie auch',
  'mehr zum thema',
  'das könnte sie auch interessieren',
  // The same headings in the informal address many blogs and younger magazines use.
  'das könnte dich auch interessieren',
  'das könnte dich interessieren',
  'das könnte sie interessieren',
  'lies auch',
  'auch interessant',
  'à lire aussi',
  'lire aussi',
  'sur le même sujet',
  'voir aussi',
  'te puede interesar',
  'leer más',
  'noticias relacionadas',
  'lee también',
  'relacionado',
  'leggi anche',
  'potrebbe interessarti',
  'leia também',
  'veja também',
  'czytaj też',
  'czytaj także',
  'zobacz też',
  'ilgili haberler',
  'bunlar da ilginizi çekebilir',
  '関連記事',
  '関連ニュース',
  '相关文章',
  '相关阅读',
  '相關新聞',
  '관련기사',
  '관련 기사',
  'اقرأ أيضا',
  'اقرأ أيضاً',
  'مواضيع ذات صلة',
] as const;

/** Share and follow bars. */
export const SHARE_PHRASES = [
  'share',
  'share this',
  'share this article',
  'share on facebook',
  'share on twitter',
  'tweet',
  'email',
  'facebook',
  'twitter',
  'whatsapp',
  'telegram',
  'linkedin',
  'pinterest',
  'vk',
  'copy link',
  'поделиться',
  'teilen',
  'artikel teilen',
  'partager',
  'compartir',
  'condividi',
  'compartilhe',
  'udostępnij',
  'paylaş',
  'シェア',
  'シェアする',
  '分享',
  '공유',
  '공유하기',
  'شارك',
] as const;

/** Labels that mark ads; a block that is only the label is the ad's leftover. */
export const AD_LABEL_PHRASES = [
  'advertisement',
  'advertising',
  'advert',
  'ad',
  'sponsored',
  'sponsored content',
  'promoted',
  'paid content',
  'реклама',
  'anzeige',
  'werbung',
  'publicité',
  'publicidad',
  'pubblicità',
  'publicidade',
  'reklama',
  'reklam',
  '広告',
  '广告',
  '廣告',
  '광고',
  'إعلان',
] as const;

/** How a photo credit starts: a copyright sign or a "Photo:" label. */
export const CREDIT_PREFIX =
  /^[([]?\s*(?:©|ⓒ|\(c\)|copyright\b|photo(?:graph)?s?\s*(?::|by\b)|image\s*(?::|by\b|credit\b)|(?:main |lead )?image credit\b|credit\s*:|picture\s*:|фото\s*:|фото\b|foto\s*:|bild\s*:|crédit(?:s)?\s*(?:photo)?\s*:|fotografía\s*:|imagen\s*:|zdjęcie\s*:|fotoğraf\s*:|写真\s*[:：]|图片来源|图\s*[:：/]|사진\s*[=:]|صورة\s*:)/iu;

/**
 * A heading that only labels the picture credits below it ("Image credits", "Bildnachweis",
 * "Crédits photos"): German law asks sites to name their picture sources, so many posts end so.
 */
export const CREDITS_HEADING =
  /^(?:(?:image|photo|picture)s?\s*(?:credits?|sources?)|bildnachweise?|bildquellen?|fotonachweise?|fotos?|crédits?\s*(?:photos?|images?)|créditos?(?:\s*de\s*(?:las\s*)?(?:imágenes|fotos))?|crediti\s*(?:fotografici|immagini)|źródła?\s*zdjęć|fotoğraf(?:lar)?|источники?\s*фото|фото)\s*[:：]?$/iu;

/**
 * A credit that names no "Photo:" label but ends with a picture agency ("Jane Doe | Getty Images").
 * Agencies are the wire and stock services whose names stand in credits worldwide.
 */
export const CREDIT_AGENCY_SUFFIX =
  /(?:getty(?: images)?|afp|reuters|ap photo|associated press|epa(?:-efe)?|shutterstock|dpa|anadolu(?: agency)?|xinhua|tass|ria novosti|imago|alamy|istock(?:photo)?|picture alliance|bloomberg|nurphoto|sopa images|zuma(?: press)?)[\s/)\].]*$/iu;

/** A tag list: "Tags: a, b, c", "Теги: …", "Schlagwörter: …" (topic links of the CMS). */
export const TAG_LIST =
  /^(?:tags?|tagged|topics?|keywords|schlagw(?:ö|oe)rter|themen|étiquettes|mots-clés|etiquetas|temas|tag|argomenti|теги|метки|темы|etykiety|tagi|etiketler|タグ|标签|標籤|태그|الوسوم)\s*[:：]?\s+\S.{0,400}$/iu;

/** Counters left by removed widgets: "0", "12", "1/5" and "Image 3 of 12" (galleries). */
export const COUNTER_LINE =
  /^\s*(?:(?:image|photo|picture|slide|bild|foto|фото|imagen|immagine|zdjęcie)\s*)?(?:\d{1,6}|\d{1,3}\s*(?:\/|of|из|von|de|di|z)\s*\d{1,3})\s*$/iu;

/**
 * View counters printed by the post ("1,204 views", "(Viewed 215 times, 12 today)",
 * "Aufrufe: 3.410", "Просмотров: 120"): how often the page was opened, not what it says.
 * Only numbers, view words and their fillers ("times", "today"), with a view word somewhere.
 */
const VIEW_WORD =
  '(?:views?|viewed|visited|visits?|reads|aufrufe|zugriffe|просмотр(?:ов|а|ы)?|vues?|visitas?|visualizaciones|visualizzazioni|letture|wyświetle[ńn]|görüntülenme|閲覧数?|조회수?|阅读量?)';
const VIEW_FILLER = "(?:times|today|total|mal|heute|insgesamt|раз|сегодня|fois|aujourd'hui|veces|hoy|volte|oggi|razy|dzisiaj|kez|bugün|次)";
const VIEW_COUNT = String.raw`(?:${VIEW_WORD}\s*[:：]?\s*)?\d[\d.,\s]*(?:\s*(?:${VIEW_WORD}|${VIEW_FILLER}))*`;
export const VIEW_COUNT_LINE = new RegExp(String.raw`^(?=.*${VIEW_WORD})[([]?\s*${VIEW_COUNT}(?:\s*[,;·|/]\s*${VIEW_COUNT})*\s*[)\]]?$`, 'iu');

/**
 * Reading-time labels the template prints by the byline: "5 min read", "Lesezeit: 3 Min.",
 * "Время чтения: 4 минуты". They estimate the article's length; they are not part of it.
 */
export const READING_TIME_LINE = new RegExp(
  [
    String.raw`^(?:about |approx\.? )?\d{1,3}\s*(?:-|–|to)?\s*(?:\d{1,3}\s*)?(?:min(?:ute)?s?\.?|m)\s*(?:read|reading|to read)$`,
    String.raw`^(?:estimated )?reading time:?\s*(?:about )?\d{1,3}\s*(?:min(?:ute)?s?\.?)?$`,
    String.raw`^(?:lesezeit|lesedauer):?\s*(?:ca\.?\s*)?\d{1,3}\s*(?:min(?:uten|\.)?)?$|^\d{1,3}\s*min(?:uten|\.)?\s*(?:lesezeit|lesedauer)$`,
    String.raw`^время чтения:?\s*(?:~\s*)?\d{1,3}\s*(?:мин(?:ут[аы]?|\.)?)?$|^\d{1,3}\s*мин(?:ут[аы]?|\.)?\s*(?:на )?чтени[яе]$`,
    String.raw`^(?:temps de lecture|tiempo de lectura|tempo di lettura|lettura|tempo de leitura|czas czytania|okuma süresi):?\s*\d{1,3}\s*(?:min(?:utes?|utos?|uti|\.)?|dk\.?)?$`,
    String.raw`^(?:lettura:?\s*)?\d{1,3}\s*(?:min(?:utes?|utos?|uti|\.)?|dk\.?)\s*(?:de lecture|de lectura|di lettura|de leitura|czytania|okuma)$`,
    String.raw`^(?:読了時間|読了目安|阅读时间|閱讀時間|预计阅读|읽는 시간|읽기 시간|وقت القراءة)[:：]?\s*(?:約|约|약)?\s*\d{1,3}\s*(?:分|分钟|分鐘|분|دقائق|دقيقة)?$`,
    String.raw`^(?:約|约|약)?\s*\d{1,3}\s*(?:分で読めます|分钟阅读|分鐘閱讀|분 분량|분 읽기)$|^\d{1,3}\s*(?:دقائق|دقيقة) (?:للقراءة|قراءة)$`,
  ].join('|'),
  'iu',
);

/** Headings of story lists that carry the site's name: "More Great Example Stories", "Other news". */
/**
 * The label a page widget opens with, as a block's first heading: lists of other stories
 * ("Recent Posts", "Must Read", "Latest reviews"), sponsored link boxes ("Links We Like",
 * "Sponsored links"), newsletters, reader polls ("What do you think?", "Have your say") and the
 * site's small print ("Copyright and trade mark notice"). A section of the article is not headed
 * like that.
 */
export const WIDGET_HEADING = new RegExp(
  [
    String.raw`(?:more|other|latest|recent|top|popular|recommended|related|trending|further|featured|editor'?s?)\b.{0,40}\b(?:stor(?:y|ies)|news|articles?|posts?|reads?|videos|headlines|reviews|picks)`,
    String.raw`must[- ]reads?|links we like|(?:sponsored|partner|promoted)\b.{0,20}\b(?:links?|content|stories|posts)`,
    String.raw`.{0,30}\bnewsletters?|what do you think\??|(?:take|join) (?:our|the) (?:poll|survey)|(?:reader'?s'? )?polls?|have your say`,
    String.raw`(?:copyright|legal|privacy)\b.{0,30}\b(?:notice|policy|statement)|disclaimer|terms (?:of|and) (?:use|service|conditions)`,
    String.raw`(?:mehr|weitere|neueste|aktuelle)\b.{0,30}\b(?:artikel|beiträge|nachrichten|news)|meistgelesen|(?:plus|autres) d'?articles|(?:más|otras) noticias|lo más leído`,
  ]
    .map((part) => `^(?:${part})\\s*:?$`)
    .join('|'),
  'iu',
);

/** The end of a sentence (closing quotes and brackets allowed): headlines, labels and bylines have none. */
export const SENTENCE_END = /[.!?。！？]["'”’»)]*$/u;

export const STORY_LIST_HEADING =
  /^(?:more|other|latest|recent|top|popular|recommended|related|trending|further)\b.{0,40}\b(?:stor(?:y|ies)|news|articles?|posts?|reads|videos|headlines)\s*:?$/iu;

/** Compiles a phrase list into one anchored pattern: the whole text is one or more phrases of the
 * group ("To participate in the discussion / log in or register"), maybe with colons, arrows,
 * counts or icons between them. Refuses an empty list, which would match everything. */
export function wholePhrase(phrases: readonly string[]): RegExp {
  if (phrases.length === 0) throw new Error('wholePhrase: an empty phrase group would match everything');
  const any = `(?:${[...phrases]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})`;
  const gap = '[\\s\\p{P}\\p{S}\\d]';
  return new RegExp(`^${gap}*${any}(?:${gap}+${any})*${gap}*$`, 'iu');
}

/** Compiles a phrase list into a pattern for text that starts with the phrase ("Read also: ..."). */
export function leadingPhrase(phrases: readonly string[]): RegExp {
  if (phrases.length === 0) throw new Error('leadingPhrase: an empty phrase group would match everything');
  const escaped = [...phrases].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`^[\\s\\p{P}\\p{S}]*(?:${escaped.join('|')})\\s*[:：.»>|–—-]`, 'iu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const SUBSCRIBE_LINE = wholePhrase(SUBSCRIBE_PHRASES);
export const NEWSFEED_LINE = wholePhrase(NEWSFEED_PHRASES);
export const LOGIN_LINE = wholePhrase(LOGIN_PHRASES);
export const LEFTOVER_LINE = wholePhrase(LEFTOVER_PHRASES);
export const RELATED_LINE = wholePhrase(RELATED_PHRASES);
export const RELATED_LEAD = leadingPhrase(RELATED_PHRASES);
export const SHARE_LINE = wholePhrase(SHARE_PHRASES);
export const AD_LABEL_LINE = wholePhrase(AD_LABEL_PHRASES);
