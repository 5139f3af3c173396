// src/decode/sniff.ts
// Tells pages from binary files and HTML from plain-text dumps, by content rather than by name.

import { CleanError } from '../errors.js';

/** Magic numbers of the binary formats people most often feed a page extractor by mistake. */
const BINARY_SIGNATURES: ReadonlyArray<{ name: string; bytes: readonly number[] }> = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'RIFF/WebP', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'WASM', bytes: [0x00, 0x61, 0x73, 0x6d] },
];

const SNIFF_BYTES = 4096;
/** Text in any charset but UTF-16 has (almost) no NUL or C0 control bytes. */
const MAX_CONTROL_BYTE_SHARE = 0.05;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe);
}

/** Throws E_EMPTY or E_NOT_HTML when the bytes cannot be a page. */
export function assertPageBytes(bytes: Uint8Array, source: string): void {
  if (bytes.length === 0 || bytes.every(isWhitespaceByte)) {
    throw new CleanError('E_EMPTY', 'the input is empty', source);
  }
  const known = BINARY_SIGNATURES.find((signature) => startsWith(bytes, signature.bytes));
  if (known) throw new CleanError('E_NOT_HTML', `binary ${known.name} data, not a page`, source);
  if (isUtf16(bytes)) return;
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of head) if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  if (control / head.length > MAX_CONTROL_BYTE_SHARE) {
    throw new CleanError('E_NOT_HTML', 'binary data, not a page', source);
  }
}

function isWhitespaceByte(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

const HTML_MARKERS = /<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|main|section)[\s>/]/i;
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?>/gi;
/** What can open a page before its first real tag: comments, scripts, styles, an XML declaration. */
const NON_MARKUP = /<!--[\s\S]*?(?:-->|$)|<script\b[\s\S]*?(?:<\/script\s*>|$)|<style\b[\s\S]*?(?:<\/style\s*>|$)|<\?xml[^>]*>/gi;
/** Bounds the sniff on huge inputs; inline scripts before the first tag rarely run past this. */
const SNIFF_CHARS = 256 * 1024;

/**
 * HTML if, once the comments, scripts and styles a page may open with are set aside, it opens
 * like a page or is dense with tags; anything else is treated as a text dump. A fixed prefix is
 * not enough: pages can open with a comment and kilobytes of inline script.
 */
export function looksLikeHtml(text: string): boolean {
  const markup = text.slice(0, SNIFF_CHARS).replace(NON_MARKUP, ' ');
  if (HTML_MARKERS.test(markup.trimStart().slice(0, 512))) return true;
  const head = markup.slice(0, SNIFF_BYTES);
  const tags = head.match(TAG)?.length ?? 0;
  return tags >= 5 && HTML_MARKERS.test(head);
}
