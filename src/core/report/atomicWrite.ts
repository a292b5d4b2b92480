import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

/**
 * Writes a new file atomically without ever replacing an existing one: the content goes to a
 * temp file in the same folder, which is then hard-linked to the final name (link fails with
 * EEXIST instead of overwriting). If the name is taken, "_2", "_3", ... is appended.
 * Returns the path written.
 */
export async function writeNewFileAtomic(path: string, content: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    for (let attempt = 1; attempt < 1000; attempt++) {
      const candidate = attempt === 1 ? path : withSuffix(path, attempt);
      if (await claim(temp, candidate)) return candidate;
    }
    throw new Error(`${path}: could not find a free file name`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function claim(temp: string, target: string): Promise<boolean> {
  try {
    await link(temp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
  }
  // File systems without hard links: rename is still atomic; the existence check narrows the race.
  if (await exists(target)) return false;
  await rename(temp, target);
  return true;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function withSuffix(path: string, n: number): string {
  const extension = extname(path);
  return `${path.slice(0, path.length - extension.length)}_${n}${extension}`;
}
