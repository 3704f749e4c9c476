// Shared by the manifest tests: the checked-in files, read fresh for each test so no test can leak a change.
import { readFileSync } from 'fs';
import { join } from 'path';
// Types only: erased at compile time, so jest never loads the package (whose dependencies are ES modules).
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';

export type TeamsManifest = TeamsManifestV1D30.TeamsManifestV1D30;

export const ROOT = join(__dirname, '..', '..');
export const ADDIN_PATH = join(ROOT, 'manifest.xml');
export const TEAMS_DIR = join(ROOT, 'teams');
export const TEAMS_PATH = join(TEAMS_DIR, 'manifest.json');
export const ASSETS_DIR = join(ROOT, 'public', 'assets');

export function addinXml(): string {
  return readFileSync(ADDIN_PATH, 'utf8');
}

export function teamsText(): string {
  return readFileSync(TEAMS_PATH, 'utf8');
}

/** The Teams manifest as a plain, mutable object (a fresh parse each call). */
export function teamsManifest(): TeamsManifest {
  return JSON.parse(teamsText()) as TeamsManifest;
}

/** Every string value anywhere in a JSON value. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}
