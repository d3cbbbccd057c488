/**
 * `npm run check:project`: HubSpot's project rules (./project-check/rules.ts), HubSpot's own offline
 * parser (`@hubspot/project-parsing-lib` translate with skipValidation), and what the upload would
 * hold (./project-check/upload.ts: the files HubSpot's CLI keeps, the npm workspace members it
 * collects, each extension's imports uploaded and declared). Lists the workspace members; exits 1 on
 * any problem. Run it from the project root (HubSpot's ignore rules read `.hsignore` from there).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { checkProject, type HsMetaFile } from './project-check/rules';
import { checkExtension, planUpload } from './project-check/upload';

const root = path.resolve(import.meta.dirname, '..');
const project = JSON.parse(readFileSync(path.join(root, 'hsproject.json'), 'utf8')) as {
  srcDir: string;
  platformVersion: string;
};
const srcDir = path.join(root, project.srcDir);

function findHsMetaFiles(dir: string): HsMetaFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : findHsMetaFiles(full);
    if (!entry.name.endsWith('-hsmeta.json')) return [];
    return [
      { path: path.relative(srcDir, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') },
    ];
  });
}

const problems: string[] = [];
if (project.platformVersion !== '2026.03') problems.push('hsproject.json: platformVersion must be 2026.03');
const files = findHsMetaFiles(srcDir);
problems.push(...checkProject({ files, exists: (p) => existsSync(path.join(srcDir, p)) }));

try {
  const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
    { projectSourceDir: srcDir, platformVersion: project.platformVersion, accountId: 0 },
    { skipValidation: true },
  );
  for (const skipped of skippedHsMetaFiles) problems.push(`HubSpot's parser skipped ${skipped}`);
  // The parser adds one SERVERLESS_PACKAGE node (from functions/package.json) once functions exist.
  const nodes = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid).filter(
    (node) => (node as { componentType?: string }).componentType !== 'SERVERLESS_PACKAGE',
  );
  if (nodes.length !== files.length) {
    problems.push(
      `HubSpot's parser found ${nodes.length} components but there are ${files.length} hsmeta files`,
    );
  }
} catch (error) {
  problems.push(`HubSpot's parser failed: ${String(error)}`);
}

process.chdir(root);
const plan = await planUpload(root, srcDir);
problems.push(...plan.problems);
const uploaded = new Set(plan.files);
const extensionEntries: string[] = [];
for (const file of files) {
  let meta: { type?: string; config?: { entrypoint?: unknown } };
  try {
    meta = JSON.parse(file.text);
  } catch {
    continue; // reported by checkProject
  }
  const entrypoint =
    typeof meta.config?.entrypoint === 'string' ? meta.config.entrypoint.replace(/^\//, '') : '';
  if (!entrypoint) continue;
  if (existsSync(path.join(srcDir, entrypoint)) && !uploaded.has(entrypoint))
    problems.push(`${file.path}: its entrypoint ${entrypoint} would not be uploaded`);
  if (meta.type === 'card' || meta.type === 'settings') {
    extensionEntries.push(entrypoint);
    problems.push(...checkExtension(srcDir, entrypoint, plan));
  }
}

console.log(
  `Upload: ${plan.files.length} files of ${project.srcDir}/; npm workspace members HubSpot's CLI collects:`,
);
for (const member of plan.members) {
  const shared = Object.entries(member.dependencies)
    .filter(([name]) => plan.members.some((m) => m.name === name))
    .map(([name]) => `${name} → ${plan.members.find((m) => m.name === name)?.dir}`);
  console.log(
    `  ${member.dir} (${member.name}@${member.version}, declared by ${member.declaredBy})${shared.length > 0 ? `: ${shared.join(', ')}` : ''}`,
  );
}
console.log(`Extensions checked for remote build: ${extensionEntries.join(', ')}`);

if (problems.length > 0) {
  console.error(`Project check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Project check passed: ${files.length} hsmeta files.`);
