// @ts-check
// The XML reader S3's responses need, on documents written from the S3 API reference's shapes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseXml, childText, childrenNamed, findElement, escapeXml, decodeEntities } from "../../src/adapters/aws-lambda/aws/xml.js";

test("a ListObjectsV2 result: declaration, namespace, repeated elements, entities and CDATA", () => {
  const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>bucket</Name><IsTruncated>true</IsTruncated>
  <Contents><Key>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#x2603;</Key><Size>5</Size></Contents>
  <Contents><Key><![CDATA[x<y&z]]></Key><Size>0</Size></Contents>
  <Contents><Key>  spaced  </Key><Empty/></Contents>
  <CommonPrefixes><Prefix>logs/</Prefix></CommonPrefixes>
  <s3:Token xmlns:s3="urn:x" kind='opaque'>tok</s3:Token>
</ListBucketResult>`);
  assert.equal(root.name, "ListBucketResult");
  assert.equal(childText(root, "IsTruncated"), "true");
  assert.deepEqual(
    childrenNamed(root, "Contents").map((c) => childText(c, "Key")),
    [`a & b <c> "d" 'e' é☃`, "x<y&z", "  spaced  "],
  );
  assert.equal(childText(childrenNamed(root, "Contents")[2], "Empty"), "");
  assert.equal(findElement(root, "Prefix")?.text, "logs/");
  assert.equal(childText(root, "Token"), "tok", "prefixes dropped, attributes skipped");
  assert.equal(childText(root, "Missing"), undefined);
});

test("escapeXml and decodeEntities are inverse on every character XML can carry", () => {
  const text = `&<>"'\t\r\n plain é ☃ 😀`;
  assert.equal(decodeEntities(escapeXml(text)), text);
  assert.equal(parseXml(`<K>${escapeXml(text)}</K>`).text, text);
  assert.equal(decodeEntities("&unknown; &#xZZ;"), "&unknown; &#xZZ;");
});

test("malformed documents are SyntaxErrors, not hangs or crashes", () => {
  for (const bad of ["", "text only", "<a>", "<a></b>", "<a/><b/>", "<a><!-- open", "<a><![CDATA[x", "</a>", "<a x=1>"]) {
    assert.throws(() => parseXml(bad), SyntaxError, JSON.stringify(bad));
  }
});
