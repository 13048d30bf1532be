// A synthetic corpus shaped like the real imported one (measured on ../shared/corpus): body lengths
// (p50 1.7 KB, p90 3.5 KB, p99 26 KB, max ~110 KB), ~20% raw-HTML bodies, ~10% tab-indented scraps,
// ~70 tags with one on ~2/3 of articles (~3.2 tags each), 13 categories, two front-matter
// generations, a few titles with entities. Deterministic for a given N. A finished corpus carries a stamp
// (.corpus.json, which the loader passes over as it does every dot file), so that ensureCorpus reuses it.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const STAMP = '.corpus.json';
/** Bump when the generator's output changes, so that corpora made before are made again. */
const GENERATOR = 1;
const articleName = (i: number) => `article-${String(i).padStart(5, '0')}.md`;

/** What `dir` holds, when it is a finished corpus of `n` from this generator and `seed`. */
function stampOf(dir: string, n: number, seed: number): { generated: string } | undefined {
  try {
    const stamp = JSON.parse(readFileSync(path.join(dir, STAMP), 'utf8'));
    return stamp.n === n && stamp.seed === seed && stamp.generator === GENERATOR ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The corpus of `n` in `dir`, generated only when it is not there already. Returns whether it was reused
 * and when its stamp was written, which tells one generation of the folder from another.
 * A folder from before stamps is taken as it is when it holds exactly the `n` files the generator names
 * (what generateCorpus always wrote), and stamped; anything else is generated again.
 */
export function ensureCorpus(dir: string, n: number, seed = 12763): { reused: boolean; generated: string } {
  const stamp = stampOf(dir, n, seed);
  if (stamp) return { reused: true, generated: stamp.generated };
  if (seed === 12763 && existsSync(dir)) {
    const names = readdirSync(dir);
    if (
      names.length === n &&
      existsSync(path.join(dir, articleName(n - 1))) &&
      names.every((f) => /^article-\d+\.md$/.test(f))
    ) {
      return { reused: true, generated: writeStamp(dir, n, seed) };
    }
  }
  generateCorpus(dir, n, seed);
  return { reused: false, generated: stampOf(dir, n, seed)?.generated ?? '' };
}

function writeStamp(dir: string, n: number, seed: number): string {
  const generated = new Date().toISOString();
  writeFileSync(path.join(dir, STAMP), `${JSON.stringify({ n, seed, generator: GENERATOR, generated })}\n`);
  return generated;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'model data system agent research team company product launch market users chip cloud compute ' +
  'training inference startup investor policy safety benchmark release open source robot device ' +
  'software hardware platform network security privacy update feature partner study result report ' +
  'growth revenue price cost energy vision language speech search assistant workflow developer tool'
).split(' ');
const CATEGORIES = [
  'General AI',
  'Work',
  'Healthcare',
  'Productivity',
  'Ethics',
  'Technology',
  'Tools',
  'Finance',
  'Research',
  'Business',
  'Smart Home',
  'Transportation',
  'Education',
];
const TAG_NAMES = Array.from({ length: 69 }, (_, i) =>
  i < 12
    ? [
        'Work',
        'Tools',
        'Productivity',
        'Machine Learning',
        'Automation',
        'Ethics',
        'Technology',
        'Deep Learning',
        'Research',
        'Healthcare',
        'Computer Vision',
        'Openai',
      ][i]
    : `Topic ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`,
);

export function generateCorpus(dir: string, n: number, seed = 12763): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const s = words(8 + Math.floor(random() * 14));
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (chars: number) => {
    let p = '';
    while (p.length < chars) p += `${sentence()} `;
    return p.trim();
  };
  const bodyLength = () => {
    const r = random();
    if (r < 0.8) return 1300 + random() * 1200;
    if (r < 0.92) return 2500 + random() * 3500;
    if (r < 0.99) return 6000 + random() * 24000;
    return 30000 + random() * 80000;
  };
  const start = Date.UTC(2023, 5, 1);
  const span = Date.UTC(2026, 10, 1) - start;

  for (let i = 0; i < n; i++) {
    const legacy = random() < 0.49;
    const kind = random();
    const target = bodyLength();
    const parts: string[] = [];
    let size = 0;
    while (size < target) {
      const p = paragraph(120 + random() * 300);
      let block: string;
      if (kind < 0.2)
        block =
          random() < 0.05
            ? `<figure><img src="https://images.example.net/${i}.jpg" alt="${words(3)}"><figcaption>${sentence()}</figcaption></figure>`
            : `<p>${p.replace(/ (\w+) /, ' <a href="https://news.example.org/x">$1</a> ')}</p>`;
      else if (random() < 0.1) block = `## ${words(4)}`;
      else if (random() < 0.05) block = `- ${words(5)}\n- ${words(6)}\n- ${words(4)}`;
      else block = p;
      parts.push(block);
      size += block.length;
      if (kind >= 0.2 && kind < 0.3 && parts.length === 3)
        parts.push('\t\n\t\t\n\t\tEvent\n\t\t\t\n\t\t\t\tJoin the waitlist\n\t\t\t\t\tBe first in line');
    }
    const date = new Date(start + (span * i) / n + random() * 3_600_000).toISOString().slice(0, 10);
    const tagCount = 1 + Math.floor(random() * 4);
    const tags = new Set<string>();
    if (random() < 0.67) tags.add(random() < 0.3 ? 'AI' : 'Ai');
    while (tags.size < tagCount) tags.add(TAG_NAMES[Math.floor(TAG_NAMES.length * random() ** 2.2)]);
    const category = CATEGORIES[Math.floor(CATEGORIES.length * random() ** 1.6)];
    let title = `${sentence().slice(0, -1)} ${i}`;
    if (random() < 0.01) title = title.replace(' ', '&#8217;s ');
    if (random() < 0.005) title = title.replace(' ', ' &amp; ');
    const excerpt = `${paragraph(140).slice(0, 150)}...`;
    const fm = legacy
      ? [
          `title: "${title}"`,
          `excerpt: "${excerpt}"`,
          `category: "${category}"`,
          `date: "${date}"`,
          `tags: ${JSON.stringify([...tags])}`,
          'readTime: "5 min read"',
        ]
      : [
          `title: '${title}'`,
          `date: '${date}'`,
          `excerpt: >-\n  ${excerpt}`,
          `coverImage: >-\n  https://images.example.net/photo-${i}?w=400&h=200&fit=crop&auto=format`,
          'author: AIVibe',
          `tags:\n${[...tags].map((t) => `  - ${t}`).join('\n')}`,
          `category: ${category}`,
          `source: >-\n  https://news.example.org/${date.replaceAll('-', '/')}/story-${i}/`,
        ];
    writeFileSync(path.join(dir, articleName(i)), `---\n${fm.join('\n')}\n---\n${parts.join('\n\n')}\n`);
  }
  writeStamp(dir, n, seed);
}
