/**
 * Files built to break a YAML reader: each must end with exit 1 (the file is invalid) or 2, say why in
 * a sentence, print no stack trace, and stay within a time and memory budget. Needs `npm run build`.
 * Memory is the peak resident set of the geq process, measured by test/e2e/rss-wrapper.mjs.
 */
import { closeSync, existsSync, openSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { STACK_TRACE, geq, tempDir } from "./cli.js";
import { unitYaml } from "../helpers/unit-yaml.js";

const TIME_LIMIT_MS = 10_000;
const MEMORY_LIMIT_MIB = 400;
const MiB = 1024 * 1024;

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
function garbage(length: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** `base` repeated until the file has `size` bytes, written in chunks (never one 40 MB string). */
function writeRepeated(name: string, base: string, size: number): void {
  const chunk = Buffer.from(base.repeat(Math.ceil((4 * MiB) / base.length)));
  const fd = openSync(join(dir, name), "w");
  try {
    for (let written = 0; written < size;) {
      const n = Math.min(chunk.length, size - written);
      writeSync(fd, chunk, 0, n);
      written += n;
    }
  } finally {
    closeSync(fd);
  }
}

function keys(count: number): string {
  const first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const rest = first + "0123456789";
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    let n = i;
    let key = first[n % 52]!;
    n = Math.floor(n / 52);
    do {
      key += rest[n % 62]!;
      n = Math.floor(n / 62);
    } while (n > 0 || key.length < 3);
    lines.push(`${key}:\n`);
  }
  return lines.join("");
}

/** Nine levels of nine aliases each: 9^9 "lol"s when expanded. */
function billionLaughs(): string {
  const lines = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = "abcdefghi";
  for (let i = 1; i < names.length; i++) {
    lines.push(
      `x-${names[i]!}: &${names[i]!} [${Array(9)
        .fill(`*${names[i - 1]!}`)
        .join(",")}]`,
    );
  }
  return unitYaml() + lines.join("\n") + "\n";
}

interface Hostile {
  name: string;
  /** Writes the file; returns its name. */
  make: () => string;
  /** The rule (or rules, as an alternation) the file must be reported under with exit 1; undefined: any exit. */
  rule: string | undefined;
}

const write = (name: string, content: string | Uint8Array) => () => {
  const fd = openSync(join(dir, name), "w");
  writeSync(fd, typeof content === "string" ? Buffer.from(content) : content);
  closeSync(fd);
  return name;
};

const cases: Hostile[] = [
  { name: "64 KiB of binary garbage", make: write("garbage.yaml", garbage(64 * 1024)), rule: "encoding" },
  {
    name: "binary garbage without a 0x00 byte",
    make: write(
      "garbage-no-nul.yaml",
      garbage(64 * 1024).map((b) => b || 1),
    ),
    rule: "encoding",
  },
  { name: "100,000 nested [", make: write("brackets.yaml", "a: " + "[".repeat(100_000)), rule: "too-deep" },
  { name: "100,000 nested {a: ", make: write("braces.yaml", "{a: ".repeat(100_000)), rule: "too-deep" },
  {
    name: "100,000 nested [ closed again",
    make: write("balanced.yaml", "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n"),
    rule: "too-deep",
  },
  {
    name: "5,000 nested block sequences (- - - …)",
    make: write("dashes.yaml", "a:\n" + "- ".repeat(5_000) + "x\n"),
    rule: "too-deep",
  },
  {
    name: "1,400 indentation levels of mappings (just under 1 MiB)",
    make: write("stairs.yaml", Array.from({ length: 1_400 }, (_, i) => `${" ".repeat(i)}k:\n`).join("")),
    rule: "too-deep",
  },
  {
    name: "5,000 indentation levels (12 MB)",
    make: write("stairs-5000.yaml", Array.from({ length: 5_000 }, (_, i) => `${" ".repeat(i)}k:\n`).join("")),
    rule: "file-too-large",
  },
  {
    name: "a 40 MB file",
    make: () => {
      writeRepeated("forty.yaml", "x-dong: Báo cáo công tác bình đẳng giới\n", 40 * 1_000_000);
      return "forty.yaml";
    },
    rule: "file-too-large",
  },
  {
    name: "a 1 MiB + 1 byte file",
    make: () => {
      writeRepeated("big.yaml", "# ghi chú\n", MiB + 1);
      return "big.yaml";
    },
    rule: "file-too-large",
  },
  { name: "a billion-laughs alias bomb", make: write("laughs.yaml", billionLaughs()), rule: "yaml-alias" },
  // 200,000 keys would take the YAML reader 400 MB: refused once the count passes MAX_NODES.
  { name: "200,000 keys in under 1 MiB", make: write("keys.yaml", keys(200_000)), rule: "too-many-nodes" },
  {
    name: "124,000 keys, just under the limit on nodes",
    make: write("keys-124k.yaml", keys(124_000)),
    rule: "unknown-key",
  },
  {
    name: "a flow mapping of 500,000 keys",
    make: write("flow-map.yaml", "{" + "a,".repeat(500_000) + "}\n"),
    rule: "too-many-nodes",
  },
  {
    name: "a flow sequence of 500,000 items",
    make: write("flow-seq.yaml", unitYaml() + "x-so: [" + "1,".repeat(500_000) + "]\n"),
    rule: "too-many-nodes",
  },
  {
    name: "60,000 keys in a sub-task",
    make: write(
      "task-keys.yaml",
      unitYaml().replace("    policy:\n", `    policy:\n${keys(60_000).replace(/^(?=.)/gm, "      ")}`),
    ),
    rule: "unknown-key",
  },
  {
    name: "50,000 copies of one key",
    make: write("dup-keys.yaml", "format: geq/unit-report/v1\n" + "a: 1\n".repeat(50_000)),
    rule: "duplicate-key",
  },
  {
    name: "one line of 1,000,000 characters",
    make: write("long-line.yaml", unitYaml() + "x-dai: " + "Đ".repeat(500_000) + "\n"),
    rule: undefined,
  },
  {
    name: "100,000 syntax errors",
    // Each root-level `a: b: c` opens one more mapping in the parser: too deep, long before the end.
    make: write("syntax.yaml", "a: b: c\n".repeat(100_000)),
    rule: "yaml-syntax|too-deep",
  },
];

describe("hostile input files", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const file = c.make();
    const r = geq(["validate", file], { cwd: dir, measure: true, timeout: 3 * TIME_LIMIT_MS });
    const where = `${c.name}: exit ${String(r.code)} ${String(r.signal)}\n${r.stderr.slice(0, 2000)}`;
    expect(r.timedOut, where).toBe(false);
    expect(r.signal, where).toBeNull();
    expect(r.stderr, where).not.toMatch(STACK_TRACE);
    expect(r.stdout).not.toMatch(STACK_TRACE);
    expect(r.stderr, where).not.toMatch(/FATAL|out of memory|Warning:|internal error|lỗi nội bộ/i);
    expect(r.ms, where).toBeLessThan(TIME_LIMIT_MS);
    // An unmeasured peak (undefined) fails here too: toBeLessThan takes numbers only.
    expect(r.rssMiB, where).toBeLessThan(MEMORY_LIMIT_MIB);
    if (c.rule === undefined) {
      expect([0, 1, 2]).toContain(r.code);
    } else {
      expect(r.code, where).toBe(1);
      const lines = r.stdout.trimEnd().split("\n");
      const diagnostics = lines.slice(0, -1);
      for (const line of diagnostics)
        expect(line).toMatch(
          // Warnings too: the rules read what the schema accepted of the file.
          new RegExp(
            `^${file.replace(".", "\\.")}:[1-9][0-9]*:[1-9][0-9]* (?:lỗi|cảnh báo)  .+  \\[[a-z-]+\\]$`,
          ),
        );
      expect(
        diagnostics.some((l) => new RegExp(`  \\[(?:${c.rule})\\]$`).test(l)),
        r.stdout.slice(0, 2000),
      ).toBe(true);
      expect(lines.at(-1)).toMatch(/^1 tệp, [1-9][0-9]* lỗi, /);
      // Bounded output: a hostile file does not get one line per key or per bracket.
      expect(lines.length).toBeLessThan(200);
    }
  });
});

describe("many findings of one rule", () => {
  it("lists ten, counts the rest on one line, and counts them all in the totals", () => {
    const file = write(
      "aliases.yaml",
      "format: geq/unit-report/v1\nx: &a 1\n" +
        Array.from({ length: 50_000 }, (_, i) => `y${i}: *a\n`).join(""),
    )();
    const r = geq(["validate", file], { cwd: dir, timeout: 3 * TIME_LIMIT_MS });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(12);
    expect(lines.slice(0, 10).filter((l) => !l.endsWith("[yaml-alias]"))).toEqual([]);
    expect(lines[10]).toBe("aliases.yaml:11:5 lỗi  … và 49.991 lỗi tương tự  [yaml-alias]");
    expect(lines[11]).toBe("1 tệp, 50001 lỗi, 0 cảnh báo");
    const json = JSON.parse(geq(["validate", file, "--format", "json"], { cwd: dir }).stdout) as {
      errors: number;
      diagnostics: { similar?: number }[];
    };
    expect(json.errors).toBe(50_001);
    expect(json.diagnostics.map((d) => d.similar ?? 0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 49_991]);
    const en = geq(["validate", file, "--lang", "en"], { cwd: dir }).stdout.trimEnd().split("\n");
    expect(en.at(-2)).toBe("aliases.yaml:11:5 error  … and 49,991 similar errors  [yaml-alias]");
  });
});

describe("many findings of one rule in the configuration", () => {
  it("lists ten, counts the rest, and still refuses the configuration", () => {
    const units = Array.from({ length: 30 }, (_, i) => `  - { code: dv${i}, name: Đơn vị ${i} }\n`).join("");
    const config = write(
      "many-bad-codes.yaml",
      'format: geq/config/v1\ncatalog: "2022"\nissuer: { name: Bộ Xây dựng, abbreviation: BXD, place: Hà Nội }\n' +
        "signer: { position: THỨ TRƯỞNG, name: Nguyễn Văn Sinh }\nrecipients: [Lưu VT]\nunits:\n" +
        units,
    )();
    const r = geq(["validate", "--config", config, "none.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.filter((l) => l.endsWith("[invalid-code]"))).toHaveLength(11);
    expect(lines).toContain("many-bad-codes.yaml:16:13 lỗi  … và 20 lỗi tương tự  [invalid-code]");
    expect(lines).toContain("1 tệp, 30 lỗi, 0 cảnh báo");
  });
});

describe("hostile templates", () => {
  const loops = (depth: number, inner: string) =>
    "{{#each @root.groups}}".repeat(depth) + inner + "{{/each}}".repeat(depth);

  it("a short template of nested loops over every group stops at the output limit, writing nothing", () => {
    const work = tempDir({ "vkt.yaml": unitYaml(), "tpl/unit.hbs": loops(10, "{{title}} ") });
    const r = geq(["build-report", "vkt.yaml", "--no-config", "--template", "tpl", "-o", "r.docx"], {
      cwd: work,
      measure: true,
      timeout: 3 * TIME_LIMIT_MS,
    });
    expect(r.timedOut).toBe(false);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^geq: mẫu báo cáo «.*unit\.hbs» sinh ra quá nhiều nội dung \(quá 32 MB\)/);
    expect(r.ms).toBeLessThan(TIME_LIMIT_MS);
    expect(r.rssMiB!).toBeLessThan(MEMORY_LIMIT_MIB);
    expect(existsSync(join(work, "r.docx"))).toBe(false);
  });

  it("{{log}} in a template writes nothing into geq's output", () => {
    const work = tempDir({
      "vkt.yaml": unitYaml(),
      "tpl/unit.hbs": '{{log "bí mật" level="error"}}{{log "x"}}<p>{{#each groups}}{{title}}{{/each}}</p>',
    });
    const r = geq(["build-report", "vkt.yaml", "--no-config", "--template", "tpl", "-o", "r.docx"], {
      cwd: work,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("Đã ghi r.docx\n");
    expect(r.stderr).toBe("");
  });
});
