/**
 * `npm run check:project`: HubSpot's project rules (./project-check/rules.ts) plus HubSpot's own
 * offline parser (`@hubspot/project-parsing-lib` translate with skipValidation). Exits 1 on any problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { checkProject, type HsMetaFile } from './project-check/rules';

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

if (problems.length > 0) {
  console.error(`Project check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Project check passed: ${files.length} hsmeta files.`);
