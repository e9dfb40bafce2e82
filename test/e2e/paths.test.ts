/**
 * What geq reads and where it writes, tried as a hostile or careless user would: links, pipes,
 * devices, folders, odd names. Nothing read may be overwritten, nothing special replaced, nothing
 * waited on forever, no temporary file left behind. Every run has a timeout: a hang fails the test.
 */
import { execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateUnits } from "../bench/report-bench.js";
import { BIN, ROOT, STACK_TRACE, cleanEnv, geq, tempDir, type CliResult } from "./cli.js";

const SEMI = join(ROOT, "examples", "2022", "semi-annual");
const ANNUAL = join(ROOT, "examples", "2022", "annual");
const QUICK = 15_000;

/** A working folder with the semi-annual examples in `units/`, the configuration, and one unit file. */
function workspace(): string {
  const dir = tempDir();
  cpSync(SEMI, join(dir, "units"), { recursive: true });
  cpSync(join(ROOT, "examples", "geq.yaml"), join(dir, "geq.yaml"));
  cpSync(join(SEMI, "vkt.yaml"), join(dir, "one.yaml"));
  return dir;
}

const mkfifo = (path: string) => execFileSync("mkfifo", [path]);
const bytes = (path: string) => readFileSync(path);

/** Exit 2 with one plain sentence naming the problem: no stack, no "internal error", no hang. */
function refused(r: CliResult, words: RegExp): void {
  expect(r.timedOut).toBe(false);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(r.stderr).not.toMatch(/lỗi nội bộ/);
  expect(r.stderr).toMatch(words);
  expect(r.code, r.stderr).toBe(2);
}

describe("never overwrites a file the run read", () => {
  it("through a linked folder: -o link/vkt.yaml where link → units", () => {
    const dir = workspace();
    symlinkSync("units", join(dir, "link"));
    const before = bytes(join(dir, "units", "vkt.yaml"));
    const r = geq(["build-report", "units/vkt.yaml", "--no-config", "-o", "link/vkt.yaml"], { cwd: dir });
    refused(r, /«link\/vkt\.yaml» là một tệp đầu vào/);
    expect(bytes(join(dir, "units", "vkt.yaml"))).toEqual(before);
  });

  it("an input named through a link, the output naming the file itself", () => {
    const dir = workspace();
    symlinkSync("one.yaml", join(dir, "alias.yaml"));
    const before = bytes(join(dir, "one.yaml"));
    const r = geq(["build-report", "alias.yaml", "--no-config", "-o", "one.yaml"], { cwd: dir });
    refused(r, /tệp đầu vào/);
    expect(bytes(join(dir, "one.yaml"))).toEqual(before);
  });

  it("a template read in the same run", () => {
    const dir = workspace();
    mkdirSync(join(dir, "tpl"));
    cpSync(join(ROOT, "templates", "unit.hbs"), join(dir, "tpl", "unit.hbs"));
    const before = bytes(join(dir, "tpl", "unit.hbs"));
    const r = geq(["build-report", "one.yaml", "--no-config", "--template", "tpl", "-o", "tpl/unit.hbs"], {
      cwd: dir,
    });
    refused(r, /«tpl\/unit\.hbs» là một tệp đầu vào/);
    expect(bytes(join(dir, "tpl", "unit.hbs"))).toEqual(before);
  });

  it("the configuration, and a --compare file", () => {
    const dir = workspace();
    const config = bytes(join(dir, "geq.yaml"));
    const unit = bytes(join(dir, "units", "vkt.yaml"));
    const args = [
      "build-report",
      ANNUAL,
      "--config",
      "geq.yaml",
      "--date",
      "2022-12-20",
      "--compare",
      "units",
    ];
    refused(geq([...args, "-o", "geq.yaml"], { cwd: dir }), /«geq\.yaml» là một tệp đầu vào/);
    refused(geq([...args, "-o", "units/vkt.yaml"], { cwd: dir }), /«units\/vkt\.yaml» là một tệp đầu vào/);
    expect(bytes(join(dir, "geq.yaml"))).toEqual(config);
    expect(bytes(join(dir, "units", "vkt.yaml"))).toEqual(unit);
  });

  it("writes through a link to a file that is not an input, and the link stays a link", () => {
    const dir = workspace();
    writeFileSync(join(dir, "old.docx"), "old");
    symlinkSync("old.docx", join(dir, "latest.docx"));
    const r = geq(["build-report", "one.yaml", "--no-config", "-o", "latest.docx"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, "latest.docx")).isSymbolicLink()).toBe(true);
    expect(bytes(join(dir, "old.docx")).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("replaces only a regular file, or nothing", () => {
  it("refuses a FIFO as -o, which stays a FIFO, and does not wait on it", () => {
    const dir = workspace();
    mkfifo(join(dir, "out.docx"));
    const r = geq(["build-report", "one.yaml", "--no-config", "-o", "out.docx"], {
      cwd: dir,
      timeout: QUICK,
    });
    refused(r, /«out\.docx» vì đó là một đường ống \(FIFO\), không phải tệp/);
    expect(statSync(join(dir, "out.docx")).isFIFO()).toBe(true);
  });

  it("refuses a device as -o for every writing command, and the device is untouched", () => {
    const dir = workspace();
    for (const args of [
      ["build-report", "one.yaml", "--no-config", "-o", "/dev/null"],
      ["init", "--unit", "VKT", "-o", "/dev/null", "--force"],
      ["schema", "unit", "-o", "/dev/null"],
    ]) {
      refused(geq(args, { cwd: dir, timeout: QUICK }), /«\/dev\/null» vì đó là một thiết bị/);
    }
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("refuses a link to nothing, rather than creating a file somewhere it points", () => {
    const dir = workspace();
    symlinkSync("nowhere/x.docx", join(dir, "dangling.docx"));
    const r = geq(["build-report", "one.yaml", "--no-config", "-o", "dangling.docx"], { cwd: dir });
    refused(r, /liên kết trỏ tới tệp không tồn tại/);
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
  });

  it("-o under a regular file is the normal exit-2 sentence with the system's reason", () => {
    const dir = workspace();
    writeFileSync(join(dir, "somefile.txt"), "keep");
    const r = geq(["build-report", "one.yaml", "--no-config", "-o", "somefile.txt/out.docx"], { cwd: dir });
    refused(r, /không ghi được tệp «somefile\.txt\/out\.docx» \(ENOTDIR\)/);
    expect(readFileSync(join(dir, "somefile.txt"), "utf8")).toBe("keep");
  });
});

describe("a folder as -o means the default name inside it", () => {
  it("build-report: a trailing slash creates the folder; an existing folder without one is used", () => {
    const dir = workspace();
    const args = ["build-report", "units", "--config", "geq.yaml", "--date", "2022-06-20"];
    const created = geq([...args, "-o", "reports/new/"], { cwd: dir });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain("Đã ghi reports/new/bao-cao-so-ket-6-thang-2022.docx");
    expect(readdirSync(join(dir, "reports", "new"))).toEqual(["bao-cao-so-ket-6-thang-2022.docx"]);
    const existing = geq([...args, "-o", "reports"], { cwd: dir });
    expect(existing.code, existing.stderr).toBe(0);
    expect(readdirSync(join(dir, "reports")).sort()).toEqual(["bao-cao-so-ket-6-thang-2022.docx", "new"]);
  });

  it("a trailing slash after a file is refused, not taken as a file name", () => {
    const dir = workspace();
    writeFileSync(join(dir, "reports"), "keep");
    const r = geq(["build-report", "one.yaml", "--no-config", "-o", "reports/"], { cwd: dir });
    refused(r, /\(ENOTDIR\)/);
    expect(readFileSync(join(dir, "reports"), "utf8")).toBe("keep");
  });

  it("init writes <code>.yaml into the folder, and without --force still refuses an existing file", () => {
    const dir = tempDir();
    const first = geq(["init", "--unit", "VKT", "-o", "units/"], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain("Đã ghi units/vkt.yaml");
    writeFileSync(join(dir, "units", "vkt.yaml"), "mine");
    refused(geq(["init", "--unit", "VKT", "-o", "units"], { cwd: dir }), /«units\/vkt\.yaml» đã tồn tại/);
    expect(readFileSync(join(dir, "units", "vkt.yaml"), "utf8")).toBe("mine");
    expect(geq(["init", "--unit", "VKT", "-o", "units", "--force"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "units", "vkt.yaml"), "utf8")).toMatch(/^# yaml-language-server/);
  });

  it("schema writes unit-report.schema.json or config.schema.json into the folder", () => {
    const dir = tempDir();
    expect(geq(["schema", "unit", "-o", "schemas/"], { cwd: dir }).code).toBe(0);
    expect(geq(["schema", "config", "-o", "schemas"], { cwd: dir }).code).toBe(0);
    expect(readdirSync(join(dir, "schemas")).sort()).toEqual([
      "config.schema.json",
      "unit-report.schema.json",
    ]);
    expect(bytes(join(dir, "schemas", "config.schema.json"))).toEqual(
      bytes(join(ROOT, "schemas", "config.schema.json")),
    );
  });
});

describe("reads regular files and pipes, refuses the rest, never hangs", () => {
  it("a FIFO with no writer as --config, as a unit, or as a template reads as empty, at once", () => {
    const dir = workspace();
    mkfifo(join(dir, "pipe.yaml"));
    const config = geq(["validate", "units", "--config", "pipe.yaml"], { cwd: dir, timeout: QUICK });
    refused(config, /tệp cấu hình «pipe\.yaml» không hợp lệ/);
    expect(config.stderr).toContain("tệp rỗng");
    const unit = geq(["validate", "pipe.yaml", "--no-config"], { cwd: dir, timeout: QUICK });
    expect(unit.timedOut).toBe(false);
    expect(unit.code).toBe(1);
    expect(unit.stdout).toContain("pipe.yaml:1:1 lỗi  tệp rỗng");
    mkdirSync(join(dir, "tpl"));
    mkfifo(join(dir, "tpl", "unit.hbs"));
    const template = geq(["build-report", "one.yaml", "--no-config", "--template", "tpl", "-o", "r.docx"], {
      cwd: dir,
      timeout: QUICK,
    });
    // An empty template gives an empty document: read, not waited on.
    expect(template.timedOut).toBe(false);
    expect(template.code, template.stderr).toBe(0);
  });

  it("a FIFO or a device as ./geq.yaml is refused, not waited on", () => {
    for (const make of [(p: string) => mkfifo(p), (p: string) => symlinkSync("/dev/null", p)]) {
      const dir = workspace();
      const units = join(dir, "units");
      const cwd = join(dir, "cwd");
      mkdirSync(cwd);
      make(join(cwd, "geq.yaml"));
      const r = geq(["validate", units], { cwd, timeout: QUICK });
      refused(r, /«geq\.yaml» trong thư mục hiện tại không phải tệp thông thường/);
      expect(geq(["validate", units, "--no-config"], { cwd, timeout: QUICK }).code).toBe(0);
    }
  });

  it("reads a process substitution <(…) as --config and /dev/stdin as a unit file, not as empty files", () => {
    const dir = workspace();
    const viaShell = (script: string) =>
      execFileSync("bash", ["-c", script], { cwd: dir, env: cleanEnv(), encoding: "utf8", timeout: QUICK });
    const node = JSON.stringify(process.execPath);
    const bin = JSON.stringify(BIN);
    expect(viaShell(`${node} ${bin} validate units --config <(cat geq.yaml)`)).toContain(
      "17 tệp, 0 lỗi, 1 cảnh báo, 1 cảnh báo đã giải trình",
    );
    expect(viaShell(`${node} ${bin} validate /dev/stdin --no-config < one.yaml`)).toContain(
      "1 tệp, 0 lỗi, 0 cảnh báo",
    );
    // A report built from a pipe: its text is kept, since a pipe cannot be read a second time.
    viaShell(`${node} ${bin} build-report <(cat one.yaml) --no-config -o from-pipe.docx`);
    viaShell(`${node} ${bin} build-report one.yaml --no-config -o from-file.docx`);
    expect(readFileSync(join(dir, "from-pipe.docx"))).toEqual(readFileSync(join(dir, "from-file.docx")));
  });

  it("reads a named FIFO whose writer is there", () => {
    const dir = workspace();
    mkfifo(join(dir, "sent.yaml"));
    const script = `cat one.yaml > sent.yaml & sleep 0.3; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} validate sent.yaml --no-config`;
    const out = execFileSync("bash", ["-c", script], {
      cwd: dir,
      env: cleanEnv(),
      encoding: "utf8",
      timeout: QUICK,
    });
    expect(out).toContain("1 tệp, 0 lỗi, 0 cảnh báo");
  });

  it("refuses a folder or a device named as a file, naming it", () => {
    const dir = workspace();
    mkdirSync(join(dir, "folder.yaml"));
    refused(
      geq(["validate", "units", "--config", "folder.yaml"], { cwd: dir }),
      /«folder\.yaml» là một thư mục, không phải tệp/,
    );
    refused(
      geq(["validate", "/dev/zero", "--no-config"], { cwd: dir, timeout: QUICK }),
      /«\/dev\/zero» là một thiết bị/,
    );
  });
});

describe("discovery follows links and reads each file once", () => {
  it("a linked unit file is found in a folder and by a glob", () => {
    const dir = workspace();
    mkdirSync(join(dir, "inbox"));
    symlinkSync("../one.yaml", join(dir, "inbox", "vkt.yaml"));
    for (const path of ["inbox", "inbox/*.yaml"]) {
      const r = geq(["validate", path, "--no-config"], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("1 tệp, 0 lỗi");
    }
  });

  it("one folder named twice through a link counts each file once: no duplicates", () => {
    const dir = workspace();
    symlinkSync("units", join(dir, "link"));
    const r = geq(["validate", "units", "link", "--config", "geq.yaml"], { cwd: dir });
    expect(r.stdout).not.toContain("duplicate-unit");
    expect(r.stdout).toContain("17 tệp, 0 lỗi");
    expect(r.code).toBe(0);
  });

  it("the configuration inside the folder of units, named through a link, is not read as a unit", () => {
    const dir = workspace();
    cpSync(join(dir, "geq.yaml"), join(dir, "units", "bxd-2022.yaml"));
    symlinkSync("units", join(dir, "link"));
    const r = geq(["validate", "units", "--config", "link/bxd-2022.yaml"], { cwd: dir });
    expect(r.stdout).toContain("17 tệp, 0 lỗi");
    expect(r.code, r.stdout).toBe(0);
  });

  it.skipIf(process.getuid?.() === 0)(
    "a folder that cannot be read stops the run, naming it (skipped as root: root reads any folder)",
    () => {
      const dir = workspace();
      mkdirSync(join(dir, "units", "locked"));
      execFileSync("chmod", ["000", join(dir, "units", "locked")]);
      try {
        refused(
          geq(["status", "units", "--config", "geq.yaml"], { cwd: dir }),
          /không đọc được thư mục «units\/locked» \(EACCES\)/,
        );
      } finally {
        execFileSync("chmod", ["755", join(dir, "units", "locked")]);
      }
    },
  );

  it("a link that loops is an unreadable file named in the sentence, not a silent skip", () => {
    const dir = workspace();
    symlinkSync("loop.yaml", join(dir, "units", "loop.yaml"));
    refused(
      geq(["validate", "units", "--no-config"], { cwd: dir }),
      /không đọc được tệp «units\/loop\.yaml» \(ELOOP\)/,
    );
  });
});

describe("odd file names", () => {
  it("reads a file whose name is not UTF-8, and prints the name escaped", () => {
    const dir = workspace();
    const raw = Buffer.concat([
      Buffer.from(join(dir, "units") + "/"),
      Buffer.from([0x78, 0xff, 0x2e, 0x79, 0x61, 0x6d, 0x6c]),
    ]);
    writeFileSync(raw, "format: geq/unit-report/v1\n");
    const r = geq(["validate", "units", "--no-config"], { cwd: dir });
    expect(r.stderr).not.toMatch(/ENOENT/);
    expect(r.stdout).toContain("units/x\\xff.yaml:");
    expect(r.stdout).toContain("18 tệp");
    expect(r.code).toBe(1);
  });

  it("prints a name with terminal escapes escaped, in diagnostics, sentences and the status hint", () => {
    const dir = workspace();
    const name = "x\u001b[2J\u0007.yaml";
    writeFileSync(join(dir, "units", name), "a: [\n");
    const shown = "x\\x1b[2J\\x07.yaml";
    const validate = geq(["validate", "units", "--no-config"], { cwd: dir });
    const status = geq(["status", "units", "--config", "geq.yaml", "--as-of", "2022-06-20"], { cwd: dir });
    const build = geq(["build-report", `units/${name}`, "--no-config", "--period", "semi-annual"], {
      cwd: dir,
    });
    writeFileSync(join(dir, "plain"), "");
    const output = geq(["build-report", "one.yaml", "--no-config", "-o", `plain/${name}`], { cwd: dir });
    for (const r of [validate, status, build, output]) {
      expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
    expect(validate.stdout).toContain(`units/${shown}:`);
    expect(status.stdout).toContain(`geq validate $'units/${shown}'`);
    expect(build.stderr).toContain(`units/${shown}:`);
    expect(output.stderr).toContain(`«plain/${shown}» (ENOTDIR)`);
  });
});

describe("a signal during the write", () => {
  /** Exit code and signal of a build that is sent `signal` as soon as its temporary file appears, or after `delay` ms. */
  async function interrupted(dir: string, signal: NodeJS.Signals, delay?: number) {
    const child = spawn(
      process.execPath,
      [BIN, "build-report", "units", "--config", "geq-120.yaml", "--date", "2022-12-20", "-o", "out/r.docx"],
      { cwd: dir, env: cleanEnv(), stdio: "ignore" },
    );
    const watcher = watch(join(dir, "out"), (_event, name) => {
      if (delay === undefined && name?.endsWith(".tmp")) child.kill(signal);
    });
    const timer = delay === undefined ? undefined : setTimeout(() => child.kill(signal), delay);
    const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
      child.on("exit", (c, s) => done([c, s])),
    );
    watcher.close();
    clearTimeout(timer);
    clearTimeout(killer);
    return { code, killedBy };
  }

  it("removes the temporary file and leaves the previous report as it was", async () => {
    const dir = tempDir();
    generateUnits(ROOT, join(dir, "units"), 120);
    mkdirSync(join(dir, "out"));
    const previous = Buffer.from("the previous report");
    writeFileSync(join(dir, "out", "r.docx"), previous);
    const whole = (file: Buffer) => {
      expect(file.subarray(0, 2).toString()).toBe("PK");
      // The end-of-central-directory record: the archive was written whole.
      expect(file.subarray(-22, -18)).toEqual(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    };
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      // Sent as the temporary file appears. On a busy machine the notice of it may come only after
      // the write has ended, when the signal's default action applies: then try again, a few times.
      let handled = false;
      for (let attempt = 0; attempt < 5 && !handled; attempt++) {
        writeFileSync(join(dir, "out", "r.docx"), previous);
        const r = await interrupted(dir, signal);
        expect(readdirSync(join(dir, "out"))).toEqual(["r.docx"]);
        if (r.killedBy === null) {
          // The handler ran, before the rename: the previous report is untouched.
          expect(r.code).toBe(signal === "SIGTERM" ? 143 : 130);
          expect(bytes(join(dir, "out", "r.docx"))).toEqual(previous);
          handled = true;
        } else whole(bytes(join(dir, "out", "r.docx")));
      }
      expect(handled, `${signal} never came during the write`).toBe(true);
    }
    // At other moments: before the write the default action ends the run (nothing to clean up);
    // whatever happens, no temporary file, and the report is the previous one or a whole new one.
    for (const delay of [200, 700, 1200]) {
      const r = await interrupted(dir, delay % 2 ? "SIGINT" : "SIGTERM", delay);
      expect(r.code === null || [0, 130, 143].includes(r.code), `${r.code} ${r.killedBy}`).toBe(true);
      expect(readdirSync(join(dir, "out"))).toEqual(["r.docx"]);
      const now = bytes(join(dir, "out", "r.docx"));
      if (!now.equals(previous)) whole(now);
    }
  }, 120_000);
});
