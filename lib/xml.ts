// XML for every document the site writes (feeds, sitemaps): one escaper, and elements built through it.

/** What XML 1.0 forbids anywhere, even escaped: C0 controls but tab, LF and CR, lone surrogates, U+FFFE, U+FFFF. */
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** Text without the characters XML 1.0 forbids; also what JSON Feed gets, so every format says the same. */
export const xmlChars = (text: string) => text.replace(ILLEGAL, '');

/** Text or an attribute value, safe anywhere in an XML document: no markup, no CDATA, no illegal characters. */
export const escapeXml = (text: string) => xmlChars(text).replace(/[<>&'"]/g, (c) => ENTITIES[c]);

/** Attribute values; undefined ones are left out, so optional attributes need no branches. */
export type XmlAttributes = Record<string, string | number | undefined>;

/** An element with text (escaped), child elements (falsy ones skipped), or neither (self-closed). */
export interface XmlElement {
  name: string;
  attributes?: XmlAttributes;
  content?: string | XmlChild[];
}

export type XmlChild = XmlElement | false | '' | null | undefined;

export const el = (name: string, attributes?: XmlAttributes, content?: XmlElement['content']): XmlElement => ({
  name,
  attributes,
  content,
});

// Names come from our code, never from content; checking them keeps it that way.
const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;

function checked(name: string): string {
  if (!NAME.test(name)) throw new Error(`Not an XML name: ${JSON.stringify(name)}`);
  return name;
}

function serialise({ name, attributes = {}, content }: XmlElement, indent: string): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${checked(key)}="${escapeXml(String(value))}"`)
    .join('');
  const open = `${indent}<${checked(name)}${attrs}`;
  if (typeof content === 'string') return `${open}>${escapeXml(content)}</${name}>`;
  const children = (content ?? []).filter((child): child is XmlElement => Boolean(child));
  if (children.length === 0) return `${open}/>`;
  const inner = children.map((child) => serialise(child, `${indent}    `)).join('\n');
  return `${open}>\n${inner}\n${indent}</${name}>`;
}

/** A whole document: the declaration, then the root element indented by four spaces a level. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${serialise(root, '')}`;
}
