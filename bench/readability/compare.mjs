// Mozilla Readability's title for every labelled fixture page, scored like Herald's: exact match with the
// expected headline after white space is collapsed. Usage: node compare.mjs [fixture dirs...]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const dirs = process.argv.length > 2 ? process.argv.slice(2)
  : ["../../src/test/resources/pages", "../../src/test/resources/holdout"];
const quiet = new VirtualConsole();
let total = 0, exact = 0;
for (const dir of dirs) {
  const lines = readFileSync(join(dir, "expected.tsv"), "utf8").split("\n").slice(1).filter(l => l.trim());
  let setTotal = 0, setExact = 0;
  for (const line of lines) {
    const [file, headline] = line.split("\t");
    const html = readFileSync(join(dir, file), "utf8");
    const dom = new JSDOM(html, { virtualConsole: quiet });
    let title = "";
    try {
      const article = new Readability(dom.window.document).parse();
      title = (article && article.title) || "";
    } catch (e) {
      title = "";
    }
    const normal = title.replace(/\s+/g, " ").trim();
    setTotal++;
    if (normal === headline) setExact++;
    else if (process.env.VERBOSE) console.log(`${file}\n  expected: ${headline}\n  got:      ${normal}`);
  }
  console.log(`${dir}: ${setExact}/${setTotal} exact (${(100 * setExact / setTotal).toFixed(1)} %)`);
  total += setTotal; exact += setExact;
}
console.log(`all: ${exact}/${total} exact (${(100 * exact / total).toFixed(1)} %)`);
