/**
 * The CI recipes run for real: the GitHub Actions workflow's shell steps that call geq, and the
 * pre-commit hook's entry, against a submissions repository made in a temporary folder (a real
 * throwaway git repository, so the workflow's own `git diff` picks the changed files).
 * `npx geq` becomes the built CLI (`npm run build` first).
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { makeConfig } from "../helpers/unit-report.js";
import { unitFile } from "../status/fixture.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin/geq.js");
const WORKFLOW = join(ROOT, "examples/ci/github-actions.yml");
const HOOKS = join(ROOT, ".pre-commit-hooks.yaml");
const SEMI = "nop-bao-cao/2022/semi-annual";
const ANNUAL = "nop-bao-cao/2022/annual";
/** VQH's file after the pull request renames it: a Vietnamese name with a space. */
const VQH = "vqh quy hoạch.yaml";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  env?: Record<string, string>;
  jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>;
}
interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  exclude: string;
}

const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});
beforeAll(() => {
  if (!existsSync(join(ROOT, "dist/cli.js")))
    throw new Error("dist/cli.js is missing: run `npm run build` first");
});

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ["NO_COLOR", "FORCE_COLOR", "LANG", "LC_ALL", "LC_MESSAGES"]) delete env[k];
  for (const k of Object.keys(env)) if (k.startsWith("GITHUB_") || k.startsWith("GIT_")) delete env[k];
  return { ...env, ...extra };
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: "Vụ Tổ chức cán bộ",
  GIT_AUTHOR_EMAIL: "tccb@example.invalid",
  GIT_COMMITTER_NAME: "Vụ Tổ chức cán bộ",
  GIT_COMMITTER_EMAIL: "tccb@example.invalid",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

function git(repo: string, ...args: string[]): string {
  const r = spawnSync("git", ["-c", "commit.gpgsign=false", ...args], {
    cwd: repo,
    env: cleanEnv(GIT_ENV),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

function write(repo: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
}

const REGISTRY = [
  { code: "VP", name: "Văn phòng Bộ" },
  { code: "VKT", name: "Viện Kinh tế xây dựng" },
  { code: "VQH", name: "Viện Quy hoạch đô thị và nông thôn quốc gia" },
];

const INVALID_STAFF = {
  employees: { total: 50, female: 20 },
  unit_leaders: { total: 4, female: 5 },
  division_leaders: { total: 10, female: 4 },
  succession_pool: { total: 8, female: 3 },
};

/**
 * A submissions repository: `main` holds the configuration, the recipes and some files, and
 * `origin/main` points at it, as after `actions/checkout` with `fetch-depth: 0`; the pull request's
 * branch then adds VKT's file, renames VQH's, and touches YAML files that are not unit files.
 */
function makeRepo(vkt: string): string {
  const repo = mkdtempSync(join(tmpdir(), "geq-ci-"));
  folders.push(repo);
  git(repo, "init", "-q", "-b", "main");
  write(repo, {
    "geq.yaml": stringify(makeConfig(REGISTRY)),
    ".pre-commit-config.yaml": "repos: []\n",
    [`${SEMI}/vp.yaml`]: unitFile("VP", "Văn phòng Bộ", { submitted: "2022-06-09", reference: "12/BC-VP" }),
    [`${SEMI}/VQH-nhap.yaml`]: unitFile("VQH", "Viện Quy hoạch đô thị và nông thôn quốc gia", {
      submitted: "2022-06-09",
    }),
    [`${ANNUAL}/vp.yaml`]: unitFile("VP", "Văn phòng Bộ", { period: "annual", submitted: "2022-12-05" }),
  });
  mkdirSync(join(repo, ".github/workflows"), { recursive: true });
  copyFileSync(WORKFLOW, join(repo, ".github/workflows/geq.yml"));
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "Khởi tạo");
  git(repo, "update-ref", "refs/remotes/origin/main", "HEAD");
  git(repo, "checkout", "-q", "-b", "bao-cao-vkt");
  write(repo, {
    [`${SEMI}/vkt.yaml`]: vkt,
    ".pre-commit-config.yaml": "repos: []\n# changed\n",
    ".github/workflows/geq.yml": readFileSync(WORKFLOW, "utf8") + "# changed\n",
  });
  git(repo, "mv", `${SEMI}/VQH-nhap.yaml`, `${SEMI}/${VQH}`);
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "Báo cáo của VKT");
  return repo;
}

/** A submissions repository of the project's examples, all added by the pull request. */
function examplesRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), "geq-ci-examples-"));
  folders.push(repo);
  git(repo, "init", "-q", "-b", "main");
  copyFileSync(join(ROOT, "examples/geq.yaml"), join(repo, "geq.yaml"));
  mkdirSync(join(repo, ".github/workflows"), { recursive: true });
  copyFileSync(WORKFLOW, join(repo, ".github/workflows/geq.yml"));
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "Khởi tạo");
  git(repo, "update-ref", "refs/remotes/origin/main", "HEAD");
  git(repo, "checkout", "-q", "-b", "bao-cao-vkt");
  cpSync(join(ROOT, "examples/2022"), join(repo, "nop-bao-cao/2022"), { recursive: true });
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "Báo cáo năm 2022");
  return repo;
}

const validRepo = () =>
  makeRepo(unitFile("VKT", "Viện Kinh tế xây dựng", { submitted: "2022-06-08", reference: "125/BC-VKT" }));
const invalidRepo = () =>
  makeRepo(unitFile("VKT", "Viện Kinh tế xây dựng", { submitted: "2022-06-08", staff: INVALID_STAFF }));

describe("GitHub Actions workflow (examples/ci/github-actions.yml)", () => {
  const workflow = parse(readFileSync(WORKFLOW, "utf8")) as Workflow;
  const [, job] = Object.entries(workflow.jobs)[0]!;
  const steps = job.steps;
  const geqSteps = steps.filter((s) => s.run !== undefined && /\bgeq\b/.test(s.run));
  const stepOf = (command: string) => {
    const found = geqSteps.find((s) => new RegExp(`npx geq ${command}\\b`).test(s.run!));
    if (!found) throw new Error(`no step runs npx geq ${command}`);
    return found;
  };

  /** Runs a step as the runner does for `shell: bash`: a script file under `bash -eo pipefail`. */
  function runStep(step: Step, repo: string) {
    const script = step.run!.replaceAll("npx geq", `node '${BIN}'`);
    const file = join(repo, "..", `${repo.split("/").pop()}-step.sh`);
    writeFileSync(file, script);
    folders.push(file);
    const summary = join(repo, "..", `${repo.split("/").pop()}-summary.md`);
    folders.push(summary);
    writeFileSync(summary, "");
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", file], {
      cwd: repo,
      encoding: "utf8",
      env: cleanEnv({
        ...workflow.env,
        ...job.env,
        ...step.env,
        GITHUB_ACTIONS: "true",
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_BASE_REF: "main",
        GITHUB_HEAD_REF: "bao-cao-vkt",
        GITHUB_STEP_SUMMARY: summary,
      }),
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(summary, "utf8") };
  }

  it("runs on pull requests with Node 20, installs from the lock file and uploads out/", () => {
    expect(Object.keys(workflow.on)).toContain("pull_request");
    const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout@"));
    expect(checkout?.with?.["fetch-depth"]).toBe(0);
    const node = steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(String(node?.with?.["node-version"])).toBe("20");
    expect(steps.some((s) => s.run?.trim() === "npm ci")).toBe(true);
    const upload = steps.find((s) => s.uses === "actions/upload-artifact@v4");
    expect(upload?.with?.path).toBe("out/");
    // Upload comes after the reports are built, which comes after the checks.
    const order = [stepOf("validate"), stepOf("status"), stepOf("build-report"), upload!].map((s) =>
      steps.indexOf(s),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("installs geq the way the README says: a release tarball in vendor/, a devDependency, npm ci", () => {
    const install = "npm install --save-dev ./vendor/geq-0.1.0.tgz";
    expect(readFileSync(WORKFLOW, "utf8")).toContain(install);
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(install);
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string })
      .version;
    expect(install).toContain(`geq-${version}.tgz`);
    expect(readFileSync(WORKFLOW, "utf8")).not.toMatch(/npm install --save-dev geq\b/);
  });

  it("calls geq only through npx, in bash, with no ${{ }} expression inside a script", () => {
    expect(geqSteps).toHaveLength(3);
    for (const s of geqSteps) {
      expect(s.shell).toBe("bash");
      expect(s.run).not.toContain("${{");
      expect(s.run).not.toMatch(/(?<!npx )\bgeq (validate|status|build-report|init|schema)\b/);
    }
  });

  describe("on a pull request with a valid file", () => {
    const repo = validRepo();

    it("validates the added and renamed unit files only, and passes", () => {
      const r = runStep(stepOf("validate"), repo);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      // vkt.yaml (added) and VQH's (renamed); not the workflow, pre-commit's config or geq.yaml.
      // Single files were checked, so no note about the registered units without one.
      expect(r.stdout).toBe("2 tệp, 0 lỗi, 0 cảnh báo\n");
    });

    it("prints the status of each period and puts it in the step summary", () => {
      const r = runStep(stepOf("status"), repo);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /^VKT {2}Viện Kinh tế xây dựng {2,}đúng hạn {2,}08\/06\/2022 {2}125\/BC-VKT$/m,
      );
      expect(r.stdout).toContain(
        "Phải báo cáo: 3; đã gửi: 3 (đúng hạn: 3, chậm: 0); chưa gửi: 0; không hợp lệ: 0",
      );
      // Annual: VKT and VQH are missing, which does not fail the run.
      expect(r.stdout).toContain(
        "Phải báo cáo: 3; đã gửi: 1 (đúng hạn: 1, chậm: 0); chưa gửi: 2; không hợp lệ: 0",
      );
      expect(r.summary).toContain(`### ${SEMI}\n\n\`\`\`\nTình hình gửi báo cáo sơ kết 6 tháng đầu năm 2022`);
      expect(r.summary).toContain(`### ${ANNUAL}\n\n\`\`\`\nTình hình gửi báo cáo tổng kết năm 2022`);
      expect(existsSync(join(repo, "geq-status.txt"))).toBe(false);
    });

    it("builds the semi-annual and annual reports into out/", () => {
      const r = runStep(stepOf("build-report"), repo);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.code).toBe(0);
      for (const name of ["bao-cao-so-ket-6-thang-2022.docx", "bao-cao-tong-ket-nam-2022.docx"]) {
        const bytes = readFileSync(join(repo, "out", name));
        expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
      }
    });

    it("fails, rather than checking nothing, when the base branch was not fetched", () => {
      const shallow = makeRepo(unitFile("VKT", "Viện Kinh tế xây dựng"));
      git(shallow, "update-ref", "-d", "refs/remotes/origin/main");
      const r = runStep(stepOf("validate"), shallow);
      expect(r.code).not.toBe(0);
      expect(r.stdout).not.toContain("Không có tệp báo cáo nào thay đổi.");
    });

    it("has nothing to check when no unit file changed", () => {
      const quiet = makeRepo(unitFile("VKT", "Viện Kinh tế xây dựng"));
      git(quiet, "update-ref", "refs/remotes/origin/main", "HEAD");
      const r = runStep(stepOf("validate"), quiet);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("Không có tệp báo cáo nào thay đổi.\n");
    });
  });

  describe("on a pull request with the project's examples", () => {
    const repo = examplesRepo();

    it("runs every geq step green and builds both reports", () => {
      const validateStep = runStep(stepOf("validate"), repo);
      expect(validateStep.code, validateStep.stdout + validateStep.stderr).toBe(0);
      expect(validateStep.stdout).toContain("35 tệp, 0 lỗi, 3 cảnh báo, 1 cảnh báo đã giải trình");
      expect(validateStep.stdout).toMatch(
        /^::warning file=nop-bao-cao\/2022\/semi-annual\/dhxd\.yaml,line=8,col=12,/m,
      );
      const statusStep = runStep(stepOf("status"), repo);
      expect(statusStep.code, statusStep.stdout + statusStep.stderr).toBe(0);
      expect(statusStep.stdout).toMatch(/^BAOXD +Báo Xây dựng +chưa gửi$/m);
      const buildStep = runStep(stepOf("build-report"), repo);
      expect(buildStep.code, buildStep.stderr).toBe(0);
      for (const name of ["bao-cao-so-ket-6-thang-2022.docx", "bao-cao-tong-ket-nam-2022.docx"]) {
        expect(
          readFileSync(join(repo, "out", name))
            .subarray(0, 4)
            .toString("latin1"),
        ).toBe("PK\u0003\u0004");
      }
    });
  });

  describe("on a pull request with an invalid file", () => {
    const repo = invalidRepo();

    it("fails the validate step with workflow error commands on the file's lines", () => {
      const r = runStep(stepOf("validate"), repo);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        new RegExp(`^::error file=${SEMI}/vkt\\.yaml,line=\\d+,col=\\d+,title=people-female-le-total::`, "m"),
      );
      expect(r.stdout).toMatch(/^2 tệp, 1 lỗi, 0 cảnh báo$/m);
    });

    it("fails the status step (--fail-on invalid) and still shows the table", () => {
      const r = runStep(stepOf("status"), repo);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^VKT {2}Viện Kinh tế xây dựng {2,}không hợp lệ \(1 lỗi\)$/m);
      expect(r.stderr).toContain("geq: có đơn vị thuộc trường hợp nêu ở --fail-on: invalid");
      expect(r.summary).toContain("không hợp lệ (1 lỗi)");
    });
  });
});

describe("pre-commit hook (.pre-commit-hooks.yaml)", () => {
  const hooks = parse(readFileSync(HOOKS, "utf8")) as Hook[];
  const hook = hooks.find((h) => h.id === "geq-validate")!;

  /** The files pre-commit hands the hook: `files` matches and `exclude` does not (Python `re.search`). */
  const select = (paths: string[]) =>
    paths.filter((p) => new RegExp(hook.files).test(p) && !new RegExp(hook.exclude).test(p));

  /** Runs the entry as pre-commit does: the entry's words, then the selected files. */
  function runHook(repo: string, files: string[]) {
    const [command, ...args] = hook.entry.split(/\s+/);
    expect(command).toBe("geq");
    const r = spawnSync(process.execPath, [BIN, ...args, ...files], {
      cwd: repo,
      encoding: "utf8",
      env: cleanEnv(),
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it("declares a node hook named geq validate", () => {
    expect(hook).toMatchObject({
      id: "geq-validate",
      name: "geq validate",
      entry: "geq validate",
      language: "node",
    });
    expect(hook.files).toBe("\\.ya?ml$");
  });

  it("selects unit files and leaves out the configuration and other YAML", () => {
    expect(
      select([
        "geq.yaml",
        "geq.yml",
        "sub/geq.yaml",
        ".pre-commit-config.yaml",
        ".github/workflows/geq.yml",
        "README.md",
        `${SEMI}/vkt.yaml`,
        `${SEMI}/vqh.yml`,
        "vkt.yaml",
        "geq.yaml.bak",
        "mygeq.yaml",
      ]),
    ).toEqual([`${SEMI}/vkt.yaml`, `${SEMI}/vqh.yml`, "vkt.yaml", "mygeq.yaml"]);
  });

  it("passes on a repository of valid files (all files, and the staged ones)", () => {
    const repo = validRepo();
    const all = select(git(repo, "ls-files", "-z").split("\0").filter(Boolean));
    expect(all).toEqual([`${ANNUAL}/vp.yaml`, `${SEMI}/vkt.yaml`, `${SEMI}/vp.yaml`, `${SEMI}/${VQH}`]);
    const r = runHook(repo, all);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("4 tệp, 0 lỗi, 0 cảnh báo\n");
    const changed = select(
      git(repo, "diff", "-z", "--name-only", "HEAD~1", "HEAD").split("\0").filter(Boolean),
    );
    expect(changed).toEqual([`${SEMI}/vkt.yaml`, `${SEMI}/${VQH}`]);
    expect(runHook(repo, changed).code).toBe(0);
  });

  it("passes on a repository of the project's examples", () => {
    const repo = examplesRepo();
    const all = select(git(repo, "ls-files", "-z").split("\0").filter(Boolean));
    expect(all).toHaveLength(35);
    const r = runHook(repo, all);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("35 tệp, 0 lỗi, 3 cảnh báo, 1 cảnh báo đã giải trình");
  });

  it("fails on a repository with an invalid file, naming the file and line", () => {
    const repo = invalidRepo();
    const files = select(git(repo, "ls-files", "-z").split("\0").filter(Boolean));
    const r = runHook(repo, files);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(`^${SEMI}/vkt\\.yaml:\\d+:\\d+ lỗi .*\\[people-female-le-total\\]$`, "m"),
    );
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
