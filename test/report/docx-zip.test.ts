import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipParts } from '../../packages/report/src/docx-zip.js';

/** CRC-32 (IEEE), bit by bit: independent of zlib's table-driven one. */
function crc32(bytes: Uint8Array): number {
    let crc = 0xffffffff;
    for (const byte of bytes) {
        crc ^= byte;
        for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    }
    return (crc ^ 0xffffffff) >>> 0;
}

/** The central directory's entries: name, CRC, sizes, DOS time and date. */
function centralEntries(zip: Uint8Array) {
    const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
    const end = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const count = view.readUInt16LE(end + 10);
    let at = view.readUInt32LE(end + 16);
    const entries = [];
    for (let i = 0; i < count; i++) {
        expect(view.readUInt32LE(at)).toBe(0x02014b50);
        const nameLength = view.readUInt16LE(at + 28);
        entries.push({
            name: view.toString('utf8', at + 46, at + 46 + nameLength), method: view.readUInt16LE(at + 10),
            time: view.readUInt16LE(at + 12), date: view.readUInt16LE(at + 14), crc: view.readUInt32LE(at + 16),
            size: view.readUInt32LE(at + 24)
        });
        at += 46 + nameLength;
    }
    return entries;
}

describe('the docx container (zipParts)', () => {
    const xml = '<?xml version="1.0"?><w:document>Følgeforskning – «sitat» ' + 'rad '.repeat(50_000) + '</w:document>';
    const png = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256);
    const mtime = new Date(2023, 3, 1, 12, 0, 0);
    const zip = zipParts([['[Content_Types].xml', '<Types/>'], ['word/document.xml', xml], ['word/media/image1.png', png]], mtime);

    it('holds every part, unchanged and in order, deflated', () => {
        const files = unzipSync(zip);
        expect(Object.keys(files)).toEqual(['[Content_Types].xml', 'word/document.xml', 'word/media/image1.png']);
        expect(strFromU8(files['word/document.xml'])).toBe(xml);
        expect([...files['word/media/image1.png']]).toEqual([...png]);
        expect(zip.length).toBeLessThan(xml.length / 20);
        expect(centralEntries(zip).every(e => e.method === 8)).toBe(true);
    });

    it('writes the CRC-32 and size of each part, and the given time', () => {
        const files = unzipSync(zip);
        for (const entry of centralEntries(zip)) {
            expect(entry.crc, entry.name).toBe(crc32(files[entry.name]));
            expect(entry.size, entry.name).toBe(files[entry.name].length);
            expect(entry.date).toBe(((2023 - 1980) << 9) | (4 << 5) | 1);
            expect(entry.time).toBe(12 << 11);
        }
    });

    it('gives the same bytes for the same parts', () => {
        const again = zipParts([['[Content_Types].xml', '<Types/>'], ['word/document.xml', xml], ['word/media/image1.png', png]], mtime);
        expect(Buffer.from(again).equals(Buffer.from(zip))).toBe(true);
    });
});
