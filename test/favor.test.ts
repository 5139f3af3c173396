// test/favor.test.ts
// The precision/recall switch: --favor-precision keeps only Readability's block, the default
// takes back the sibling sections around it and a lede above it, --favor-recall also takes short
// paragraphs and more links between those sections.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanRaw } from '../src/pipeline.js';
import type { Favor } from '../src/types.js';

function textOf(fixture: string, favor: Favor | undefined): string {
  const bytes = readFileSync(`fixtures/${fixture}/source.html`);
  return cleanRaw({ source: fixture, bytes, contentType: null, url: null }, favor ? { favor } : {}).text;
}

describe('favor', () => {
  it('precision drops the sibling sections the default takes back', () => {
    const section = 'Water the plant an hour before you start';
    expect(textOf('recall--sibling-sections-guide-en', undefined)).toContain(section);
    expect(textOf('recall--sibling-sections-guide-en', 'balanced')).toContain(section);
    expect(textOf('recall--sibling-sections-guide-en', 'precision')).not.toContain(section);
  });

  it('precision drops the lede above the container', () => {
    const lede = 'Councillors voted nine to two on Wednesday';
    expect(textOf('recall--lede-above-body-container-en', undefined)).toContain(lede);
    expect(textOf('recall--lede-above-body-container-en', 'precision')).not.toContain(lede);
  });

  it('the default and recall take back the sections before the chosen block; precision does not', () => {
    const first = 'keep a plain record of every payment for four weeks';
    expect(textOf('recall--section-rows-before-chosen-en', undefined)).toContain(first);
    expect(textOf('recall--section-rows-before-chosen-en', 'recall')).toContain(first);
    expect(textOf('recall--section-rows-before-chosen-en', 'precision')).not.toContain('Know where the money goes');
  });

  it('recall keeps everything the default keeps', () => {
    const balanced = textOf('recall--sibling-sections-guide-en', 'balanced');
    const recall = textOf('recall--sibling-sections-guide-en', 'recall');
    for (const paragraph of balanced.split('\n\n')) expect(recall).toContain(paragraph);
  });
});
