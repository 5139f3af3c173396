// src/metadata/tags.ts
// Tags are topics a reader would recognise. CMSes put their own bookkeeping in the same keyword
// fields: channel and template codes ("channel_other", "ctp_video"), ids and UUIDs, "Label: value"
// pairs for their filters ("Day: Friday", "WC: 1000-1999", "Section: News"), section paths
// ("sections/world", "/article"), addresses, and whole headlines pasted in as a keyword.

/** Labels whose value is the topic itself: "Category: Jupiter" is the topic "Jupiter". */
const TOPIC_LABELS = /^(?:topic|topics|tag|tags|category|keyword|keywords|subject|thema|themen|schlagwort|schlagworte|sujet|tema|tópico)$/i;
/** "Label: value", a CMS filter pair; the label is one or two short words. */
const LABELLED = /^([\p{L}][\p{L}\d]*(?: [\p{L}\d]+)?)\s*:\s*(.+)$/u;
/** Identifiers: digits only, hex ids and UUIDs, a leading underscore ("_no-apple-news"). */
const CODE = /^_|^\d+$|^[0-9a-f]{8,}(?:-[0-9a-f]{4,})*$/i;
/** A snake_case word anywhere ("type_news", "Paul George PROFESSIONAL_ATHLETE"): an entity or template code. */
const SNAKE_WORD = /(?:^|\s)[\p{L}\d-]+_[\p{L}\d_-]+(?:\s|$)/u;
/** A path or an address: a slash with no spaces ("sections/world"), a URL, an e-mail. */
const PATH_OR_ADDRESS = /^[^\s]*\/[^\s]*$|^https?:|@/i;
/**
 * The page's type or a CMS switch, not its subject: "videoarticle", "News story", "Blogartikel",
 * "Uncategorized", "General", "Homepage", "noindex", "sponsored", "free", "paywall:false", and
 * "News" alone, which every story of a news site is ("Category: News"). A page, post, item or
 * content is a type only with the type joined to it ("videopost", "news-item"): "video content"
 * with a space is a topic of a broadcaster's page.
 */
const PAGE_TYPE =
  /^(?:(?:video|photo|foto|gallery|galerie|live|text|news|blog|audio|image)[-_ ]?)?(?:article|artikel|story|stories)s?$|^(?:video|photo|foto|gallery|galerie|live|text|news|blog|audio|image)[-_]?(?:page|post|item|content)s?$/i;
const PLACEHOLDER_TOPIC =
  /^(?:noindex|nofollow|amp|paywall|premium|free|paid|sponsored|uncategori[sz]ed|unkategorisiert|non classé|sin categoría|allgemein|general|default|none|null|undefined|homepage|startseite|frontpage|breaking|news|nachrichten|noticias|notizie|actualités|aktuelles)$/i;
/** A flag with its value ("paywall-false", "isPremium=true"); "yes"/"no" end real phrases too ("Vote-No"), so only true/false. */
const BOOLEAN_SWITCH = /[-_:=](?:true|false)$/i;
/** A topic is a name or a short phrase; eight words or more is a sentence or a headline. */
export const MAX_TOPIC_WORDS = 7;

/** The topic a tag names, or undefined when it is CMS bookkeeping. */
export function topicOf(tag: string): string | undefined {
  const labelled = LABELLED.exec(tag);
  if (labelled) return TOPIC_LABELS.test(labelled[1]!) ? topicOf(labelled[2]!.trim()) : undefined;
  if (CODE.test(tag) || SNAKE_WORD.test(tag) || PATH_OR_ADDRESS.test(tag) || tag.split(/\s+/).length > MAX_TOPIC_WORDS) return undefined;
  if (PAGE_TYPE.test(tag) || PLACEHOLDER_TOPIC.test(tag) || BOOLEAN_SWITCH.test(tag)) return undefined;
  return tag;
}
