import { inflateSync } from 'node:zlib';

/**
 * Reads the page count and the text of each page from a PDF that Chromium
 * printed, with no PDF library. It handles what Chromium's Skia PDF writer
 * emits: plain (not compressed) object syntax, FlateDecode content streams,
 * and Type0 fonts with Identity-H encoding and a ToUnicode map. It is a test
 * helper for those files, not a general PDF reader: object streams,
 * encryption and other filters are not supported.
 */

export interface PdfPage {
  /** The page's text in drawing order. Glyph runs are joined without separators. */
  text: string;
}

interface PdfObject {
  dictionary: string;
  stream: Buffer | null;
}

export function readPdfPages(pdf: Buffer): PdfPage[] {
  const objects = readObjects(pdf);
  const pages = [...objects.entries()]
    .filter(([, object]) => /\/Type\s*\/Page(?![a-z])/.test(object.dictionary))
    .sort(([a], [b]) => a - b);

  const cmaps = new Map<number, GlyphMap>();
  const glyphMapOf = (fontId: number): GlyphMap | null => {
    if (cmaps.has(fontId)) return cmaps.get(fontId)!;
    const font = objects.get(fontId);
    const toUnicode = font ? reference(font.dictionary, 'ToUnicode') : null;
    const stream = toUnicode === null ? null : objects.get(toUnicode)?.stream;
    const map = stream ? parseToUnicode(stream.toString('latin1')) : null;
    if (map) cmaps.set(fontId, map);
    return map;
  };

  return orderPages(objects, pages.map(([id]) => id)).map((pageId) => {
    const page = objects.get(pageId)!;
    const fonts = fontResources(page.dictionary, objects);
    const contents = contentReferences(page.dictionary).map((id) => objects.get(id)?.stream?.toString('latin1') ?? '');
    return { text: contents.map((content) => extractText(content, (name) => (fonts.has(name) ? glyphMapOf(fonts.get(name)!) : null))).join('') };
  });
}

/** Counts `/Type /Page` objects, the page count every PDF reader shows. */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+)\s+0\s+obj\b/g;
  let match: RegExpExecArray | null;

  while ((match = header.exec(text)) !== null) {
    const start = match.index + match[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (endAt === -1) break;

    if (streamAt !== -1 && streamAt < endAt) {
      const dictionary = text.slice(start, streamAt);
      const length = Number(/\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary)?.[1] ?? NaN);
      let dataStart = streamAt + 'stream'.length;
      if (text[dataStart] === '\r') dataStart++;
      if (text[dataStart] === '\n') dataStart++;
      const raw = Number.isNaN(length) ? pdf.subarray(dataStart, text.indexOf('endstream', dataStart)) : pdf.subarray(dataStart, dataStart + length);
      const stream = /\/Filter\s*\/FlateDecode/.test(dictionary) ? inflateSync(raw) : raw;
      objects.set(Number(match[1]), { dictionary, stream });
      // Skip the stream's bytes so that "N 0 obj" inside binary data is not read as an object.
      header.lastIndex = text.indexOf('endobj', dataStart + raw.length);
    } else {
      objects.set(Number(match[1]), { dictionary: text.slice(start, endAt), stream: null });
      header.lastIndex = endAt;
    }
  }
  return objects;
}

/** Orders pages as the page tree lists them, falling back to object order. */
function orderPages(objects: Map<number, PdfObject>, pageIds: number[]): number[] {
  const root = [...objects.values()].find((object) => /\/Type\s*\/Pages\b/.test(object.dictionary) && !/\/Parent\b/.test(object.dictionary));
  if (!root) return pageIds;

  const ordered: number[] = [];
  const visit = (dictionary: string) => {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dictionary)?.[1] ?? '';
    for (const [, id] of kids.matchAll(/(\d+)\s+0\s+R/g)) {
      const kid = objects.get(Number(id));
      if (!kid) continue;
      if (/\/Type\s*\/Pages\b/.test(kid.dictionary)) visit(kid.dictionary);
      else ordered.push(Number(id));
    }
  };
  visit(root.dictionary);
  return ordered.length === pageIds.length ? ordered : pageIds;
}

function reference(dictionary: string, key: string): number | null {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dictionary);
  return match ? Number(match[1]) : null;
}

function contentReferences(dictionary: string): number[] {
  const array = /\/Contents\s*\[([^\]]*)\]/.exec(dictionary);
  if (array) return [...array[1]!.matchAll(/(\d+)\s+0\s+R/g)].map((match) => Number(match[1]));
  const single = reference(dictionary, 'Contents');
  return single === null ? [] : [single];
}

/** Maps each font resource name (`F4`) of a page to the font's object number. */
function fontResources(pageDictionary: string, objects: Map<number, PdfObject>): Map<string, number> {
  let resources = pageDictionary;
  const resourcesRef = reference(pageDictionary, 'Resources');
  if (resourcesRef !== null) resources = objects.get(resourcesRef)?.dictionary ?? '';

  let fontDictionary = /\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '';
  const fontRef = reference(resources, 'Font');
  if (!fontDictionary && fontRef !== null) fontDictionary = objects.get(fontRef)?.dictionary ?? '';

  return new Map([...fontDictionary.matchAll(/\/([A-Za-z0-9_.+-]+)\s+(\d+)\s+0\s+R/g)].map((match) => [match[1]!, Number(match[2])]));
}

interface GlyphMap {
  /** Bytes per character code, from the map's code space. */
  codeBytes: number;
  toText: Map<number, string>;
}

function parseToUnicode(cmap: string): GlyphMap {
  const toText = new Map<number, string>();
  const codeSpace = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap);
  const codeBytes = codeSpace ? codeSpace[1]!.length / 2 : 2;

  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, source, target] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      toText.set(parseInt(source!, 16), utf16(target!));
    }
  }

  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, target] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const first = parseInt(low!, 16);
      const last = parseInt(high!, 16);
      if (target!.startsWith('[')) {
        const targets = [...target!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((match) => utf16(match[1]!));
        targets.forEach((text, offset) => toText.set(first + offset, text));
      } else {
        const start = utf16(target!.slice(1, -1));
        const base = start.codePointAt(start.length - 1)!;
        for (let code = first; code <= last; code++) {
          toText.set(code, start.slice(0, -1) + String.fromCodePoint(base + code - first));
        }
      }
    }
  }
  return { codeBytes, toText };
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** Decodes the strings shown by Tj, TJ, ' and " operators, using the font that Tf selected. */
function extractText(content: string, glyphMapFor: (fontName: string) => GlyphMap | null): string {
  const token = /\/([A-Za-z0-9_.+-]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>|\((?:\\.|[^\\)])*\)|\[|\]/g;
  let font: GlyphMap | null = null;
  let text = '';
  let match: RegExpExecArray | null;

  while ((match = token.exec(content)) !== null) {
    if (match[1] !== undefined) {
      font = glyphMapFor(match[1]);
    } else if (match[2] !== undefined && font) {
      const hex = match[2].replace(/\s+/g, '');
      const width = font.codeBytes * 2;
      for (let i = 0; i + width <= hex.length; i += width) text += font.toText.get(parseInt(hex.slice(i, i + width), 16)) ?? '';
    }
  }
  return text;
}
