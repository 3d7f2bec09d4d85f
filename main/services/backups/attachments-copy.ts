import fs from 'node:fs';
import path from 'node:path';

export interface AttachmentsCopied {
  files: number;
  bytes: number;
}

/** A stored attachment's name: its SHA-256 in hex, under a folder of its first two characters. */
const SHA_RE = /^[0-9a-f]{64}$/;

/**
 * Copies the content-addressed attachment store (`<dataDir>/attachments/<sha[0..2]>/<sha256>`) into the
 * backups folder's own store, file by file: a file already there is the same content (its name is its
 * hash) and is not copied again, so each attachment is copied once however many backups there are. A copy
 * goes to `<name>.partial` and is renamed when complete, so an interrupted run never leaves a short file
 * under a hash name. Attachments are never deleted by the console, so the store only grows.
 */
export function copyAttachments(sourceDir: string, targetDir: string): AttachmentsCopied {
  const copied: AttachmentsCopied = { files: 0, bytes: 0 };
  if (!fs.existsSync(sourceDir)) return copied;
  for (const prefix of fs.readdirSync(sourceDir)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    const from = path.join(sourceDir, prefix);
    for (const name of fs.readdirSync(from)) {
      if (!SHA_RE.test(name) || !name.startsWith(prefix)) continue;
      const target = path.join(targetDir, prefix, name);
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      const partial = `${target}.partial`;
      fs.copyFileSync(path.join(from, name), partial);
      fs.chmodSync(partial, 0o600);
      fs.renameSync(partial, target);
      copied.files += 1;
      copied.bytes += fs.statSync(target).size;
    }
  }
  return copied;
}
