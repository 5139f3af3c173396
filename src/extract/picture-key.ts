// src/extract/picture-key.ts
// Which addresses are renditions of one picture: a size suffix ("-585x439"), size and quality
// parameters ("?w=1200") and srcset entries of one file share a key.

/** A size suffix a CMS adds to each rendition: "photo-585x439.jpg", "photo_800x600.webp". */
const SIZE_SUFFIX = /[-_]\d{2,4}x\d{2,4}(?=\.\w+$)/;

/** Query parameters that pick a rendition of a file rather than name a picture. */
export const RENDITION_PARAMS = new Set([
  'w',
  'h',
  'width',
  'height',
  'resize',
  'fit',
  'crop',
  'quality',
  'q',
  'dpr',
  'strip',
  'ssl',
  'format',
  'fm',
  'auto',
  'retina',
  'zoom',
]);

/**
 * One picture's renditions in one page: the path without its size suffix. Query strings
 * ("?w=1200") pick renditions of the same file; the folder is kept, since some CDNs name every
 * file after its size ("…/18826133/3/920x920.jpg").
 */
export function pictureKey(url: string): string {
  try {
    const parsed = new URL(url);
    // Size and quality parameters pick a rendition; any other ("image.php?src=…") names the picture.
    const naming = [...parsed.searchParams.entries()].filter(([name]) => !RENDITION_PARAMS.has(name.toLowerCase()));
    return `${parsed.pathname.toLowerCase().replace(SIZE_SUFFIX, '')}?${new URLSearchParams(naming).toString()}`;
  } catch {
    return url;
  }
}

/** The file name of an image URL without its size suffix, so a resized or re-hosted copy still matches. */
export function imageKey(url: string): string {
  try {
    return (new URL(url).pathname.split('/').pop()?.toLowerCase() ?? url).replace(SIZE_SUFFIX, '');
  } catch {
    return url;
  }
}
