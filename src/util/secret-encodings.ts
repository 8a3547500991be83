/**
 * The forms in which a secret can reach the output besides its plain text: base64 and base64url
 * (a program printing its environment or a Kubernetes Secret encoded), URL encoding (a
 * credential in a URL or a form body), and the escaping of XML (a JUnit failure message) and
 * JSON strings (a structured log). Redacting only the plain value would let these through.
 *
 * base64 turns every 3 bytes into 4 characters, so a secret embedded in a longer base64 string
 * is spelled differently depending on its position modulo 3. For each of the three alignments
 * the characters that depend on the secret's bytes alone are kept: they appear in any base64
 * text that encodes the secret at that alignment, whatever surrounds it.
 */

/**
 * Shorter encoded fragments are not masked: a handful of base64 characters occurs by chance in
 * ordinary output, and masking it would garble the log while protecting nothing.
 */
export const MIN_ENCODED_LENGTH = 8;

const BITS_PER_CHAR = 6;

/**
 * The characters of `base64(k unknown bytes + secret + unknown bytes)` that depend only on the
 * secret, for an alignment of k = 0, 1 or 2 bytes.
 */
function alignedBase64(secret: Buffer, offset: number): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), secret]).toString('base64').replace(/=+$/, '');
  // Leading characters whose bits include one of the unknown bytes before the secret.
  const leading = Math.ceil((offset * 8) / BITS_PER_CHAR);
  // Trailing characters whose bits include one of the unknown bytes after the secret.
  const totalBits = (offset + secret.length) * 8;
  const complete = Math.floor(totalBits / BITS_PER_CHAR);
  return encoded.slice(leading, complete);
}

const toBase64Url = (base64: string): string => base64.replace(/\+/g, '-').replace(/\//g, '_');

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xmlEscaped = (text: string): string => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

/** Every encoded form of `secret` worth masking, without the plain value itself. */
export function encodedForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const whole = bytes.toString('base64');
  const aligned = [0, 1, 2].map((offset) => alignedBase64(bytes, offset));
  const base64 = [whole, ...aligned];
  const urlEncoded = encodeURIComponent(secret);
  const forms = [
    ...base64,
    ...base64.map(toBase64Url),
    urlEncoded,
    // application/x-www-form-urlencoded writes a space as `+`.
    urlEncoded.replace(/%20/g, '+'),
    xmlEscaped(secret),
    JSON.stringify(secret).slice(1, -1),
  ];
  return [...new Set(forms)].filter((form) => form !== secret && form.length >= MIN_ENCODED_LENGTH);
}
