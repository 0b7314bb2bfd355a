// writeOutputAtomically reuses files whose bytes did not change (hard links from the directory it replaces) and
// writes everything else; what ends up in the directory is the same either way.
import { linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOutputAtomically } from '../../src/output/atomic-dir.js';

let sandbox: string;
let out: string;
beforeEach(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'archc-atomic-'));
  out = join(sandbox, 'out');
});
afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

const PAST = new Date('2020-01-02T03:04:05Z');

/** Inode and modification time of an output file; equal before and after a build means it was kept, not rewritten. */
function identity(path: string): string {
  const stat = lstatSync(path);
  return `${stat.ino}@${stat.mtimeMs}`;
}

/** Writes a first build and dates its files in the past, so that a rewrite would show in the modification time. */
async function firstBuild(files: Array<{ path: string; content: string }>): Promise<void> {
  await writeOutputAtomically(out, files);
  for (const file of files) utimesSync(join(out, file.path), PAST, PAST);
}

describe('writeOutputAtomically on a rebuild', () => {
  test('unchanged files keep their inode and time; changed, new and dropped files are handled as written', async () => {
    await firstBuild([
      { path: 'same.md', content: 'kept ✓\n' },
      { path: 'nested/same.sql', content: 'create table t ();\n' },
      { path: 'changed.md', content: 'old\n' },
      { path: 'dropped.md', content: 'gone soon\n' },
    ]);
    const before = { same: identity(join(out, 'same.md')), nested: identity(join(out, 'nested/same.sql')), changed: identity(join(out, 'changed.md')) };

    await writeOutputAtomically(out, [
      { path: 'same.md', content: 'kept ✓\n' },
      { path: 'nested/same.sql', content: Buffer.from('create table t ();\n') },
      { path: 'changed.md', content: 'new\n' },
      { path: 'added.md', content: 'new file\n' },
    ]);

    expect(identity(join(out, 'same.md'))).toBe(before.same);
    expect(identity(join(out, 'nested/same.sql'))).toBe(before.nested);
    expect(lstatSync(join(out, 'same.md')).nlink).toBe(1); // the replaced directory's name is gone
    expect(identity(join(out, 'changed.md'))).not.toBe(before.changed);
    expect(readFileSync(join(out, 'changed.md'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(out, 'added.md'), 'utf8')).toBe('new file\n');
    expect(() => lstatSync(join(out, 'dropped.md'))).toThrow();
  });

  test('same length, different bytes: rewritten', async () => {
    await firstBuild([{ path: 'a.txt', content: 'abc\n' }]);
    const before = identity(join(out, 'a.txt'));
    await writeOutputAtomically(out, [{ path: 'a.txt', content: 'abd\n' }]);
    expect(identity(join(out, 'a.txt'))).not.toBe(before);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('abd\n');
  });

  test('files larger than one comparison chunk: equal ones are kept, one differing in its last byte is rewritten', async () => {
    const big = 'x'.repeat(200_000) + '\n';
    const lastDiffers = 'x'.repeat(200_000) + '!';
    const empty = '';
    await firstBuild([{ path: 'big.txt', content: big }, { path: 'last.txt', content: big }, { path: 'empty.txt', content: empty }]);
    const before = { big: identity(join(out, 'big.txt')), last: identity(join(out, 'last.txt')), empty: identity(join(out, 'empty.txt')) };

    await writeOutputAtomically(out, [{ path: 'big.txt', content: big }, { path: 'last.txt', content: lastDiffers }, { path: 'empty.txt', content: empty }]);

    expect(identity(join(out, 'big.txt'))).toBe(before.big);
    expect(identity(join(out, 'empty.txt'))).toBe(before.empty);
    expect(identity(join(out, 'last.txt'))).not.toBe(before.last);
    expect(readFileSync(join(out, 'last.txt'), 'utf8')).toBe(lastDiffers);
  });

  test('a file that holds the text plus more, or only its start, is rewritten', async () => {
    // 'é' is 2 bytes for 1 code unit: the 2-byte file passes a size check against the 2-unit text 'éé'.
    await firstBuild([{ path: 'longer.txt', content: 'abc\nextra' }, { path: 'shorter.txt', content: 'é' }]);
    const before = { longer: identity(join(out, 'longer.txt')), shorter: identity(join(out, 'shorter.txt')) };
    await writeOutputAtomically(out, [{ path: 'longer.txt', content: 'abc\n' }, { path: 'shorter.txt', content: 'éé' }]);
    expect(identity(join(out, 'longer.txt'))).not.toBe(before.longer);
    expect(identity(join(out, 'shorter.txt'))).not.toBe(before.shorter);
    expect(readFileSync(join(out, 'longer.txt'), 'utf8')).toBe('abc\n');
    expect(readFileSync(join(out, 'shorter.txt'), 'utf8')).toBe('éé');
  });

  test('invalid UTF-8 that a lenient decoder would read as the new text is rewritten, not kept', async () => {
    await firstBuild([{ path: 'a.txt', content: 'x' }]);
    // F0 9F 98 is a cut-off 4-byte sequence: a lenient decoder reads it as one U+FFFD, whose UTF-8 is 3 bytes too.
    writeFileSync(join(out, 'a.txt'), Buffer.from([0xf0, 0x9f, 0x98]));
    const before = identity(join(out, 'a.txt'));
    await writeOutputAtomically(out, [{ path: 'a.txt', content: '\uFFFD' }]);
    expect(identity(join(out, 'a.txt'))).not.toBe(before);
    expect([...readFileSync(join(out, 'a.txt'))]).toEqual([0xef, 0xbf, 0xbd]);
  });

  test('text with characters split across comparison chunks is kept when equal', async () => {
    const text = 'é😀→'.repeat(40_000); // 2-, 4- and 3-byte characters straddle every 64 KB boundary somewhere
    await firstBuild([{ path: 'u.txt', content: text }]);
    const before = identity(join(out, 'u.txt'));
    await writeOutputAtomically(out, [{ path: 'u.txt', content: text }]);
    expect(identity(join(out, 'u.txt'))).toBe(before);
  });

  test('a symlink with the right bytes behind it is replaced by a regular file; what it points to is untouched', async () => {
    await firstBuild([{ path: 'a.txt', content: 'x\n' }]);
    const elsewhere = join(sandbox, 'elsewhere.txt');
    // The symlink's own size is the length of its target path: with that path as the content, size and bytes agree.
    writeFileSync(elsewhere, elsewhere);
    rmSync(join(out, 'a.txt'));
    symlinkSync(elsewhere, join(out, 'a.txt'));

    await writeOutputAtomically(out, [{ path: 'a.txt', content: elsewhere }]);

    expect(lstatSync(join(out, 'a.txt')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe(elsewhere);
    expect(lstatSync(elsewhere).nlink).toBe(1);
    expect(readFileSync(elsewhere, 'utf8')).toBe(elsewhere);
  });

  test('a file that has another name elsewhere is not shared: a later edit there cannot change the output', async () => {
    await firstBuild([{ path: 'a.txt', content: 'x\n' }]);
    const other = join(sandbox, 'other-name.txt');
    linkSync(join(out, 'a.txt'), other);

    await writeOutputAtomically(out, [{ path: 'a.txt', content: 'x\n' }]);
    writeFileSync(other, 'edited\n');

    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('x\n');
  });

  test('an --out that is a symlink to a directory: its files are not linked into the new output', async () => {
    const real = join(sandbox, 'real');
    mkdirSync(real);
    writeFileSync(join(real, 'a.txt'), 'x\n');
    symlinkSync(real, out);

    await writeOutputAtomically(out, [{ path: 'a.txt', content: 'x\n' }]);

    expect(lstatSync(out).isSymbolicLink()).toBe(false);
    expect(lstatSync(join(real, 'a.txt')).nlink).toBe(1);
    expect(lstatSync(join(out, 'a.txt')).ino).not.toBe(lstatSync(join(real, 'a.txt')).ino);
  });

  test('a directory where a file was is not reused; the file is written', async () => {
    await firstBuild([{ path: 'a/b.txt', content: 'x\n' }]);
    await writeOutputAtomically(out, [{ path: 'a', content: 'now a file\n' }]);
    expect(readFileSync(join(out, 'a'), 'utf8')).toBe('now a file\n');
    expect(() => readlinkSync(join(out, 'a'))).toThrow();
  });
});
