// Globs match by character, not by UTF-16 unit: `?` matches one letter outside the BMP, as Go and Docker do.
import { globRegExp } from '../../src/image-inputs/path-glob.js';

test('? matches one character beyond the basic plane, and not two', () => {
  expect(globRegExp('?.txt').test('😀.txt')).toBe(true);
  expect(globRegExp('?.txt').test('😀😀.txt')).toBe(false);
  expect(globRegExp('[^a].txt').test('😀.txt')).toBe(true);
});
