import { describe, expect, it } from 'vitest';
import { chooseLead, isSiteFurniture } from '../src/extract/lead-choice.js';

const image = (url: string) => ({ url, alt: null, caption: null, credit: null });

describe('isSiteFurniture: a picture whose address names site furniture', () => {
  it.each([
    'https://example.com/assets/img/site-logo.png',
    'https://example.com/static/opengraph_default.jpg',
    'https://example.com/images/nmblogo-bw-440.png',
    'https://example.com/images/rss.gif',
    'https://example.com/img/btn_email.gif',
    'https://example.com/i/blank.jpg',
    'https://example.com/images/authors/thumb_jane.jpg',
    'https://secure.gravatar.com/blavatar/abc?s=40',
    'https://example.com/',
  ])('%s', (url) => {
    expect(isSiteFurniture(url)).toBe(true);
  });

  it.each([
    'https://example.com/sites/default/files/2024/05/harbour.jpg',
    'https://example.com/uploads/silicon-wafer.jpg',
    'https://example.com/uploads/analogous-colours.jpg',
    'https://cdn.example.com/dims4/default/0b48/resize/840x548/?url=https%3A%2F%2Fs3.example.com%2Fphoto.jpg',
  ])('not furniture: %s', (url) => {
    expect(isSiteFurniture(url)).toBe(false);
  });
});

describe('chooseLead', () => {
  const photo = image('https://example.com/uploads/photo.jpg');
  it('a declared logo the page never shows gives way to the article photo', () => {
    expect(chooseLead(image('https://example.com/img/site-logo.png'), false, [photo])).toEqual(photo);
  });
  it('a declared logo the page shows stays (a story about the brand)', () => {
    const logo = image('https://example.com/uploads/brand-logo.jpg');
    expect(chooseLead(logo, true, [logo])).toEqual(logo);
  });
  it('with nothing declared, furniture at the top of the article is stepped over', () => {
    expect(chooseLead(null, false, [image('https://example.com/img/icons/print.gif'), photo])).toEqual(photo);
  });
  it('no picture is better than a logo', () => {
    expect(chooseLead(image('https://example.com/img/site-logo.png'), false, [])).toBeNull();
  });
});
