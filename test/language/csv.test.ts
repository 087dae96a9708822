import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
    collectDiagnostics, countColumn, detectDelimiter, loadWorkspace, MAX_TABLE_BYTES, parseCsvBytes, parseCsvNumber, parseCsvText, ProgTableData,
    type CsvResult
} from '@sporbar/language';

const cleanup: string[] = [];
afterAll(() => { for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true }); });

function temp(prefix: string): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    cleanup.push(dir);
    return dir;
}

function ok(result: CsvResult) {
    if (!result.ok) throw new Error(`expected a table: ${result.problem.message}`);
    return result.table;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('CSV reader (LANGUAGE.md "Tables and charts")', () => {
    it('semicolons with decimal commas and percentages', () => {
        const table = ok(parseCsvText('Tjeneste;2022;2023;n\nHelse og omsorg;35,5 %;52,0 %;146\nOppvekst;28,1%;44,4%;146\n'));
        expect(table.delimiter).toBe(';');
        expect(table.header).toEqual(['Tjeneste', '2022', '2023', 'n']);
        expect(table.rows).toEqual([['Helse og omsorg', '35,5 %', '52,0 %', '146'], ['Oppvekst', '28,1%', '44,4%', '146']]);
        expect(table.lines).toEqual([2, 3]);
        expect(parseCsvNumber(table.rows[0][1])).toEqual({ value: 35.5, percent: true, decimals: 1 });
        expect(parseCsvNumber(table.rows[1][2])).toEqual({ value: 44.4, percent: true, decimals: 1 });
        expect(parseCsvNumber(table.rows[0][3])).toEqual({ value: 146, percent: false, decimals: 0 });
    });

    it('numbers: exactly -?\\d+([.,]\\d+)?( ?%)?, the no-break spaces of Norwegian spreadsheets allowed before %', () => {
        expect(parseCsvNumber('-3,25')).toEqual({ value: -3.25, percent: false, decimals: 2 });
        expect(parseCsvNumber(' 47.5% ')).toEqual({ value: 47.5, percent: true, decimals: 1 });
        expect(parseCsvNumber('47,5\u00a0%')).toEqual({ value: 47.5, percent: true, decimals: 1 });
        for (const text of ['', 'n/a', '1 234', '1.234,5', '+4', '4.', ',5', '47 %%', '5e3', '12  %']) expect(parseCsvNumber(text), text).toBeUndefined();
    });

    it('RFC 4180 quoting: a quoted delimiter, a doubled quote, a line break inside quotes', () => {
        const table = ok(parseCsvText('Område,Andel,n\r\n"Helse, omsorg",47.5,20\r\n"Sitat: ""god""",12,30\r\n"To\r\nlinjer",3,40\r\nSiste,1,2'));
        expect(table.delimiter).toBe(',');
        expect(table.rows.map(r => r[0])).toEqual(['Helse, omsorg', 'Sitat: "god"', 'To\r\nlinjer', 'Siste']);
        // The row after the quoted line break starts a line later than its row number says.
        expect(table.lines).toEqual([2, 3, 4, 6]);
    });

    it('a cell read by its place is the cell of the rows, quotes undone; a header cell is quoted like any other', () => {
        const table = ok(parseCsvText('"Om ""rådet""";n\nA;"1;2"\n"B ""b""";""\n'));
        expect(table.header).toEqual(['Om "rådet"', 'n']);
        expect(table.rowCount).toBe(2);
        expect([table.cell(0, 0), table.cell(0, 1), table.cell(1, 0), table.cell(1, 1)]).toEqual(['A', '1;2', 'B "b"', '']);
        expect(table.rows).toEqual([['A', '1;2'], ['B "b"', '']]);
        expect(() => table.cell(2, 0)).toThrow(RangeError);
        expect(() => table.cell(0, 2)).toThrow(RangeError);
    });

    it('the delimiter comes from the header row, not from the data', () => {
        expect(detectDelimiter('a;b;c\n1,5;2,5;3,5\n')).toBe(';');
        expect(detectDelimiter('a,b\n1;2;3;4;5\n')).toBe(',');
        expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
        expect(detectDelimiter('"a;b",c\n')).toBe(',');
        expect(detectDelimiter('one column\n1\n')).toBe(',');
        expect(detectDelimiter('\n\na;b\n')).toBe(';');
    });

    it('a byte-order mark is ignored', () => {
        const table = ok(parseCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Gruppe;n\nA;10\n')])));
        expect(table.header).toEqual(['Gruppe', 'n']);
    });

    it('a ragged row is refused, naming the row and its line', () => {
        const result = parseCsvText('a;b;c\n1;2;3\n"x\ny";2;3\n4;5\n');
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problem).toMatchObject({ row: 4, line: 5 });
        expect(result.problem.message).toContain('row 4 (line 5) has 2 cells, the header has 3');
    });

    it('an empty file, a file of blank lines, text that is not UTF-8, binary data and an unclosed quote are refused', () => {
        for (const [input, expected] of [
            [bytes(''), 'the file is empty'],
            [bytes('\n \r\n'), 'the file is empty'],
            [new Uint8Array([...bytes('Kommune;n\nA;1\n'), 0x42, 0xe6, 0x72, ...bytes('um;10\n')]), 'row 3 (line 3) is not UTF-8'],
            [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), 'binary file'],
            [bytes('a;b\n"open;1\n2;3\n'), 'never closed'],
            [bytes('a;b\n"x"y;1\n'), 'text follows the closing quote']
        ] as const) {
            const result = parseCsvBytes(input);
            expect(result.ok, expected).toBe(false);
            if (!result.ok) expect(result.problem.message).toContain(expected);
        }
    });

    it('blank lines are not rows; a header alone is a table without rows', () => {
        expect(ok(parseCsvText('a;b\n\n1;2\n\n')).rows).toEqual([['1', '2']]);
        expect(ok(parseCsvText('a;b\n')).rows).toEqual([]);
    });

    it('the count column: counts as written, else n, N or antall', () => {
        const table = ok(parseCsvText('Gruppe;Antall svar;N\nA;1;2\n'));
        expect(countColumn(table, 'Antall svar')).toBe(1);
        expect(countColumn(table, 'antall SVAR')).toBe(1);
        expect(countColumn(table, undefined)).toBe(2);
        expect(countColumn(table, 'n')).toBe(2);
        expect(countColumn(table, 'Respondenter')).toBeUndefined();
        expect(countColumn(ok(parseCsvText('Gruppe;Andel\nA;1\n')), undefined)).toBeUndefined();
    });
});

describe('table files: read once per change, never outside the workspace', () => {
    it('the cache returns the same table until the file changes (size or time), then reads it again', () => {
        const root = temp('sporbar-csv-cache-');
        const file = path.join(root, 't.csv');
        fs.writeFileSync(file, 'a;n\nx;10\n');
        const data = new ProgTableData();
        const first = data.load(root, 't.csv');
        expect(first.kind).toBe('table');
        expect(data.load(root, 't.csv')).toBe(first);
        fs.writeFileSync(file, 'a;n\nx;10\ny;12\n');
        const second = data.load(root, 't.csv');
        expect(second).not.toBe(first);
        expect(second.kind === 'table' && second.table.rows.length).toBe(2);
        // Same size, same modification time (a rewrite within the clock's resolution): only invalidate() sees it.
        fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
        const fixed = data.load(root, 't.csv');
        fs.writeFileSync(file, 'a;n\nx;10\ny;13\n');
        fs.utimesSync(file, 1_700_000_000, 1_700_000_000);
        expect(data.load(root, 't.csv')).toBe(fixed);
        data.invalidate(file);
        const third = data.load(root, 't.csv');
        expect(third).not.toBe(fixed);
        expect(third.kind === 'table' && third.table.rows[1][1]).toBe('13');
    });

    it('a file over 64 MB is not read (a sparse file: no disk used)', () => {
        const root = temp('sporbar-csv-huge-');
        const file = path.join(root, 'huge.csv');
        fs.writeFileSync(file, 'a;n\n');
        fs.truncateSync(file, MAX_TABLE_BYTES + 1);
        const result = new ProgTableData().load(root, 'huge.csv');
        expect(result.kind).toBe('unreadable');
        expect(result.kind === 'unreadable' && result.problem.message).toMatch(/files over 64 MB are not read/);
    });

    it('a path outside the workspace is refused by its text, without touching the file', () => {
        const base = temp('sporbar-csv-outside-');
        const root = path.join(base, 'ws');
        fs.mkdirSync(root);
        fs.writeFileSync(path.join(base, 'secret.csv'), 'a;n\nx;1\n');
        const data = new ProgTableData();
        expect(data.load(root, '../secret.csv').kind).toBe('outside');
        expect(data.load(root, path.join(base, 'secret.csv')).kind).toBe('outside');
        expect(data.size).toBe(0);
    });

    it('a 10 MB file validates within seconds; a ragged row near its end is named', async () => {
        const root = temp('sporbar-csv-10mb-');
        fs.mkdirSync(path.join(root, 'data'));
        const rows: string[] = ['Kommune;Andel 2010;Andel 2014;n'];
        let size = rows[0].length + 1;
        for (let i = 0; size < 10 * 1024 * 1024; i++) {
            const row = `"Kommune ${i}; del ${i % 7}";${(i % 1000) / 10} %;${(i * 7 % 1000) / 10} %;${100 + (i % 900)}`;
            rows.push(row);
            size += Buffer.byteLength(row) + 1;
        }
        fs.writeFileSync(path.join(root, 'data', 'big.csv'), rows.join('\n') + '\n');
        const ragged = [...rows];
        ragged[ragged.length - 2] = 'Kommune X;1 %;2 %';
        fs.writeFileSync(path.join(root, 'data', 'ragged.csv'), ragged.join('\n') + '\n');
        expect(fs.statSync(path.join(root, 'data', 'big.csv')).size).toBeGreaterThanOrEqual(10 * 1024 * 1024);
        fs.writeFileSync(path.join(root, 'model.prog'), [
            'programme P "P" { client KS }',
            'actor KS "KS" { type association }',
            'question Q "Q?"',
            'source S1 survey "Kartlegging" { date 2014-11  respondents 280 }',
            'finding F1 "F" { answers Q  confidence low  evidence T1, C1, T2 }',
            'table T1 "Stor tabell" { from S1  file "data/big.csv" }',
            'chart C1 "Stor figur" { from S1  file "data/big.csv" }',
            'table T2 "Skjev tabell" { from S1  file "data/ragged.csv" }'
        ].join('\n'));
        const started = performance.now();
        const diagnostics = collectDiagnostics(await loadWorkspace(root));
        const elapsed = performance.now() - started;
        expect(diagnostics.map(d => `${d.diagnostic.range.start.line + 1} ${d.diagnostic.code}`)).toEqual(['8 table/unreadable']);
        expect(diagnostics[0].diagnostic.message).toContain(`row ${rows.length - 1} (line ${rows.length - 1}) has 3 cells, the header has 4`);
        // Generous: the machine is shared. Reading, checking and charting 2 × 10 MB takes well under a second alone.
        expect(elapsed).toBeLessThan(20_000);
    });
});
