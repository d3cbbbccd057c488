/**
 * What `hs project upload` (@hubspot/cli 8.14) would send, computed with HubSpot's own code: the
 * files of `srcDir` that survive `shouldIgnoreFile` (@hubspot/local-dev-lib, which applies
 * `.hsignore`), and the npm workspace members that `@hubspot/project-parsing-lib` collects from the
 * `package.json` files under `srcDir`. On top of that it checks what HubSpot's remote build needs and
 * only an upload would otherwise reveal: each extension's import closure is uploaded, every package it
 * imports is declared by the workspace member that imports it (the remote `npm ci` installs only
 * declared dependencies), and every `@goal-families/*` dependency resolves to a workspace member.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { shouldIgnoreFile } from '@hubspot/local-dev-lib/ignoreRules';
import {
  collectFileDependencies,
  collectWorkspaceDirectories,
  findAndParsePackageJsonFiles,
  validateWorkspaceProtocolDependencies,
} from '@hubspot/project-parsing-lib/workspaces';
import { resolveImport, specifiersOf } from '../layers';

const toPosix = (p: string) => p.split(path.sep).join('/');

/**
 * Whether HubSpot's CLI leaves a file out. The CLI hands `shouldIgnoreFile` each archive entry's
 * name relative to `srcDir` while `.hsignore` is found from the working directory: run from the
 * project root (as `npm run deploy` does), `.hsignore` patterns therefore match `srcDir`-relative
 * paths such as `gateway/index.ts`. `shouldIgnoreFile` reads `.hsignore` once, from the working
 * directory of its first call, so callers must run from the project root.
 */
export type IgnoreRule = (srcRelativePath: string) => boolean;
export const hubspotIgnores: IgnoreRule = (file) => shouldIgnoreFile(file, true);

export interface WorkspaceMember {
  /** Folder relative to srcDir, e.g. `app/packages/ui`. */
  dir: string;
  name: string;
  version: string;
  /** The package.json (relative to srcDir) whose `workspaces` declares it. */
  declaredBy: string;
  dependencies: Record<string, string>;
}

export interface UploadPlan {
  /** Every uploaded file, relative to srcDir, sorted. */
  files: string[];
  members: WorkspaceMember[];
  problems: string[];
}

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function walk(dir: string, base: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // node_modules is always left out (HubSpot's ignore list); skipping it here only saves time.
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, base, out);
    } else out.push(toPosix(path.relative(base, full)));
  }
}

/** The files of srcDir the CLI's archive keeps (node_modules, dotfiles and `.hsignore` matches are left out). */
export function uploadedFiles(srcDir: string, ignores: IgnoreRule = hubspotIgnores): string[] {
  const all: string[] = [];
  walk(srcDir, srcDir, all);
  return all.filter((file) => !ignores(file)).sort();
}

export async function planUpload(
  projectDir: string,
  srcDir: string,
  ignores: IgnoreRule = hubspotIgnores,
): Promise<UploadPlan> {
  const problems: string[] = [];
  const files = uploadedFiles(srcDir, ignores);
  const parsed = await findAndParsePackageJsonFiles(srcDir);
  const mappings = await collectWorkspaceDirectories(parsed);
  try {
    validateWorkspaceProtocolDependencies(parsed, mappings);
  } catch (error) {
    problems.push(String((error as Error).message));
  }
  for (const dep of await collectFileDependencies(parsed))
    problems.push(
      `${rel(srcDir, dep.sourcePackageJsonPath)}: file:/link: dependency ${dep.packageName} (use a workspace)`,
    );

  const members: WorkspaceMember[] = [];
  for (const { workspaceDir, sourcePackageJsonPath } of mappings) {
    const dir = rel(srcDir, workspaceDir);
    if (dir.startsWith('..')) {
      problems.push(
        `${rel(srcDir, sourcePackageJsonPath)} declares the workspace ${rel(projectDir, workspaceDir)} outside srcDir: the CLI would copy it to _workspaces/ and rewrite the lockfile`,
      );
      continue;
    }
    const manifest = readManifest(path.join(workspaceDir, 'package.json'));
    members.push({
      dir,
      name: manifest.name ?? '',
      version: manifest.version ?? '',
      declaredBy: rel(srcDir, sourcePackageJsonPath),
      dependencies: manifest.dependencies ?? {},
    });
  }
  // srcDir holds the app (app/) and code that is bundled into the function files before upload.
  for (const file of files)
    if (!file.startsWith('app/'))
      problems.push(`${file} would be uploaded, but only app/ is the HubSpot app (.hsignore)`);
  const uploaded = new Set(files);
  for (const member of members) {
    if (!uploaded.has(`${member.dir}/package.json`))
      problems.push(`${member.dir}/package.json is a workspace member but is not uploaded (.hsignore?)`);
    if (!member.name) problems.push(`${member.dir}/package.json has no name`);
  }
  problems.push(...checkMemberDependencies(members));
  problems.push(...checkLockfiles(srcDir, members, uploaded));
  return { files, members, problems };
}

const rel = (from: string, to: string) => toPosix(path.relative(from, to));

function readManifest(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/**
 * A dependency named like a workspace member must be satisfied by that member: npm links a workspace
 * only when its version satisfies the range, and otherwise fetches the name from the registry (where
 * `@goal-families/*` does not exist). This project pins workspace dependencies to the exact version.
 */
export function checkMemberDependencies(members: readonly WorkspaceMember[]): string[] {
  const byName = new Map(members.map((m) => [m.name, m]));
  const problems: string[] = [];
  for (const member of members) {
    for (const [name, range] of Object.entries(member.dependencies)) {
      const target = byName.get(name);
      if (!target) {
        if (name.startsWith('@goal-families/'))
          problems.push(`${member.dir} depends on ${name}, which is no workspace member of the upload`);
        continue;
      }
      if (range !== target.version && range !== '*')
        problems.push(
          `${member.dir} depends on ${name}@${range}, but the workspace member is ${target.version}`,
        );
      if (target.declaredBy !== member.declaredBy)
        problems.push(`${member.dir} and ${target.dir} are declared by different workspace roots`);
    }
  }
  return problems;
}

/** Each workspace root needs an uploaded lockfile that lists every member (the remote build runs `npm ci`). */
function checkLockfiles(
  srcDir: string,
  members: readonly WorkspaceMember[],
  uploaded: Set<string>,
): string[] {
  const problems: string[] = [];
  for (const root of new Set(members.map((m) => m.declaredBy))) {
    const lockfile = path.posix.join(path.posix.dirname(root), 'package-lock.json');
    if (!uploaded.has(lockfile)) {
      problems.push(`${lockfile} is missing from the upload: the remote build installs with npm ci`);
      continue;
    }
    const lock = JSON.parse(readFileSync(path.join(srcDir, lockfile), 'utf8')) as {
      packages?: Record<string, { name?: string }>;
    };
    for (const member of members.filter((m) => m.declaredBy === root)) {
      const key = path.posix.relative(path.posix.dirname(root), member.dir);
      if (lock.packages?.[key]?.name !== member.name)
        problems.push(`${lockfile} does not list the workspace member ${key} (${member.name})`);
    }
  }
  return problems;
}

export interface Closure {
  /** Repository files reached from the entry, relative to srcDir. */
  files: string[];
  /** Third-party packages reached, by the member folder that imports them. */
  packages: Array<{ member: string; name: string; from: string }>;
}

/**
 * Everything an extension entry imports, followed through relative imports and workspace packages
 * (by the names the upload's members declare), the way the remote build resolves them.
 */
export function importClosure(srcDir: string, entry: string, members: readonly WorkspaceMember[]): Closure {
  const byName = new Map(members.map((m) => [m.name, m.dir]));
  const memberOf = (file: string) =>
    [...members].sort((a, b) => b.dir.length - a.dir.length).find((m) => file.startsWith(`${m.dir}/`));
  const seen = new Set<string>();
  const packages: Closure['packages'] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(path.join(srcDir, file)) || !/\.(tsx?|jsx?)$/.test(file)) continue;
    for (const { specifier } of specifiersOf(file, readFileSync(path.join(srcDir, file), 'utf8'))) {
      const target = resolveImport(srcDir, file, specifier, byName);
      const member = memberOf(file)?.dir ?? '';
      if (target.kind !== 'file') packages.push({ member, name: target.name, from: file });
      else {
        queue.push(target.path);
        if (target.viaPackage) packages.push({ member, name: target.viaPackage, from: file });
      }
    }
  }
  return { files: [...seen].sort(), packages };
}

/** Problems with one extension's build inputs as uploaded. */
export function checkExtension(
  srcDir: string,
  entry: string,
  plan: Pick<UploadPlan, 'files' | 'members'>,
): string[] {
  const problems: string[] = [];
  const uploaded = new Set(plan.files);
  const closure = importClosure(srcDir, entry, plan.members);
  for (const file of closure.files)
    if (!uploaded.has(file)) problems.push(`${entry} needs ${file}, which is not uploaded`);
  const byDir = new Map(plan.members.map((m) => [m.dir, m]));
  for (const { member, name, from } of closure.packages) {
    if (name.startsWith('node:')) {
      problems.push(`${from} imports ${name}: extensions run in HubSpot's browser sandbox`);
      continue;
    }
    const declaring = byDir.get(member);
    if (!declaring) problems.push(`${from} is in no workspace member, so nothing installs ${name} for it`);
    else if (!(name in declaring.dependencies))
      problems.push(
        `${from} imports ${name}, which ${member}/package.json does not declare (the remote npm ci would not install it)`,
      );
  }
  return [...new Set(problems)];
}
