/**
 * Advance widths of Calibri's metric-compatible twin Carlito (the font LibreOffice uses
 * for Calibri), in thousandths of an em, regular and bold, for the characters reports
 * print. Used to estimate line lengths: table column widths (table-layout.ts) and page
 * positions (docx-body.ts). Characters not listed count as an "n".
 */
const CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~æøåÆØÅéèêëüöäÖÄÜóòáàíñç«»“”‘’–—…·→€§ ";
const REGULAR = [226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498, 291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314, 460, 314, 498, 773, 529, 479, 763, 664, 579, 498, 498, 498, 498, 525, 527, 479, 662, 579, 642, 527, 527, 479, 479, 229, 525, 423, 512, 512, 418, 418, 250, 250, 498, 905, 690, 252, 905, 507, 498, 507];
const BOLD = [226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 276, 276, 498, 498, 498, 463, 898, 606, 561, 529, 630, 488, 459, 637, 631, 267, 331, 547, 423, 874, 659, 676, 532, 686, 563, 473, 495, 653, 591, 906, 551, 520, 478, 325, 430, 325, 498, 498, 300, 494, 537, 418, 537, 503, 316, 474, 537, 246, 255, 480, 246, 813, 537, 538, 537, 537, 355, 399, 347, 537, 473, 745, 459, 474, 397, 344, 475, 344, 498, 775, 544, 494, 775, 681, 606, 503, 503, 503, 503, 537, 538, 494, 676, 606, 653, 538, 538, 494, 494, 246, 537, 418, 539, 539, 435, 435, 258, 258, 498, 905, 711, 268, 905, 507, 498, 507];

/** Widths by UTF-16 code unit below U+2200 (everything a report prints); 0 = not listed. */
const LIMIT = 0x2200;
const regular = new Uint16Array(LIMIT);
const bold = new Uint16Array(LIMIT);
[...CHARS].forEach((ch, i) => {
    regular[ch.charCodeAt(0)] = REGULAR[i];
    bold[ch.charCodeAt(0)] = BOLD[i];
});
const DEFAULT_REGULAR = regular['n'.charCodeAt(0)];
const DEFAULT_BOLD = bold['n'.charCodeAt(0)];

/** The width of one UTF-16 code unit in thousandths of an em. */
export function charEms(code: number, isBold: boolean): number {
    const table = isBold ? bold : regular;
    return (code < LIMIT ? table[code] : 0) || (isBold ? DEFAULT_BOLD : DEFAULT_REGULAR);
}

/** The width of a text in thousandths of an em. */
export function textEms(text: string, isBold = false): number {
    const table = isBold ? bold : regular;
    const fallback = isBold ? DEFAULT_BOLD : DEFAULT_REGULAR;
    let w = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        w += (c < LIMIT ? table[c] : 0) || fallback;
    }
    return w;
}

/** The width of a text in twips at a font size in points. */
export function textTwips(text: string, sizePt: number, isBold = false): number {
    return textEms(text, isBold) * sizePt * 20 / 1000;
}
