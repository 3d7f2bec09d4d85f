import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-runtime.mjs';

const EXE = process.platform === 'win32' ? 'electron.exe' : 'electron';
const roots: string[] = [];

/** A fake project root with node_modules/electron laid out as asked. */
function fakeProject(layout: { pathTxt?: string; distFile?: string }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-electron-runtime-'));
  roots.push(root);
  const electronDir = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(electronDir, { recursive: true });
  fs.writeFileSync(path.join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '42.0.0' }));
  if (layout.pathTxt !== undefined) fs.writeFileSync(path.join(electronDir, 'path.txt'), layout.pathTxt);
  if (layout.distFile !== undefined) {
    const file = path.join(electronDir, 'dist', layout.distFile);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  const env = {}; // no ELECTRON_OVERRIDE_DIST_PATH

  it('is null when path.txt is missing (binary never downloaded)', () => {
    expect(findElectronBinary(fakeProject({ distFile: EXE }), env)).toBeNull();
  });

  it('is null when path.txt names a file that is not in dist/', () => {
    expect(findElectronBinary(fakeProject({ pathTxt: EXE }), env)).toBeNull();
  });

  it('is null when path.txt points outside dist/', () => {
    expect(findElectronBinary(fakeProject({ pathTxt: '../package.json' }), env)).toBeNull();
  });

  it('returns the absolute path when path.txt and the binary are both there', () => {
    const root = fakeProject({ pathTxt: EXE, distFile: EXE });
    const found = findElectronBinary(root, env);
    expect(found).toBe(path.join(root, 'node_modules', 'electron', 'dist', EXE));
    expect(path.isAbsolute(found ?? '')).toBe(true);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = fakeProject({ pathTxt: EXE, distFile: EXE });
    const override = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-electron-dist-'));
    roots.push(override);
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBeNull();
    fs.writeFileSync(path.join(override, EXE), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(path.join(override, EXE));
  });
});
