// Validates every AsyncAPI document in the folder given as argument with the official parser
// (@asyncapi/parser); exits non-zero on any error. Run by the Maven build (exec-maven-plugin, verify).
import { Parser } from '@asyncapi/parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2];
const files = readdirSync(folder).filter((f) => f.endsWith('.yaml'));
if (files.length === 0) {
  console.error(`no AsyncAPI document in ${folder}`);
  process.exit(1);
}
const parser = new Parser();
let failed = false;
for (const file of files) {
  const { document, diagnostics } = await parser.parse(readFileSync(join(folder, file), 'utf8'));
  const errors = diagnostics.filter((d) => d.severity === 0);
  for (const d of diagnostics) {
    const level = d.severity === 0 ? 'ERROR' : 'warning';
    console.log(`${file}: ${level} ${d.code}: ${d.message} at ${d.path.join('.')}`);
  }
  if (!document || errors.length > 0) {
    failed = true;
  } else {
    console.log(`${file}: valid AsyncAPI ${document.version()}, ${document.messages().length} messages`);
  }
}
process.exit(failed ? 1 : 0);
