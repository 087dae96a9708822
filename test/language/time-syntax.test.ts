import { describe, expect, it } from 'vitest';
import { diagnose, PROGRAMME } from './helpers.js';

/**
 * Bad input in the time and measurement constructs gets a message that shows what is
 * expected (prog-parser-messages.ts), at the offending token.
 */
async function parseErrors(body: string): Promise<string[]> {
    const diagnostics = await diagnose({ 'model.prog': PROGRAMME + body });
    return diagnostics.filter(d => d.diagnostic.code === 'syntax/parse')
        .map(d => `${d.diagnostic.range.start.line + 1}:${d.diagnostic.range.start.character + 1} ${d.diagnostic.message}`);
}

describe('messages for the time and measurement constructs', () => {
    it('a follow-up with an unknown status names the four statuses and the shape of a follow-up', async () => {
        expect(await parseErrors('recommendation R1 "R" {\n    follow-up 2022-03-01 ferdig "Ferdig"\n}\n')).toEqual([
            "4:26 Expected the follow-up's status (proposed, accepted, rejected or implemented) but found 'ferdig' — a follow-up reads `follow-up DATE STATUS \"response\"`, the response optional"
        ]);
    });

    it('a follow-up status that stands for one of the four gets "did you mean" instead (issue 19)', async () => {
        expect(await parseErrors('recommendation R1 "R" {\n    follow-up 2022-03-01 acepted "Ja"\n}\n')).toEqual([
            "4:26 'acepted' is not one of the recommendation status values proposed, accepted, rejected, implemented — did you mean `accepted`?"
        ]);
        expect(await parseErrors('recommendation R1 "R" {\n    follow-up 2022-03-01 done "Ferdig"\n}\n')).toEqual([
            "4:26 'done' is not one of the recommendation status values proposed, accepted, rejected, implemented — did you mean `implemented`?"
        ]);
    });

    it('a follow-up without a status says so too (a bare year is a date)', async () => {
        expect(await parseErrors('recommendation R1 "R" { follow-up 2022 }\n')).toEqual([
            "3:40 Expected the follow-up's status (proposed, accepted, rejected or implemented) but found '}' — a follow-up reads `follow-up DATE STATUS \"response\"`, the response optional"
        ]);
    });

    it('a status keyword with an unknown value keeps the general message', async () => {
        const [message] = await parseErrors('recommendation R1 "R" { status ferdig }\n');
        expect(message).toBe("3:32 Expected one of the recommendation status values proposed, accepted, rejected, implemented but found 'ferdig'");
    });

    it('a measured value without its number shows the shape of a measurement', async () => {
        expect(await parseErrors('logic L "L" { output O "O" { indicator I "I" { measured 2021-12 from D1 } } }\nsource D1 document "D"\n')).toEqual([
            "3:65 Expected the measured value (a number) after the date but found 'from' — a measurement reads `measured DATE NUMBER from SOURCE at \"locator\"`, `from` and `at` optional"
        ]);
    });

    it('not-assessed without its reason asks for the reason in quotes', async () => {
        expect(await parseErrors('assessment V1 "V" { criterion efficiency  not-assessed }\n')).toEqual([
            "3:56 Expected the reason in quotes after `not-assessed` but found '}' — write `not-assessed \"why this criterion was not assessed\"`"
        ]);
        expect(await parseErrors('assessment V1 "V" { criterion efficiency  not-assessed """ Utenfor mandatet. """ }\n')).toEqual([
            "3:56 Expected the reason in quotes after `not-assessed` but found '\"\"\"' — write `not-assessed \"why this criterion was not assessed\"`"
        ]);
    });
});
