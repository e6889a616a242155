// Characters XML 1.0 cannot carry at all (not even escaped): C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for an XML attribute value or element content. Labels come from back-office input, so they may hold
 * anything; characters XML cannot represent are dropped rather than producing a file no tool can open.
 * Tabs and line breaks in attributes are written as character references, or parsers would normalise them to spaces.
 */
export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** ` name="value"` for each defined, non-null attribute, in the given order. */
export function xmlAttributes(attributes: ReadonlyArray<readonly [string, string | number | boolean | null | undefined]>): string {
  return attributes
    .filter((entry): entry is readonly [string, string | number | boolean] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}
