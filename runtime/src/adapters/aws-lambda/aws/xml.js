// @ts-check
/**
 * The little XML reading S3's responses and AWS's XML errors need: elements, text, CDATA and
 * entities (the five predefined ones and numeric references). Attributes are skipped, namespace
 * prefixes dropped; DTDs, comments and processing instructions ignored.
 */

/** @typedef {{ name: string, children: XmlElement[], text: string }} XmlElement */

const NAMED = /** @type {Record<string, string>} */ ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" });

/** @param {string} text XML character data with entity references */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/**
 * Text safe inside an XML element; tab, CR and LF as character references so that a parser's
 * line-end and whitespace handling cannot change them.
 * @param {string} text
 */
export function escapeXml(text) {
  return text.replace(/[&<>"'\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Parses a document and returns its root element. Throws a SyntaxError on malformed input.
 * @param {string} source
 * @returns {XmlElement}
 */
export function parseXml(source) {
  /** @type {XmlElement[]} */
  const stack = [];
  /** @type {XmlElement | undefined} */
  let root;
  let i = 0;
  const fail = (/** @type {string} */ why) => {
    throw new SyntaxError(`malformed XML at offset ${i}: ${why}`);
  };
  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > i && stack.length) stack[stack.length - 1].text += decodeEntities(source.slice(i, textEnd));
    if (lt < 0) break;
    i = lt;
    if (source.startsWith("<?", i)) {
      const end = source.indexOf("?>", i);
      if (end < 0) fail("unterminated processing instruction");
      i = end + 2;
    } else if (source.startsWith("<!--", i)) {
      const end = source.indexOf("-->", i);
      if (end < 0) fail("unterminated comment");
      i = end + 3;
    } else if (source.startsWith("<![CDATA[", i)) {
      const end = source.indexOf("]]>", i);
      if (end < 0) fail("unterminated CDATA section");
      if (stack.length) stack[stack.length - 1].text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith("<!", i)) {
      const end = source.indexOf(">", i);
      if (end < 0) fail("unterminated declaration");
      i = end + 1;
    } else if (source.startsWith("</", i)) {
      const end = source.indexOf(">", i);
      if (end < 0) fail("unterminated end tag");
      const name = localName(source.slice(i + 2, end).trim());
      const open = stack.pop();
      if (!open || open.name !== name) fail(`unexpected </${name}>`);
      i = end + 1;
    } else {
      const m = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(source.slice(i, i + 4096));
      if (!m) fail("bad start tag");
      const element = { name: localName(/** @type {RegExpExecArray} */ (m)[1]), children: [], text: "" };
      if (stack.length) stack[stack.length - 1].children.push(element);
      else if (root) fail("more than one root element");
      else root = element;
      if (!(/** @type {RegExpExecArray} */ (m)[3])) stack.push(element);
      i += /** @type {RegExpExecArray} */ (m)[0].length;
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail("no root element");
  return /** @type {XmlElement} */ (root);
}

/** @param {string} qualified */
function localName(qualified) {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/**
 * @param {XmlElement | undefined} element
 * @param {string} name
 * @returns {XmlElement[]}
 */
export function childrenNamed(element, name) {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/**
 * @param {XmlElement | undefined} element
 * @param {string} name
 * @returns {XmlElement | undefined}
 */
export function childNamed(element, name) {
  return element?.children.find((c) => c.name === name);
}

/**
 * The text of the first child named `name`, or undefined.
 * @param {XmlElement | undefined} element
 * @param {string} name
 */
export function childText(element, name) {
  return childNamed(element, name)?.text;
}

/**
 * The first element named `name` anywhere under (and including) `element`, depth first.
 * @param {XmlElement | undefined} element
 * @param {string} name
 * @returns {XmlElement | undefined}
 */
export function findElement(element, name) {
  if (!element) return undefined;
  if (element.name === name) return element;
  for (const child of element.children) {
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}
