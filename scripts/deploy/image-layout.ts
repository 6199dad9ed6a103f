/**
 * Lays out a Next.js standalone build the way the Dockerfile's runtime stage does (server.js,
 * node_modules, the dist dir's static files and public/ under one app directory), and makes it
 * read-only, so the smoke test runs exactly what the container image would run.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The files the runtime stage copies, resolved from the repository root. */
export interface StandaloneBuild {
  root: string;
  distDir: string;
}

/** Copies the standalone server, static assets and public/ into `appDir` (COPY steps of the Dockerfile). */
export function layOutImage(build: StandaloneBuild, appDir: string): void {
  const dist = path.join(build.root, build.distDir);
  const standalone = path.join(dist, 'standalone');
  if (!existsSync(path.join(standalone, 'server.js'))) {
    throw new Error(
      `${standalone}/server.js is missing: build with PORTICO_STANDALONE=1 PORTICO_DIST_DIR=${build.distDir} npx next build`,
    );
  }
  mkdirSync(appDir, { recursive: true });
  cpSync(standalone, appDir, { recursive: true, verbatimSymlinks: true });
  cpSync(path.join(dist, 'static'), path.join(appDir, build.distDir, 'static'), { recursive: true });
  const publicDir = path.join(build.root, 'public');
  if (existsSync(publicDir)) cpSync(publicDir, path.join(appDir, 'public'), { recursive: true });
}

/** Removes every write bit below `dir` (files 0444, directories 0555), like a read-only root filesystem. */
export function makeReadOnly(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) makeReadOnly(p);
    else if (entry.isFile()) chmodSync(p, statSync(p).mode & 0o555);
  }
  chmodSync(dir, 0o555);
}

/** Restores the owner's write bit so the tree can be removed. */
export function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(p);
    else if (entry.isFile()) chmodSync(p, statSync(p).mode | 0o200);
  }
}

/** Every file below `dir` with its modification time, to prove the server wrote nothing there. */
export function snapshot(dir: string, out = new Map<string, number>()): Map<string, number> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) snapshot(p, out);
    else out.set(p, statSync(p).mtimeMs);
  }
  return out;
}
