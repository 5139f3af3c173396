// test/tags.test.ts
// Issue 10, tags: a tag is a topic a reader would recognise; the page's type, the CMS's switches and
// the generic "News" every story of a news site carries are bookkeeping.

import { describe, expect, it } from 'vitest';
import { topicOf } from '../src/metadata/tags.js';

describe('topicOf', () => {
  it('drops page types and CMS switches', () => {
    for (const tag of [
      'videoarticle',
      'Articles',
      'News story',
      'Blogartikel',
      'gallery-post',
      'newsitem',
      'Uncategorized',
      'noindex',
      'sponsored',
      'paywall-false',
      'isPremium=true',
    ]) {
      expect(topicOf(tag), tag).toBeUndefined();
    }
  });

  it('drops the generic news labels, alone or as a label value', () => {
    for (const tag of ['News', 'Nachrichten', 'Breaking', 'Allgemein', 'General', 'Category: News']) {
      expect(topicOf(tag), tag).toBeUndefined();
    }
  });

  it('keeps topics that contain those words', () => {
    for (const tag of ['Breaking News', 'video content', 'Post', 'Free agency', 'Business News', 'Vote-No', 'General Motors', 'news photography']) {
      expect(topicOf(tag), tag).toBe(tag);
    }
    expect(topicOf('Category: Jupiter')).toBe('Jupiter');
  });
});
