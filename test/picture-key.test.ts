// test/picture-key.test.ts
// Issue 10, lead image: one picture is one image, whatever rendition a page links (a regression
// guard: this already held when written).

import { describe, expect, it } from 'vitest';
import { pictureKey } from '../src/extract/picture-key.js';

describe('pictureKey', () => {
  it('gives size-suffixed copies and resize parameters of one file the same key', () => {
    const key = pictureKey('https://h.example/wp-content/uploads/2024/03/quay.jpg');
    expect(pictureKey('https://h.example/wp-content/uploads/2024/03/quay-585x439.jpg')).toBe(key);
    expect(pictureKey('https://h.example/wp-content/uploads/2024/03/quay_1024x768.jpg')).toBe(key);
    expect(pictureKey('https://h.example/wp-content/uploads/2024/03/quay.jpg?w=1200&quality=80')).toBe(key);
  });

  it('keeps different pictures apart', () => {
    expect(pictureKey('https://h.example/uploads/quay.jpg')).not.toBe(pictureKey('https://h.example/uploads/pier.jpg'));
    // Some CDNs name every file after its size: the folder names the picture.
    expect(pictureKey('https://cdn.example/18826133/3/920x920.jpg')).not.toBe(pictureKey('https://cdn.example/18826134/3/920x920.jpg'));
    // A parameter that is no size names the picture ("image.php?src=…").
    expect(pictureKey('https://h.example/image.php?src=a.jpg')).not.toBe(pictureKey('https://h.example/image.php?src=b.jpg'));
  });
});
