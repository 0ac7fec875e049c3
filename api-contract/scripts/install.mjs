// npm ci, unless node_modules already holds every package package-lock.json pins at that version: a warm build
// then costs nothing, and a developer's full install (with the mock's devDependencies) is left as it is.
// The build needs no devDependencies, so it installs without them.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const installedFile = 'node_modules/.package-lock.json'; // written by npm on every install
const installed = existsSync(installedFile) ? JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {} : {};

const missing = Object.entries(lock.packages)
  .filter(([path, pkg]) => path !== '' && !pkg.dev && !pkg.optional)
  .filter(([path, pkg]) => installed[path]?.version !== pkg.version);

if (missing.length === 0) {
  console.log('node_modules is up to date with package-lock.json');
} else {
  console.log(`npm ci (${missing.length} packages missing or at another version, e.g. ${missing[0][0]})`);
  // No install scripts: none of the packages needs one, and it keeps the build from calling out (telemetry).
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
    { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
}
