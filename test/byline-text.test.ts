// test/byline-text.test.ts
// The names in a visible byline's text (issue 10): the date and what follows it, a bio line, a
// job title, a town and a menu's words are no one; names in several languages stay whole.

import { describe, expect, it } from 'vitest';
import { beforeDate, looksLikeName, namesIn } from '../src/metadata/byline-text.js';

describe('namesIn', () => {
  it.each([
    ['By Jane Doe | Jane covers city hall and transport.', ['Jane Doe']],
    ['Posted by Mike on August 8, 2012 in Memorial Award, Lions', ['Mike']],
    ['Written by Jane Doe March 3, 2024', ['Jane Doe']],
    ['Monday, November 12, 2012, by Matthew Kang', ['Matthew Kang']],
    ['By Eric Yang on 10.29.12 | Photo by NWS', ['Eric Yang']],
    ['Roland Parry, Washington | December 31, 2007', ['Roland Parry']],
    ['JILL LAWLESS | Associated Press', ['JILL LAWLESS', 'Associated Press']],
    ['By Alan Boyle Science editor | NBC News', ['Alan Boyle Science editor', 'NBC News']],
    ['This post was written by Danielle Padula, Head of Marketing and Community Development', ['Danielle Padula']],
    ['Von Teresa von Fuchs und Marna van der Merwe', ['Teresa von Fuchs', 'Marna van der Merwe']],
    ['Par Jean-Pierre Dupont et Ana de la Cruz', ['Jean-Pierre Dupont', 'Ana de la Cruz']],
    ['Kenny DuMez | Graphite software engineer', ['Kenny DuMez']],
    ['Posted by Ruth Calder in Gardening, Tips and Tricks', ['Ruth Calder']],
  ])('%s', (text, names) => {
    expect(namesIn(text)).toEqual(names);
  });

  it.each(['Fighting back', 'The Russian and Syrian defense ministries', 'Press Release ·', 'From the archive'])('names no one: %s', (text) => {
    expect(namesIn(text)).toEqual([]);
  });

  it('reads a login only where the element is marked as the author', () => {
    expect(namesIn('jbat', true)).toEqual(['jbat']);
    expect(namesIn('hand')).toEqual([]);
  });
});

describe('looksLikeName and beforeDate', () => {
  it.each(['Ryan O’Connell', 'Ana María García', '김민수', 'NBC’s Chuck Todd', 'J. R. Smith'])('a name: %s', (name) => {
    expect(looksLikeName(name)).toBe(true);
  });

  it.each(['Autorenseite von', 'Jane covers city hall', 'Graphite software engineer', 'the editors'])('no name: %s', (name) => {
    expect(looksLikeName(name)).toBe(false);
  });

  it('cuts at the date, and keeps a byline that has none', () => {
    expect(beforeDate('Greta Lindholm 3. März 2024')).toBe('Greta Lindholm');
    expect(beforeDate('Greta Lindholm, aktualisiert 12:00')).toBe('Greta Lindholm');
    expect(beforeDate('Mary May Smith')).toBe('Mary May Smith');
  });
});
