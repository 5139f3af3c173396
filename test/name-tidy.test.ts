import { describe, expect, it } from 'vitest';
import { sortCredits } from '../src/metadata/credits.js';
import { tidyName } from '../src/metadata/name-tidy.js';
import { splitAuthors } from '../src/metadata/values.js';

describe('tidyName: a byline credit without the furniture its text picked up', () => {
  it.each([
    ['Written byDan Pantelo', 'Dan Pantelo'],
    ['Veröffentlicht vonChris Jung', 'Chris Jung'],
    ['Jeff FoustMonday', 'Jeff Foust'],
    ['Louis Jacobson on Monday', 'Louis Jacobson'],
    ['David A. Utter - Fri', 'David A. Utter'],
    ['Shaun Nichols in California', 'Shaun Nichols'],
    ['Lance Ryan (Content Manager)', 'Lance Ryan'],
    ['Jonathon Ramsey RSS feed', 'Jonathon Ramsey'],
    ['About Melissa Norris', 'Melissa Norris'],
  ])('%s -> %s', (credit, name) => {
    expect(tidyName(credit)).toBe(name);
  });

  it.each(['View my complete profile', 'Save as PDF', 'About Us', 'Topic: Pastoral Ministry', 'Thursday', 'Veröffentlicht am', 'Alle Beiträge →'])(
    'a widget label or a date alone names no one: %s',
    (credit) => {
      expect(tidyName(credit)).toBe('');
    },
  );

  it.each(['Evan Symon', 'Leena Simon', 'calgarysun', 'The Mail On Sunday', 'Jean Lundi', 'Sunday Times'])(
    'a name or outlet that only looks like it ends in furniture stays whole: %s',
    (credit) => {
      expect(tidyName(credit)).toBe(credit);
    },
  );

  it('spaced labels are cut with the other byline prefixes before the split', () => {
    expect(splitAuthors('Erstellt von Andri Bryner')).toEqual(['Andri Bryner']);
  });

  it('applies to every name of a split byline', () => {
    expect(splitAuthors('Matthew Digby, Minh Do on Monday')).toEqual(['Matthew Digby', 'Minh Do']);
  });
});

describe('sortCredits: a name with its agency or its job after it', () => {
  it.each([
    ['TOM CANAVAN ASSOCIATED PRESS', ['TOM CANAVAN'], ['ASSOCIATED PRESS']],
    ['KAREN MATTHEWSTHE ASSOCIATED PRESS', ['KAREN MATTHEWS'], ['THE ASSOCIATED PRESS']],
    ['Jane Doe, Agence France-Presse', ['Jane Doe'], ['Agence France-Presse']],
    ['hessenschau.de', [], ['hessenschau.de']],
    ['news.example.online', [], ['news.example.online']],
    ['christian.stadtfeld', ['christian.stadtfeld'], []],
    ['sam.okafor', ['sam.okafor'], []],
  ])('%s', (credit, people, organizations) => {
    expect(sortCredits([credit], null)).toEqual({ people, organizations });
  });

  it('a job credit split off by a comma names no one', () => {
    expect(sortCredits(['Mayank Gupta', 'CEO of an analytics firm', 'Extension horticulture educators'], null)).toEqual({
      people: ['Mayank Gupta'],
      organizations: [],
    });
  });

  it('a one-word agency at the end of a name stays the name', () => {
    expect(sortCredits(['Tom Pa'], null).people).toEqual(['Tom Pa']);
  });
});

describe('sortCredits: an outlet, a source or a title beside a name (issue 10)', () => {
  it.each([
    ['Brendan Carlin For The Mail On Sunday', ['Brendan Carlin'], ['The Mail On Sunday']],
    ['John Harris TRIBUNE-REVIEW', ['John Harris'], ['TRIBUNE-REVIEW']],
    ['Brian Truitt USA TODAY', ['Brian Truitt'], ['USA TODAY']],
    ['Max Müller (mit dpa)', ['Max Müller'], ['dpa']],
    ['Jane Doe with wire services', ['Jane Doe'], ['wire services']],
    ['Dana Whitfield - Staff Writer', ['Dana Whitfield'], []],
    ['JASON STRAZIUSO Associated Press Writer', ['JASON STRAZIUSO'], ['Associated Press']],
    ['Center for Drug Evaluation', [], ['Center for Drug Evaluation']],
    ['Deutscher Caritasverband e. V.', [], ['Deutscher Caritasverband e. V.']],
    ['The Patriot Ledger', [], ['The Patriot Ledger']],
    ['Staff Writer', [], []],
    ['AAA Travel Editor', [], []],
    ['OUR SPECIAL CORRESPONDENT', [], []],
  ])('%s', (credit, people, organizations) => {
    expect(sortCredits(splitAuthors(credit), null)).toEqual({ people, organizations });
  });

  it.each(['Jean DUPONT', 'John Smith III', 'Jane Doe NASA', 'Ana María García', 'Interview mit Anna Schmidt'])(
    'leaves a credit it cannot split safely whole: %s',
    (credit) => {
      expect(sortCredits([credit], null)).toEqual({ people: [credit], organizations: [] });
    },
  );

  it('drops the photographer and the editor beside the writer, and keeps a lone photo credit', () => {
    expect(splitAuthors('Reporting by Dana Whitfield; Editing by Paul Brenner')).toEqual(['Dana Whitfield']);
    expect(splitAuthors('Text: Anna Schmidt / Fotos: Peter Lang')).toEqual(['Anna Schmidt']);
    expect(splitAuthors('Photos by Tom Green')).toEqual(['Tom Green']);
    expect(splitAuthors('AL ALEXANDER<BR>The Patriot Ledger')).toEqual(['AL ALEXANDER', 'The Patriot Ledger']);
  });
});
