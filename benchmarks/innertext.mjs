// Renders saved pages to text dumps as the real corpus's were made: Debian's chromium
// (playwright-core, from .ci/node), scripts off, offline, document.body.innerText. A page's
// <meta http-equiv="refresh"> is taken out first (from its bytes, whatever their encoding):
// with scripts off its <noscript> would send the browser away ("JavaScript required"), sooner
// or later, and the text would depend on when.
//
//   node benchmarks/innertext.mjs CHROMIUM HTML_DIR TXT_DIR
//
// benchmarks/unseen_pages.py runs it for --txt; a page that fails to load is left out.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(new URL("../.ci/node/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [executablePath, source, target] = process.argv.slice(2);
const staged = mkdtempSync(join(tmpdir(), "innertext-"));
const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
for (const name of readdirSync(source).filter((f) => f.endsWith(".html"))) {
  // latin1 maps each byte to one character and back: the page's own encoding is untouched
  const bytes = readFileSync(join(source, name), "latin1");
  writeFileSync(join(staged, name), bytes.replace(/<meta[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi, ""), "latin1");
  const page = await context.newPage();
  try {
    await page.goto(pathToFileURL(join(staged, name)).href, { waitUntil: "domcontentloaded", timeout: 20000 });
    const text = await page.evaluate(() => (document.body ? document.body.innerText : ""));
    writeFileSync(join(target, name.replace(/\.html$/, ".txt")), text);
  } catch (error) {
    console.error(`${name}: ${error.message.split("\n")[0]}`);
  }
  await page.close();
}
await browser.close();
rmSync(staged, { recursive: true, force: true });
