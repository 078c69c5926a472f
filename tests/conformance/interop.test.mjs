// interop.test.mjs — vitrine-cli and the official JS client
// (@huggingface/hub, the version package.json pins) on the same real
// `vitrine-hub serve` process: what one writes, the other reads, byte for
// byte.
//
// Copyright 2026 The Vitrine authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The executables come from VITRINE_HUB_EXE and VITRINE_CLI_EXE. As in
// hub.test.mjs, every client call gets `hubUrl` and a token explicitly and a
// guard on the global fetch refuses any request that is not for loopback;
// vitrine-cli always gets `--endpoint` and `--token`, and runs with its
// caches (XDG_CACHE_HOME, HF_HOME) in the temporary folder, never the
// user's. The tests run in order and build on each other.

import "./isolate.mjs";

import { createHash } from "node:crypto";
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { createRepo, downloadFile, listCommits, listFiles, uploadFiles } from "@huggingface/hub";

import {
  MiB,
  assertBytes,
  blobBytes,
  collect,
  gitBlobSha1,
  hubTest,
  installFetchGuard,
  seededBytes,
  sha256Hex,
  startServer,
  teardown,
  tokenFrom,
  vitrineHub,
} from "./harness.mjs";

/* ------------------------------------------------------------------------ */
/* Fixtures                                                                  */
/* ------------------------------------------------------------------------ */

const enc = new TextEncoder();

const CLI_REPO = "alice/interop-from-cli"; // vitrine-cli writes, the JS client reads
const JS_REPO = "alice/interop-from-js"; // the JS client writes, vitrine-cli reads

const FIRST_MESSAGE = "Publish the interop folder with vitrine-cli";
const NO_MESSAGE = "This commit must not happen";
const SECOND_MESSAGE = "Change the config, drop the notes";

// The folder vitrine-cli publishes. Every file here is published...
const PUBLISHED = {
  ".gitignore": enc.encode("# scratch files\n*.tmp\n"),
  "README.md": enc.encode("---\nlicense: mit\n---\n\n# Interop\n\nPublished by vitrine-cli, read by @huggingface/hub.\n"),
  "config.json": enc.encode(JSON.stringify({ architectures: ["TinyNet"], hidden_size: 8 }, null, 2) + "\n"),
  "src/deep/nested/module.py": enc.encode("def answer():\n    return 42\n"),
  "docs/read me é.txt": enc.encode("a path with a space and a non-ASCII letter\n"),
  "empty.txt": new Uint8Array(0),
  "weights/medium.bin": seededBytes("vitrine-interop-medium", 12 * MiB + 333),
  "weights/large.bin": seededBytes("vitrine-interop-large", 30 * MiB + 4321),
};
const LARGE_PATHS = ["weights/medium.bin", "weights/large.bin"]; // above the 10 MB git limit: LFS
// ...and these are not: `*.tmp` by the .gitignore (at any depth), the
// Python cache by Vitrine's default rules.
const IGNORED = {
  "scratch.tmp": enc.encode("scratch\n"),
  "weights/partial.tmp": enc.encode("half a checkpoint\n"),
  "__pycache__/x.pyc": enc.encode("\x00compiled\n"),
};

// The republish: one small file changed, one deleted.
const CHANGED_PATH = "config.json";
const CHANGED_BYTES = enc.encode(JSON.stringify({ architectures: ["TinyNet"], hidden_size: 16 }, null, 2) + "\n");
const DELETED_PATH = "docs/read me é.txt";

// What the JS client uploads: small files and one 25 MB LFS file.
const JS_FILES = {
  "README.md": enc.encode("# Uploaded by @huggingface/hub\n"),
  "tokenizer/vocab.txt": enc.encode("a\nb\nc\n"),
  "nested/deeper/a file é.json": enc.encode('{"ok": true}\n'),
  "model.safetensors": seededBytes("vitrine-interop-js", 25 * MiB + 77),
  "empty.txt": new Uint8Array(0),
};
const JS_TITLE = "Upload from the JS client";

/* ------------------------------------------------------------------------ */
/* Shared state                                                              */
/* ------------------------------------------------------------------------ */

let hubUrl;
let tmpDir;
let server;
let restoreFetch;
let token;
const state = {}; // results later tests build on

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

function need(value, what) {
  if (value === undefined || value === null) {
    throw new Error(`precondition missing: ${what} (an earlier test failed)`);
  }
  return value;
}

/**
 * Runs `vitrine-cli --endpoint URL --token TOKEN ARGS...` with its caches
 * in the temporary folder and English messages; resolves to its stdout and
 * stderr, rejects with both when it exits non-zero.
 */
function vitrineCli(args, { env = {}, timeout = 120_000 } = {}) {
  const exe = process.env.VITRINE_CLI_EXE;
  const childEnv = {
    ...process.env,
    XDG_CACHE_HOME: path.join(tmpDir, "xdg-cache"),
    XDG_CONFIG_HOME: path.join(tmpDir, "xdg-config"),
    HF_HOME: path.join(tmpDir, "hf-home-unused"),
    LC_ALL: "C.UTF-8",
    LANGUAGE: "",
    ...env,
  };
  // The token and endpoint come from the command line only.
  for (const name of ["HF_TOKEN", "HF_ENDPOINT", "HUGGING_FACE_HUB_TOKEN"]) delete childEnv[name];
  if (!("HF_HUB_CACHE" in env)) delete childEnv.HF_HUB_CACHE;
  const argv = ["--endpoint", hubUrl, "--token", token, ...args];
  return new Promise((resolve, reject) => {
    execFile(exe, argv, { env: childEnv, timeout, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) {
        const how = err.killed ? `killed (${err.signal}, timeout ${timeout} ms?)` : `exit code ${err.code}`;
        reject(new Error(`vitrine-cli ${args.join(" ")}: ${how}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

/** The commit id vitrine-cli upload prints on its last line. */
function commitIdFrom(stdout) {
  const lines = stdout.trim().split("\n");
  const last = lines.at(-1).trim();
  assert.match(last, /^[0-9a-f]{40}$/, `the last line of vitrine-cli upload is the commit id; stdout was:\n${stdout}`);
  return last;
}

async function writeTree(root, files) {
  for (const [p, bytes] of Object.entries(files)) {
    const abs = path.join(root, ...p.split("/"));
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, bytes);
  }
}

/** Every regular file under `root`, as sorted "a/b/c" paths; fails on anything else. */
async function walk(root) {
  const out = [];
  async function visit(dir, prefix) {
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${d.name}` : d.name;
      if (d.isDirectory()) await visit(path.join(dir, d.name), rel);
      else if (d.isFile()) out.push(rel);
      else assert.fail(`${rel} in ${root} is neither a file nor a folder`);
    }
  }
  await visit(root, "");
  return out.sort();
}

async function remoteFiles(repo) {
  const entries = await collect(listFiles({ repo, recursive: true, hubUrl, accessToken: token }));
  return new Map(entries.filter((e) => e.type === "file").map((e) => [e.path, e]));
}

async function commitsOf(repo) {
  return collect(listCommits({ repo, hubUrl, accessToken: token }));
}

async function download(repo, p, revision) {
  return blobBytes(await downloadFile({ repo, path: p, revision, hubUrl, accessToken: token }), `${repo}: ${p}`);
}

const sorted = (iterable) => [...iterable].sort();

/** Checks a listing entry against local bytes: size, then lfs or git oid. */
function assertEntry(entry, p, bytes, lfs) {
  assert.ok(entry, `${p} is listed`);
  assert.equal(entry.size, bytes.length, `${p}: size`);
  if (lfs) {
    assert.ok(entry.lfs, `${p}: stored through LFS (entry.lfs is set)`);
    assert.equal(entry.lfs.oid, sha256Hex(bytes), `${p}: lfs.oid is the sha256 of the local bytes`);
    assert.equal(entry.lfs.size, bytes.length, `${p}: lfs.size`);
  } else {
    assert.equal(entry.lfs, undefined, `${p}: a small file is kept in git, not LFS`);
    assert.equal(entry.oid, gitBlobSha1(bytes), `${p}: oid is the git blob id of the local bytes`);
  }
}

/* ------------------------------------------------------------------------ */
/* Setup and teardown                                                        */
/* ------------------------------------------------------------------------ */

before(async () => {
  const exe = process.env.VITRINE_HUB_EXE;
  assert.ok(exe, "VITRINE_HUB_EXE must name the vitrine-hub executable");
  assert.ok(process.env.VITRINE_CLI_EXE, "VITRINE_CLI_EXE must name the vitrine-cli executable");

  restoreFetch = installFetchGuard();
  tmpDir = await mkdtemp(path.join(tmpdir(), "vitrine-interop-"));
  const dataDir = path.join(tmpDir, "data");
  token = tokenFrom(await vitrineHub("user", "add", "alice", "--data-dir", dataDir), "user add alice");
  const started = await startServer(exe, dataDir);
  server = started.server;
  hubUrl = started.url;
});

after(async () => {
  await teardown({ server, restoreFetch, tmpDir });
});

/* ------------------------------------------------------------------------ */
/* a. Vitrine writes, the JS client reads                                    */
/* ------------------------------------------------------------------------ */

hubTest("vitrine-cli upload; listFiles and downloadFile see exactly the folder", { timeout: 180_000 }, async () => {
  const folder = path.join(tmpDir, "folder");
  await writeTree(folder, { ...PUBLISHED, ...IGNORED });

  const { stdout } = await vitrineCli(["upload", folder, CLI_REPO, "-m", FIRST_MESSAGE]);
  const commitId = commitIdFrom(stdout);
  const summary = stdout.trim().split("\n").at(-2) ?? "";
  assert.match(summary, new RegExp(`^Published ${CLI_REPO}: ${Object.keys(PUBLISHED).length} added, 0 changed, 0 deleted`),
    "the summary line counts the files");
  state.folder = folder;
  state.firstCommit = commitId;
  // The hash cache went where XDG_CACHE_HOME says, not into the user's.
  // The hash cache: one line per file, with its sha256, so a republish reads nothing.
  const cache = await readFile(path.join(tmpDir, "xdg-cache", "vitrine", "hashes"), "utf8");
  assert.match(cache, /^vitrine-hash-cache 1\n/, "the hash cache starts with its header");
  for (const p of LARGE_PATHS) {
    const digest = createHash("sha256").update(PUBLISHED[p]).digest("hex");
    assert.ok(cache.includes(digest), `the hash cache holds ${p}'s sha256`);
  }

  const remote = await remoteFiles(CLI_REPO);
  assert.deepEqual(
    sorted(remote.keys()),
    sorted([...Object.keys(PUBLISHED), ".gitattributes"]),
    "the repository holds the folder's files that are not ignored, plus .gitattributes",
  );
  for (const [p, bytes] of Object.entries(PUBLISHED)) {
    assertEntry(remote.get(p), p, bytes, LARGE_PATHS.includes(p));
  }

  for (const [p, bytes] of Object.entries(PUBLISHED)) {
    assertBytes(await download(CLI_REPO, p), bytes, `downloadFile ${p}`);
    assertBytes(await download(CLI_REPO, p, commitId), bytes, `downloadFile ${p} at the printed commit`);
  }
  const attributes = await download(CLI_REPO, ".gitattributes");
  assert.equal(attributes.length, remote.get(".gitattributes").size, ".gitattributes: size as listed");
});

// @huggingface/hub's fileDownloadInfo probes every file with
// `Range: bytes=0-0` and reads the size from Content-Range: an empty file
// must answer 2xx with `Content-Range: bytes */0`, not 416.
test("downloadFile of an empty file vitrine-cli published", async () => {
  need(state.firstCommit, "the first publish");
  assertBytes(await download(CLI_REPO, "empty.txt"), PUBLISHED["empty.txt"], "downloadFile empty.txt");
});

/* ------------------------------------------------------------------------ */
/* b. The JS client writes, Vitrine reads                                    */
/* ------------------------------------------------------------------------ */

hubTest("uploadFiles; vitrine-cli download --to and into the Hub cache", { timeout: 180_000 }, async () => {
  await createRepo({ repo: JS_REPO, hubUrl, accessToken: token });
  const out = await uploadFiles({
    repo: JS_REPO,
    files: Object.entries(JS_FILES).map(([p, bytes]) => ({ path: p, content: new Blob([bytes]) })),
    commitTitle: JS_TITLE,
    hubUrl,
    accessToken: token,
  });
  const commitId = out?.commit?.oid;
  assert.match(commitId ?? "", /^[0-9a-f]{40}$/, "uploadFiles returned a commit id");
  const remote = await remoteFiles(JS_REPO);
  assertEntry(remote.get("model.safetensors"), "model.safetensors", JS_FILES["model.safetensors"], true);
  const attributes = await download(JS_REPO, ".gitattributes");
  assertEntry(remote.get("empty.txt"), "empty.txt", JS_FILES["empty.txt"], false);
  const expected = { ...JS_FILES, ".gitattributes": attributes };
  assert.deepEqual(sorted(remote.keys()), sorted(Object.keys(expected)), "what the JS client sees");

  // Into a folder: exactly the repository's files, byte for byte.
  const dest = path.join(tmpDir, "download-to");
  const to = await vitrineCli(["download", JS_REPO, "--to", dest]);
  assert.equal(path.resolve(to.stdout.trim()), path.resolve(dest), "download --to prints the folder");
  assert.deepEqual(await walk(dest), sorted(Object.keys(expected)), "the folder holds exactly the repository's files");
  for (const [p, bytes] of Object.entries(expected)) {
    assertBytes(await readFile(path.join(dest, ...p.split("/"))), bytes, `download --to: ${p}`);
  }

  // Into the Hub cache under $HF_HOME/hub: huggingface_hub's layout.
  const hfHome = path.join(tmpDir, "hf-home");
  const cached = await vitrineCli(["download", JS_REPO], { env: { HF_HOME: hfHome } });
  const repoDir = path.join(hfHome, "hub", `models--${JS_REPO.replace("/", "--")}`);
  const snapshot = path.join(repoDir, "snapshots", commitId);
  assert.equal(path.resolve(cached.stdout.trim()), snapshot, "download prints the snapshot folder");
  assert.equal((await readFile(path.join(repoDir, "refs", "main"), "utf8")).trim(), commitId, "refs/main holds the commit id");
  const blobsDir = await realpath(path.join(repoDir, "blobs"));
  for (const [p, bytes] of Object.entries(expected)) {
    const link = path.join(snapshot, ...p.split("/"));
    const st = await lstat(link);
    assert.ok(st.isSymbolicLink(), `snapshot ${p} is a symlink`);
    assert.ok(!path.isAbsolute(await readlink(link)), `snapshot ${p} links with a relative path`);
    const target = await realpath(link);
    const etag = p === "model.safetensors" ? sha256Hex(bytes) : gitBlobSha1(bytes);
    assert.equal(target, path.join(blobsDir, etag), `snapshot ${p} points to blobs/<etag>`);
    assertBytes(await readFile(link), bytes, `cache: ${p}`);
  }

  // HF_HUB_CACHE wins over HF_HOME.
  const hubCache = path.join(tmpDir, "hf-hub-cache");
  const other = await vitrineCli(["download", JS_REPO], { env: { HF_HOME: hfHome, HF_HUB_CACHE: hubCache } });
  const snapshot2 = path.join(hubCache, `models--${JS_REPO.replace("/", "--")}`, "snapshots", commitId);
  assert.equal(path.resolve(other.stdout.trim()), snapshot2, "download uses HF_HUB_CACHE when set");
  assertBytes(await readFile(path.join(snapshot2, "model.safetensors")), JS_FILES["model.safetensors"], "HF_HUB_CACHE: model.safetensors");

  // vitrine-cli reads the history the JS client wrote.
  const log = await vitrineCli(["log", JS_REPO]);
  const line = log.stdout.split("\n").find((l) => l.startsWith(commitId.slice(0, 12)));
  assert.ok(line, `vitrine-cli log lists ${commitId}; stdout was:\n${log.stdout}`);
  assert.ok(line.includes(JS_TITLE), `vitrine-cli log shows the title: ${line}`);
});

/* ------------------------------------------------------------------------ */
/* c. Republishing                                                           */
/* ------------------------------------------------------------------------ */

hubTest("republishing: nothing changed makes no commit; one change and one deletion make one", { timeout: 180_000 }, async () => {
  const folder = need(state.folder, "the first publish");
  const before = await commitsOf(CLI_REPO);
  assert.equal(before[0].oid, state.firstCommit, "the head is the first publish");

  const again = await vitrineCli(["upload", folder, CLI_REPO, "-m", NO_MESSAGE]);
  assert.match(again.stdout, /Nothing changed/, `the republish says so; stdout was:\n${again.stdout}`);
  assert.doesNotMatch(again.stdout, /^[0-9a-f]{40}$/m, "no commit id printed");
  const unchanged = await commitsOf(CLI_REPO);
  assert.equal(unchanged.length, before.length, "listCommits count unchanged");
  assert.equal(unchanged[0].oid, state.firstCommit, "same head");

  await writeFile(path.join(folder, ...CHANGED_PATH.split("/")), CHANGED_BYTES);
  await rm(path.join(folder, ...DELETED_PATH.split("/")));
  const second = await vitrineCli(["upload", folder, CLI_REPO, "-m", SECOND_MESSAGE]);
  const commitId = commitIdFrom(second.stdout);
  assert.match(second.stdout, /: 0 added, 1 changed, 1 deleted, /, "the summary counts one change and one deletion");
  state.secondCommit = commitId;

  const after = await commitsOf(CLI_REPO);
  assert.equal(after.length, before.length + 1, "exactly one new commit");
  assert.equal(after[0].oid, commitId, "the new head is the printed commit id");
  assert.equal(after[1].oid, state.firstCommit, "its parent is the first publish");

  const remote = await remoteFiles(CLI_REPO);
  const expected = { ...PUBLISHED, [CHANGED_PATH]: CHANGED_BYTES };
  delete expected[DELETED_PATH];
  assert.deepEqual(sorted(remote.keys()), sorted([...Object.keys(expected), ".gitattributes"]), "listFiles after the republish");
  for (const [p, bytes] of Object.entries(expected)) {
    assertEntry(remote.get(p), p, bytes, LARGE_PATHS.includes(p));
  }
  assertBytes(await download(CLI_REPO, CHANGED_PATH), CHANGED_BYTES, `downloadFile ${CHANGED_PATH} after the change`);
  assert.equal(await downloadFile({ repo: CLI_REPO, path: DELETED_PATH, hubUrl, accessToken: token }), null,
    `${DELETED_PATH} is gone from main`);
  // The first commit is intact.
  assertBytes(await download(CLI_REPO, DELETED_PATH, state.firstCommit), PUBLISHED[DELETED_PATH], "the old revision keeps the deleted file");
  assertBytes(await download(CLI_REPO, CHANGED_PATH, state.firstCommit), PUBLISHED[CHANGED_PATH], "the old revision keeps the old bytes");
});

/* ------------------------------------------------------------------------ */
/* d. History                                                                */
/* ------------------------------------------------------------------------ */

hubTest("listCommits shows vitrine-cli's commits with their -m messages", async () => {
  const second = need(state.secondCommit, "the republish");
  const commits = await commitsOf(CLI_REPO);
  const titles = commits.map((c) => c.title);
  assert.ok(titles.includes(FIRST_MESSAGE), `titles include the first -m message: ${JSON.stringify(titles)}`);
  assert.ok(titles.includes(SECOND_MESSAGE), `titles include the second -m message: ${JSON.stringify(titles)}`);
  assert.ok(!titles.includes(NO_MESSAGE), "the republish of nothing left no commit");
  assert.deepEqual(commits.slice(0, 2).map((c) => [c.oid, c.title]), [
    [second, SECOND_MESSAGE],
    [state.firstCommit, FIRST_MESSAGE],
  ], "newest first, each with its message");
  for (const c of commits.slice(0, 2)) {
    assert.ok(c.authors.some((a) => a.username === "alice"), `commit ${c.oid} is alice's: ${JSON.stringify(c.authors)}`);
    assert.ok(c.date instanceof Date && !Number.isNaN(c.date.getTime()), `commit ${c.oid} has a date`);
  }
});

/* ------------------------------------------------------------------------ */
/* e. git and git-lfs write, the JS client and vitrine-cli read              */
/* ------------------------------------------------------------------------ */

const GIT_REPO = "alice/interop-from-git";
const GIT_EDIT = enc.encode(JSON.stringify({ architectures: ["TinyNet"], hidden_size: 32 }, null, 2) + "\n");
const GIT_LFS = seededBytes("vitrine-interop-git", 11 * MiB + 5);

/** Runs git in `cwd` with the test's home (git-lfs installed there). */
function git(cwd, ...args) {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_AUTHOR_NAME: "Alice", GIT_AUTHOR_EMAIL: "alice@example.org",
                GIT_COMMITTER_NAME: "Alice", GIT_COMMITTER_EMAIL: "alice@example.org" };
  return new Promise((resolve, reject) => {
    execFile("git", args, { cwd, env, timeout: 120_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`git ${args.join(" ")}: ${err.code}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

hubTest("git push of an edit and a new LFS file; listFiles, downloadFile and vitrine-cli see them", { timeout: 180_000 }, async () => {
  await createRepo({ repo: GIT_REPO, hubUrl, accessToken: token });
  await uploadFiles({ repo: GIT_REPO, hubUrl, accessToken: token, files: [
    { path: "config.json", content: new Blob([PUBLISHED["config.json"]]) },
  ] });
  const work = path.join(tmpDir, "git-work");
  await mkdir(work, { recursive: true });
  await git(work, "lfs", "install", "--skip-repo");
  const url = new URL(hubUrl);
  const remote = `http://user:${token}@${url.host}/${GIT_REPO}`;
  const clone = path.join(work, "clone");
  await git(work, "clone", remote, clone);
  await git(clone, "lfs", "install");
  await writeFile(path.join(clone, "config.json"), GIT_EDIT);
  await writeFile(path.join(clone, "pushed.safetensors"), GIT_LFS);
  await git(clone, "add", "config.json", "pushed.safetensors");
  await git(clone, "commit", "-q", "-m", "Edit and add with git");
  await git(clone, "push", "origin", "main");
  const head = (await git(clone, "rev-parse", "HEAD")).stdout.trim();

  // The official client sees the push at once.
  const commits = await commitsOf(GIT_REPO);
  assert.equal(commits[0].oid, head, "listCommits starts with the pushed commit");
  const remoteTree = await remoteFiles(GIT_REPO);
  assertEntry(remoteTree.get("config.json"), "config.json", GIT_EDIT, false);
  assertEntry(remoteTree.get("pushed.safetensors"), "pushed.safetensors", GIT_LFS, true);
  assertBytes(await download(GIT_REPO, "pushed.safetensors"), GIT_LFS, "downloadFile of the file git-lfs pushed");
  assertBytes(await download(GIT_REPO, "config.json"), GIT_EDIT, "downloadFile of the edit git pushed");

  // And so does vitrine-cli.
  const to = path.join(tmpDir, "git-download");
  await vitrineCli(["download", GIT_REPO, "--to", to]);
  assertBytes(await readFile(path.join(to, "pushed.safetensors")), GIT_LFS, "vitrine-cli download of the LFS file");
  assertBytes(await readFile(path.join(to, "config.json")), GIT_EDIT, "vitrine-cli download of the edit");
});
