// The static export's moved URLs (lib/aliases.ts), after `next build` and postexport:
//   tsx scripts/write-redirects.ts [out]
// writes a redirect page at each article's old paths and `_redirects` for hosts that read one. It
// never writes over a file the export has: the loader refuses an alias that is a page's URL, and a
// file found there anyway stops the build.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { aliasTable, redirectFile, redirectPage, redirectsFile } from '../lib/aliases';
import { getContent } from '../lib/content';
import { metaContentSecurityPolicy } from '../lib/server/security-headers.mjs';

function main(): number {
  const out = path.resolve(process.argv[2] ?? 'out');
  const index = getContent();
  let pages = 0;
  for (const article of index.articles) {
    for (const alias of article.aliases) {
      const file = path.join(out, ...redirectFile(alias));
      if (existsSync(file)) {
        console.error(`redirects: ${article.file}: aliases: ${alias} would replace ${path.relative(out, file)}`);
        return 1;
      }
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, redirectPage(article, metaContentSecurityPolicy));
      pages++;
    }
  }
  writeFileSync(path.join(out, '_redirects'), redirectsFile(aliasTable(index)));
  console.log(
    `redirects: ${pages} moved URL${pages === 1 ? '' : 's'} written to ${path.relative(process.cwd(), out) || '.'}`,
  );
  return 0;
}

process.exitCode = main();
