import { describe, expect, it } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createProgCoreServices } from '@sporbar/language';
import { allowedDistance, closestWord, editDistance, looseForm } from '../../packages/language/src/references/prog-suggest.js';
import { suggestIds } from '../../packages/language/src/references/prog-id-suggestions.js';
import { grammarWords } from '../../packages/language/src/parser/prog-grammar-words.js';
import type { NamedElement } from '../../packages/language/src/references/prog-names.js';

describe('did you mean (prog-suggest.ts)', () => {
    it('counts edits, a swap of two neighbours as one', () => {
        expect(editDistance('confidance', 'confidence')).toBe(1);
        expect(editDistance('evidnece', 'evidence')).toBe(1);
        expect(editDistance('kitten', 'sitting')).toBe(3);
        expect(editDistance('abc', 'abc')).toBe(0);
        // Stops early past the limit.
        expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    });

    it('allows more edits in longer words', () => {
        expect([3, 4, 5, 8, 9, 14].map(allowedDistance)).toEqual([1, 1, 2, 2, 3, 3]);
    });

    it('names the closest word, the same word in other case, or a word of another scale', () => {
        const properties = ['answers', 'evidence', 'confidence', 'concerns', 'supports', 'challenges', 'about', 'date', 'status', 'replaces', 'text'];
        expect(closestWord('confidance', properties)).toBe('confidence');
        expect(closestWord('Evidence', properties)).toBe('evidence');
        expect(closestWord('answer', properties)).toBe('answers');
        expect(closestWord('kilde', properties)).toBeUndefined();
        expect(closestWord('medium', ['high', 'moderate', 'low', 'very-low'])).toBe('moderate');
        expect(closestWord('moderate', ['high', 'medium', 'low'])).toBe('medium');
        expect(closestWord('intervju', ['interview', 'focus-group', 'document'])).toBe('interview');
        expect(closestWord('verylow', ['high', 'moderate', 'low', 'very-low'])).toBe('very-low');
    });

    it('does not guess between two equally close words, nor from one or two letters', () => {
        expect(closestWord('bat', ['bar', 'bag'])).toBeUndefined();
        expect(closestWord('x', ['a', 'b'])).toBeUndefined();
        expect(closestWord('nb', ['nn', 'en'])).toBeUndefined();
    });

    it('compares IDs and titles without case, diacritics, spaces, - and _', () => {
        expect(looseForm('Læringskapasitet')).toBe('laeringskapasitet');
        expect(looseForm('Rådet – strategisk')).toBe('radetstrategisk');
        expect(looseForm('UU_1')).toBe('uu1');
    });
});

describe('IDs an unresolved reference most likely means (prog-id-suggestions.ts)', () => {
    const element = (name: string, title: string) => ({ $type: 'Actor', name, title }) as unknown as NamedElement;
    const candidates = [element('Læringskapasitet', 'Kommunene lærer av hverandre'), element('Kommunene', 'Deltakende kommuner'), element('KS', 'KS')];

    it('finds an ID within a few edits, ignoring case and diacritics', () => {
        expect(suggestIds('Læringskapsitet', candidates)).toEqual([{ id: 'Læringskapasitet' }]);
        expect(suggestIds('laeringskapasitet', candidates)).toEqual([{ id: 'Læringskapasitet' }]);
        expect(suggestIds('ks', candidates)).toEqual([{ id: 'KS' }]);
    });

    it('finds an element by the start of its title', () => {
        expect(suggestIds('Deltakende', candidates)).toEqual([{ id: 'Kommunene', title: 'Deltakende kommuner' }]);
    });

    it('finds nothing for a name unlike any', () => {
        expect(suggestIds('Helsedirektoratet', candidates)).toEqual([]);
    });
});

describe('the words of the grammar (prog-grammar-words.ts)', () => {
    const words = grammarWords(createProgCoreServices(EmptyFileSystem).Prog.Grammar);

    it('knows each element head, with the kind words of a source', () => {
        expect([...words.heads.keys()]).toEqual(expect.arrayContaining(['programme', 'finding', 'source', 'report', 'table', 'chart']));
        expect(words.heads.get('source')).toEqual(['interview', 'focus-group', 'document', 'observation', 'survey', 'workshop', 'literature', 'dataset']);
        expect(words.heads.get('finding')).toBeUndefined();
    });

    it('lists the properties of a rule, nested elements included', () => {
        expect(words.propertyWords('Finding')).toEqual(['answers', 'evidence', 'confidence', 'concerns', 'supports', 'challenges', 'about', 'date', 'status', 'replaces', 'text']);
        expect(words.propertyWords('Logic')).toEqual(['input', 'activity', 'output', 'outcome', 'impact', 'assumption', 'indicator']);
        expect(words.nearbyWords('Finding')).toEqual(expect.arrayContaining(['at', 'quote']));
    });

    it('lists the values of a value rule', () => {
        expect(words.values('Confidence')).toEqual(['high', 'moderate', 'low', 'very-low']);
        expect(words.values('Finding')).toBeUndefined();
    });

    it('knows the properties and values V2 added, read from the grammar like the others', () => {
        expect(words.propertyWords('Recommendation')).toEqual(expect.arrayContaining(['date', 'follow-up']));
        expect(words.propertyWords('Indicator')).toEqual(expect.arrayContaining(['measured']));
        expect(words.propertyWords('Assessment')).toEqual(expect.arrayContaining(['date', 'replaces', 'not-assessed']));
        expect(words.propertyWords('Programme')).toEqual(expect.arrayContaining(['ethics', 'data-deletion']));
        expect(words.propertyWords('Report')).toEqual(expect.arrayContaining(['institution', 'project-leader', 'quality-assurance', 'isbn', 'issn', 'keywords', 'preface', 'summary-en']));
        expect(words.propertyWords('Source')).toEqual(expect.arrayContaining(['population', 'count']));
        expect(words.propertyWords('Table')).toEqual(['from', 'file', 'note', 'unit', 'counts']);
        expect(words.propertyWords('Chart')).toEqual(['from', 'file', 'note', 'unit', 'kind']);
        expect(words.values('ChartKind')).toEqual(['bar', 'line']);
        expect(words.values('RecommendationStatus')).toEqual(['proposed', 'accepted', 'rejected', 'implemented']);
        expect(words.keywords).toEqual(expect.arrayContaining(['follow-up', 'not-assessed', 'data-deletion', 'summary-en']));
        expect(closestWord('folow-up', words.keywords.filter(k => k.includes('-')))).toBe('follow-up');
        expect(closestWord('mesured', words.propertyWords('Indicator'))).toBe('measured');
        expect(closestWord('tabel', words.heads.keys())).toBe('table');
    });

    it('knows the words that open a text', () => {
        expect([...words.textOpeners].sort()).toEqual(['conclusion', 'description', 'discussion', 'ethics', 'introduction', 'method', 'preface', 'section', 'summary', 'summary-en', 'text']);
    });
});
