import { randomBytes } from 'node:crypto';
import { redact, registerSecret } from '../../src/util/secrets.js';

// Characters that base64, base64url and URL encoding each spell differently.
const CANARY = 'Canary+/pass word&=?~ü-7f3a9c';
registerSecret(CANARY);

/** Whether any 6-byte piece of the canary can still be read from `text` by base64-decoding any part of it. */
function decodableCanaryPiece(text: string): boolean {
  const pieces = Array.from({ length: Buffer.byteLength(CANARY) - 5 }, (_, i) => Buffer.from(CANARY).subarray(i, i + 6));
  for (const part of text.split('***')) {
    const standard = part.replace(/-/g, '+').replace(/_/g, '/');
    for (let start = 0; start < 4; start += 1) {
      const decoded = Buffer.from(standard.slice(start), 'base64');
      if (pieces.some((piece) => decoded.includes(piece))) return true;
    }
  }
  return false;
}

describe('redaction of encoded forms', () => {
  it.each([0, 1, 2, 3, 4, 5])('masks the canary base64-encoded inside a longer value, %i bytes in', (prefixLength) => {
    const value = Buffer.concat([randomBytes(prefixLength), Buffer.from(CANARY), randomBytes(7)]);
    for (const encoded of [value.toString('base64'), value.toString('base64url')]) {
      expect(decodableCanaryPiece(encoded)).toBe(true);
      const shown = redact(`env dump: ${encoded} end`);
      expect(shown).toContain('***');
      expect(decodableCanaryPiece(shown)).toBe(false);
    }
  });

  it('masks the whole base64 of the canary, padding included', () => {
    expect(redact(`auth=${Buffer.from(CANARY).toString('base64')};`)).toBe('auth=***;');
  });

  it('masks the URL-encoded and form-encoded canary', () => {
    const urlEncoded = encodeURIComponent(CANARY);
    expect(redact(`https://u:${urlEncoded}@registry.example/v2/`)).toBe('https://u:***@registry.example/v2/');
    expect(redact(`password=${urlEncoded.replace(/%20/g, '+')}&x=1`)).toBe('password=***&x=1');
  });

  it('leaves ordinary text alone', () => {
    const text = 'pulled postgres:16-alpine in 3.2s; base64 aGVsbG8gd29ybGQ=';
    expect(redact(text)).toBe(text);
  });
});
