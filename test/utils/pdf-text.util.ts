import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** A run of text as PDF.js places it: x and y in points from the page's top-left corner. */
export interface PdfTextItem {
  text: string;
  /** Left edge. */
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  /** The PostScript name of the font, e.g. "BZZZZZ+DejaVuSans" (subset prefix included). */
  font: string;
  /** False when the font's program is in the file (embedded), true when a viewer must substitute it. */
  fontMissing: boolean;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

export interface PdfContent {
  /** The document information dictionary (Title, Creator, CreationDate "D:YYYYMMDDHHmmSSZ", …). */
  info: Record<string, unknown>;
  pages: PdfPage[];
}

/** A line of a page: the items sharing a baseline, left to right. */
export interface PdfLine {
  y: number;
  items: PdfTextItem[];
  /** The items' text joined by one space. */
  text: string;
}

/**
 * Runs in a child Node process: pdfjs-dist ships only ES modules (.mjs), which Jest's CommonJS
 * module system cannot import (dynamic import needs --experimental-vm-modules). A plain Node
 * process imports it natively; it prints the pages' text items with their positions as JSON.
 */
const EXTRACT_SCRIPT = `
const [file, pdfjsUrl] = process.argv.slice(1);
const { getDocument } = await import(pdfjsUrl);
const { readFileSync } = await import('node:fs');
const pdf = await getDocument({
  data: new Uint8Array(readFileSync(file)),
  isEvalSupported: false,
  useSystemFonts: false,
  verbosity: 0,
}).promise;
const { info } = await pdf.getMetadata();
const pages = [];
for (let number = 1; number <= pdf.numPages; number += 1) {
  const page = await pdf.getPage(number);
  const [, , width, height] = page.view;
  const content = await page.getTextContent();
  await page.getOperatorList();
  const fonts = new Map();
  const font = (id) => {
    if (!fonts.has(id)) fonts.set(id, page.commonObjs.get(id));
    return fonts.get(id);
  };
  pages.push({
    width,
    height,
    items: content.items
      .filter((item) => 'str' in item && item.str.trim() !== '')
      .map((item) => ({
        text: item.str,
        x: item.transform[4],
        y: height - item.transform[5],
        width: item.width,
        font: font(item.fontName).name,
        fontMissing: Boolean(font(item.fontName).missingFile),
      })),
  });
}
process.stdout.write(JSON.stringify({ info, pages }));
`;

/** The text of a PDF, page by page, with positions and fonts, read by PDF.js (no system tools). */
export function readPdf(path: string): PdfContent {
  const pdfjs = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '--eval', EXTRACT_SCRIPT, path, pdfjs],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(output) as PdfContent;
}

/** Items grouped into lines by baseline (within half a point), top to bottom, left to right. */
export function pdfLines(page: PdfPage): PdfLine[] {
  const lines: PdfLine[] = [];
  const sorted = [...page.items].sort((a, b) => a.y - b.y || a.x - b.x);
  for (const item of sorted) {
    const line = lines.find((candidate) => Math.abs(candidate.y - item.y) < 0.5);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, items: [item], text: '' });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    line.text = line.items.map((item) => item.text.trim()).join(' ');
  }
  return lines;
}

/** The page's lines as text, one per line. */
export function pdfPageText(page: PdfPage): string {
  return pdfLines(page)
    .map((line) => line.text)
    .join('\n');
}

/** The item whose text is exactly `text` on the line that contains `lineText`. */
export function pdfItem(page: PdfPage, lineText: string, text: string): PdfTextItem {
  const line = pdfLines(page).find((candidate) => candidate.text.includes(lineText));
  const item = line?.items.find((candidate) => candidate.text.trim() === text);
  if (!item) throw new Error(`no "${text}" on a line with "${lineText}"`);
  return item;
}

/** Whether `command` runs here (e.g. pdftoppm from poppler-utils). */
export function commandExists(command: string): boolean {
  try {
    execFileSync(command, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** One page rendered by poppler's pdftoppm as 8-bit grey pixels (0 black, 255 white). */
export function renderPdfPageGray(
  path: string,
  page: number,
  dpi: number,
): { width: number; height: number; pixels: Uint8Array } {
  const pgm = execFileSync('pdftoppm', [
    '-gray',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    path,
  ]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM image');
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, pixels: new Uint8Array(pgm.subarray(header[0].length)) };
}
