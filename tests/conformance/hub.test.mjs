// hub.test.mjs — the official JS client (@huggingface/hub, the version
// package.json pins) against a real `vitrine-hub serve` process.
//
// Copyright 2026 The Vitrine authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The executable comes from VITRINE_HUB_EXE. Every client call gets `hubUrl`
// and a token explicitly, and a guard on the global fetch refuses any request
// that is not for the loopback server, so nothing here can reach
// huggingface.co. The tests run in order (node:test runs the top-level tests
// of a file one after the other) and share the repositories they create.

import "./isolate.mjs";

import { before, after } from "node:test";
import assert from "node:assert/strict";
import { lstat, mkdtemp, readFile, realpath } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import {
  HubApiError,
  commit,
  countCommits,
  createBranch,
  createRepo,
  datasetInfo,
  deleteBranch,
  deleteRepo,
  downloadFile,
  downloadFileToCacheDir,
  fileDownloadInfo,
  listCommits,
  listFiles,
  modelInfo,
  pathsInfo,
  repoExists,
  spaceInfo,
  uploadFiles,
  whoAmI,
} from "@huggingface/hub";

import {
  MiB,
  assertBytes,
  blobBytes,
  collect,
  gitBlobSha1,
  hubTest,
  installFetchGuard,
  installedClientVersion,
  pinnedClientVersion,
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

const MODEL = "alice/conformance-model";
const DATASET = "alice/conformance-dataset";
const SPACE = "alice/conformance-space";
const ORG_MODEL = "team/conformance-model";
const PRIVATE = "alice/conformance-private";
const DOOMED = "alice/conformance-doomed";

/** The canonical Git LFS pointer file of some content. */
function lfsPointer(bytes) {
  return enc.encode(
    `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256Hex(bytes)}\nsize ${bytes.length}\n`,
  );
}

// Small files are kept in git; the two large ones must go through LFS: the
// medium one is above the Hub's 10 MB git limit, the large one is big enough
// for the server to answer the LFS batch with a multipart transfer.
const SMALL_FILES = {
  "README.md": enc.encode(
    "---\nlicense: mit\ntags:\n- vitrine-conformance\n---\n\n# Conformance model\n\nUploaded by the @huggingface/hub conformance suite.\n",
  ),
  "config.json": enc.encode(JSON.stringify({ architectures: ["TinyNet"], hidden_size: 8 }, null, 2) + "\n"),
  "data/notes.md": enc.encode("notes, first version\n"),
  "src/deep/nested/module.py": enc.encode("def answer():\n    return 42\n"),
  "docs/read me é.txt": enc.encode("a path with a space and a non-ASCII letter\n"),
  "empty.txt": new Uint8Array(0),
};
const MEDIUM_PATH = "weights/medium.bin";
const LARGE_PATH = "weights/large.bin";
const MEDIUM = seededBytes("vitrine-conformance-medium", 12 * MiB + 333);
const LARGE = seededBytes("vitrine-conformance-large", 36 * MiB + 4321);
const LFS_FILES = { [MEDIUM_PATH]: MEDIUM, [LARGE_PATH]: LARGE };
const ALL_FILES = { ...SMALL_FILES, ...LFS_FILES };
const DIRECTORIES = ["data", "docs", "src", "src/deep", "src/deep/nested", "weights"];

const UPLOAD_TITLE = "Upload the conformance files";
const UPLOAD_DESCRIPTION = "Small files, nested paths, a 12 MB and a 36 MB LFS object.";

const DATASET_SHARDS = 1100; // more than one page of the tree listing
const shardPath = (i) => `shards/part-${String(i).padStart(5, "0")}.txt`;
const shardBytes = (i) => enc.encode(`shard ${i}\n`);

/* ------------------------------------------------------------------------ */
/* Shared state                                                              */
/* ------------------------------------------------------------------------ */

let hubUrl; // "http://127.0.0.1:PORT", no trailing slash
let tmpDir;
let server; // { child, exited, exitCode, exitSignal, stderr, exitPromise }
const tokens = {}; // alice, aliceRead, bob
const created = {}; // createRepo results by repo name
const mainCommits = []; // commits made on MODEL's main, oldest first: {oid, title}
const state = {}; // results later tests build on

let capture = null; // when an array, the guarded fetch records requests into it
let restoreFetch;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

function need(value, what) {
  if (value === undefined || value === null) {
    throw new Error(`precondition missing: ${what} (an earlier test failed)`);
  }
  return value;
}

/** Absolute URLs compare after normalisation; anything else as given. */
function href(url) {
  try {
    return new URL(url).href;
  } catch {
    return String(url);
  }
}

function stripEtag(etag) {
  return etag.replace(/^W\//, "").replace(/^"(.*)"$/, "$1");
}

/** Assert that a client call fails with a HubApiError of the given status(es). */
async function rejectsWithStatus(promise, status, label) {
  const allowed = Array.isArray(status) ? status : [status];
  await assert.rejects(promise, (err) => {
    assert.ok(err instanceof HubApiError, `${label}: expected a HubApiError, got ${err?.stack ?? err}`);
    assert.ok(
      allowed.includes(err.statusCode),
      `${label}: expected HTTP ${allowed.join(" or ")}, got ${err.statusCode} (${err.message})`,
    );
    return true;
  });
}

function repoUrl(type, name) {
  return `${hubUrl}/${type === "model" ? "" : `${type}s/`}${name}`;
}

function assertCommitOutput(out, type, name, label) {
  assert.ok(out && out.commit, `${label}: commit() returned no commit`);
  assert.match(out.commit.oid, /^[0-9a-f]{40}$/, `${label}: commitOid`);
  assert.equal(out.commit.url, `${repoUrl(type, name)}/commit/${out.commit.oid}`, `${label}: commitUrl`);
  return out.commit.oid;
}

async function refsOf(type, name, accessToken) {
  const res = await fetch(`${hubUrl}/api/${type}s/${name}/refs`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  assert.equal(res.status, 200, `GET /api/${type}s/${name}/refs`);
  return res.json();
}

/* ------------------------------------------------------------------------ */
/* Setup and teardown                                                        */
/* ------------------------------------------------------------------------ */

before(async () => {
  const exe = process.env.VITRINE_HUB_EXE;
  assert.ok(exe, "VITRINE_HUB_EXE must name the vitrine-hub executable");

  // Nothing may leave the machine: refuse any request that is not for the
  // loopback server, and let tests record what the client sent.
  restoreFetch = installFetchGuard(async (method, url, res) => {
    if (capture) {
      const entry = { method, url: url.href, status: res.status, headers: res.headers, json: undefined };
      const isJson = /json/.test(res.headers.get("content-type") ?? "");
      if (isJson && (url.pathname.endsWith("/info/lfs/objects/batch") || url.pathname.includes("/preupload/"))) {
        entry.json = await res
          .clone()
          .json()
          .catch(() => undefined);
      }
      capture.push(entry);
    }
  });

  tmpDir = await mkdtemp(path.join(tmpdir(), "vitrine-conformance-"));
  const dataDir = path.join(tmpDir, "data");

  // Accounts made before the server starts...
  tokens.alice = tokenFrom(await vitrineHub("user", "add", "alice", "--data-dir", dataDir), "user add alice");
  tokens.bob = tokenFrom(await vitrineHub("user", "add", "bob", "--data-dir", dataDir), "user add bob");

  const started = await startServer(exe, dataDir);
  server = started.server;
  hubUrl = started.url;

  // ...and more while it runs: it must see them without a restart.
  tokens.aliceRead = tokenFrom(
    await vitrineHub("token", "add", "alice", "--role", "read", "--data-dir", dataDir),
    "token add alice --role read",
  );
  await vitrineHub("org", "add", "team", "--member", "alice:write", "--data-dir", dataDir);
});

after(async () => {
  await teardown({ server, restoreFetch, tmpDir });
});

/* ------------------------------------------------------------------------ */
/* The client                                                                */
/* ------------------------------------------------------------------------ */

hubTest("the installed client is the version package.json pins", () => {
  assert.match(pinnedClientVersion, /^\d+\.\d+\.\d+$/, "package.json pins an exact version");
  assert.equal(installedClientVersion, pinnedClientVersion, "run build-aux/setup.sh to install the pinned client");
});

/* ------------------------------------------------------------------------ */
/* Accounts                                                                  */
/* ------------------------------------------------------------------------ */

hubTest("whoAmI describes the user, their orgs and the token", async () => {
  const me = await whoAmI({ hubUrl, accessToken: tokens.alice });
  assert.equal(me.type, "user");
  assert.equal(me.name, "alice");
  assert.equal(typeof me.id, "string");
  assert.ok(me.id.length > 0, "id is not empty");
  assert.ok(Array.isArray(me.orgs), "orgs is an array");
  const team = me.orgs.find((o) => o.name === "team");
  assert.ok(team, `orgs contains team: ${JSON.stringify(me.orgs)}`);
  assert.equal(team.type, "org");
  assert.equal(team.roleInOrg, "write");
  assert.equal(me.auth.type, "access_token");
  assert.equal(me.auth.accessToken.role, "write");
  assert.equal(typeof me.auth.accessToken.displayName, "string");
  assert.ok(me.auth.accessToken.createdAt instanceof Date, "createdAt is an ISO date");
  assert.ok(!Number.isNaN(me.auth.accessToken.createdAt.getTime()), "createdAt parses");

  const read = await whoAmI({ hubUrl, credentials: { accessToken: tokens.aliceRead } });
  assert.equal(read.name, "alice");
  assert.equal(read.auth.accessToken.role, "read");

  const bob = await whoAmI({ hubUrl, accessToken: tokens.bob });
  assert.equal(bob.name, "bob");
  assert.notEqual(bob.id, me.id);
  assert.ok(!bob.orgs.some((o) => o.name === "team"), "bob is not in team");

  await rejectsWithStatus(
    whoAmI({ hubUrl, accessToken: "hf_thisTokenDoesNotExist0000000000000" }),
    401,
    "whoAmI with an unknown token",
  );
});

/* ------------------------------------------------------------------------ */
/* Repositories                                                              */
/* ------------------------------------------------------------------------ */

hubTest("createRepo makes models, datasets, Spaces and org repos; duplicates get 409", async () => {
  const model = await createRepo({ repo: MODEL, hubUrl, accessToken: tokens.alice });
  assert.equal(model.repoUrl, repoUrl("model", MODEL));
  created[MODEL] = model;

  const dataset = await createRepo({ repo: { type: "dataset", name: DATASET }, hubUrl, accessToken: tokens.alice });
  assert.equal(dataset.repoUrl, repoUrl("dataset", DATASET));
  created[DATASET] = dataset;

  const space = await createRepo({
    repo: { type: "space", name: SPACE },
    sdk: "static",
    hubUrl,
    accessToken: tokens.alice,
  });
  assert.equal(space.repoUrl, repoUrl("space", SPACE));
  created[SPACE] = space;

  const org = await createRepo({ repo: ORG_MODEL, hubUrl, accessToken: tokens.alice });
  assert.equal(org.repoUrl, repoUrl("model", ORG_MODEL));
  created[ORG_MODEL] = org;

  // Types are separate namespaces: a dataset may share the model's name.
  const twin = await createRepo({ repo: { type: "dataset", name: MODEL }, hubUrl, accessToken: tokens.alice });
  assert.equal(twin.repoUrl, repoUrl("dataset", MODEL));

  await rejectsWithStatus(createRepo({ repo: MODEL, hubUrl, accessToken: tokens.alice }), 409, "model again");
  await rejectsWithStatus(
    createRepo({ repo: `datasets/${DATASET}`, hubUrl, accessToken: tokens.alice }),
    409,
    "dataset again",
  );
  await rejectsWithStatus(
    createRepo({ repo: { type: "space", name: SPACE }, sdk: "static", hubUrl, accessToken: tokens.alice }),
    409,
    "Space again",
  );
  await rejectsWithStatus(
    createRepo({ repo: "team/bob-was-here", hubUrl, accessToken: tokens.bob }),
    403,
    "bob creating in an org he is not in",
  );
  await rejectsWithStatus(
    createRepo({ repo: "alice/bob-was-here", hubUrl, accessToken: tokens.bob }),
    403,
    "bob creating in alice's namespace",
  );
  await rejectsWithStatus(
    createRepo({ repo: "alice/not a valid name!", hubUrl, accessToken: tokens.alice }),
    400,
    "an invalid repo name",
  );
});

/* ------------------------------------------------------------------------ */
/* Upload                                                                    */
/* ------------------------------------------------------------------------ */

hubTest("uploadFiles: small files inline, a 12 MB and a 36 MB (multipart) file through LFS", { timeout: 180_000 }, async () => {
  need(created[MODEL], "the model repo");
  const log = [];
  capture = log;
  let out;
  try {
    out = await uploadFiles({
      repo: MODEL,
      files: Object.entries(ALL_FILES).map(([p, bytes]) => ({ path: p, content: new Blob([bytes]) })),
      commitTitle: UPLOAD_TITLE,
      commitDescription: UPLOAD_DESCRIPTION,
      hubUrl,
      accessToken: tokens.alice,
    });
  } finally {
    capture = null;
  }
  const oid = assertCommitOutput(out, "model", MODEL, "upload");
  mainCommits.push({ oid, title: UPLOAD_TITLE });
  state.uploadCommit = oid;

  // Preupload: the server decided lfs for the two large files, regular for the rest.
  const preuploads = log.filter((e) => e.method === "POST" && e.url.includes(`/api/models/${MODEL}/preupload/main`));
  assert.ok(preuploads.length >= 1, "the client called preupload");
  const modes = new Map(preuploads.flatMap((e) => e.json?.files ?? []).map((f) => [f.path, f.uploadMode]));
  for (const p of Object.keys(SMALL_FILES)) assert.equal(modes.get(p), "regular", `preupload mode of ${p}`);
  for (const p of Object.keys(LFS_FILES)) assert.equal(modes.get(p), "lfs", `preupload mode of ${p}`);

  // LFS batch: the large object was offered as a multipart upload.
  const batches = log.filter((e) => e.method === "POST" && e.url.endsWith(`/${MODEL}.git/info/lfs/objects/batch`));
  assert.equal(batches.length, 1, "one LFS batch request");
  assert.equal(batches[0].status, 200, "LFS batch status");
  const objects = need(batches[0].json?.objects, "LFS batch response objects");
  const large = objects.find((o) => o.oid === sha256Hex(LARGE));
  const medium = objects.find((o) => o.oid === sha256Hex(MEDIUM));
  assert.ok(large && medium, "the batch answer lists both objects");
  assert.equal(large.size, LARGE.length);
  assert.equal(medium.size, MEDIUM.length);
  const header = large.actions?.upload?.header ?? {};
  assert.ok(header.chunk_size, "the 36 MB object gets a multipart upload (header.chunk_size)");
  const chunkSize = parseInt(header.chunk_size, 10);
  const partKeys = Object.keys(header).filter((k) => /^[0-9]+$/.test(k));
  assert.ok(partKeys.length >= 2, `multipart upload in several parts (got ${partKeys.length})`);
  assert.equal(partKeys.length, Math.ceil(LARGE.length / chunkSize), "part count = ceil(size / chunk_size)");
  partKeys.forEach((k, i) => assert.equal(Number(k), i + 1, "part keys are 1..N in order"));
  const partUrls = new Set(partKeys.map((k) => href(header[k])));
  assert.equal(partUrls.size, partKeys.length, "each part has its own URL");
  const partPuts = log.filter((e) => e.method === "PUT" && partUrls.has(e.url));
  assert.equal(partPuts.length, partKeys.length, "one PUT per part");
  const completion = log.filter((e) => e.method === "POST" && e.url === href(large.actions.upload.href));
  assert.equal(completion.length, 1, "one multipart completion POST");
  assert.ok(completion[0].status >= 200 && completion[0].status < 300, "completion succeeded");
  if (medium.actions?.upload && !medium.actions.upload.header?.chunk_size) {
    const put = log.filter((e) => e.method === "PUT" && e.url === href(medium.actions.upload.href));
    assert.equal(put.length, 1, "one basic PUT for the 12 MB object");
  }
});

hubTest("LFS batch: an object the server already has gets no upload action", { timeout: 60_000 }, async () => {
  need(state.uploadCommit, "the upload");
  const log = [];
  capture = log;
  let out;
  try {
    out = await uploadFiles({
      repo: MODEL,
      files: [{ path: "weights/medium-copy.bin", content: new Blob([MEDIUM]) }],
      commitTitle: "Copy the medium weights",
      hubUrl,
      accessToken: tokens.alice,
    });
  } finally {
    capture = null;
  }
  const oid = assertCommitOutput(out, "model", MODEL, "copy");
  mainCommits.push({ oid, title: "Copy the medium weights" });
  const batch = log.find((e) => e.url.endsWith("/info/lfs/objects/batch"));
  assert.ok(batch, "the client asked the LFS batch endpoint");
  const obj = batch.json?.objects?.find((o) => o.oid === sha256Hex(MEDIUM));
  assert.ok(obj, "the batch answer lists the object");
  assert.equal(obj.actions?.upload, undefined, "no upload action for a stored object");
  assert.equal(log.filter((e) => e.method === "PUT").length, 0, "no bytes were sent again");

  const [info] = await pathsInfo({ repo: MODEL, paths: ["weights/medium-copy.bin"], hubUrl, accessToken: tokens.alice });
  assert.equal(info?.lfs?.oid, sha256Hex(MEDIUM));
  assert.equal(info.size, MEDIUM.length);
});

/* ------------------------------------------------------------------------ */
/* Listing                                                                   */
/* ------------------------------------------------------------------------ */

function assertFileEntry(entry, p, bytes) {
  assert.ok(entry, `${p} is listed`);
  assert.equal(entry.type, "file", `${p}: type`);
  assert.equal(entry.size, bytes.length, `${p}: size`);
  if (p in LFS_FILES || p === "weights/medium-copy.bin") {
    const pointer = lfsPointer(bytes);
    assert.deepEqual(
      { ...entry.lfs },
      { oid: sha256Hex(bytes), size: bytes.length, pointerSize: pointer.length },
      `${p}: lfs`,
    );
    assert.equal(entry.oid, gitBlobSha1(pointer), `${p}: oid is the git id of the LFS pointer`);
  } else {
    assert.equal(entry.lfs, undefined, `${p}: not an LFS file`);
    assert.equal(entry.oid, gitBlobSha1(bytes), `${p}: oid is the git blob id`);
  }
}

hubTest("listFiles: recursive, top level, a sub-folder, sizes and LFS info", async () => {
  need(state.uploadCommit, "the upload");
  const all = await collect(listFiles({ repo: MODEL, recursive: true, hubUrl, accessToken: tokens.alice }));
  const byPath = new Map(all.map((e) => [e.path, e]));
  assert.equal(byPath.size, all.length, "no path is listed twice");
  for (const [p, bytes] of Object.entries(ALL_FILES)) assertFileEntry(byPath.get(p), p, bytes);
  assertFileEntry(byPath.get("weights/medium-copy.bin"), "weights/medium-copy.bin", MEDIUM);
  for (const d of DIRECTORIES) {
    assert.equal(byPath.get(d)?.type, "directory", `${d} is listed as a directory`);
  }
  for (const e of all) {
    assert.ok(e.path !== "" && e.path !== "." && !e.path.startsWith("/"), `bad path ${JSON.stringify(e.path)}`);
  }

  const top = await collect(listFiles({ repo: MODEL, hubUrl, accessToken: tokens.alice }));
  const topPaths = top.map((e) => e.path);
  for (const p of ["README.md", "config.json", "empty.txt", "weights", "src"]) {
    assert.ok(topPaths.includes(p), `top level lists ${p}`);
  }
  assert.ok(!topPaths.some((p) => p.includes("/")), `top level is not recursive: ${topPaths}`);

  const sub = await collect(listFiles({ repo: MODEL, path: "src/deep", hubUrl, accessToken: tokens.alice }));
  assert.deepEqual(
    sub.map((e) => [e.path, e.type]),
    [["src/deep/nested", "directory"]],
  );
  const subAll = await collect(
    listFiles({ repo: MODEL, path: "src", recursive: true, hubUrl, accessToken: tokens.alice }),
  );
  assert.deepEqual(subAll.map((e) => e.path).sort(), ["src/deep", "src/deep/nested", "src/deep/nested/module.py"]);

  const anon = await collect(listFiles({ repo: MODEL, path: "weights", hubUrl }));
  assert.ok(anon.some((e) => e.path === LARGE_PATH), "a public repo lists anonymously");

  await rejectsWithStatus(
    collect(listFiles({ repo: MODEL, path: "no/such/folder", hubUrl, accessToken: tokens.alice })),
    404,
    "listing a missing folder",
  );
  await rejectsWithStatus(
    collect(listFiles({ repo: MODEL, revision: "no-such-branch", hubUrl, accessToken: tokens.alice })),
    404,
    "listing a missing revision",
  );
});

hubTest("pathsInfo: files, folders, missing paths omitted, lastCommit with expand", async () => {
  const uploadCommit = need(state.uploadCommit, "the upload");
  const infos = await pathsInfo({
    repo: MODEL,
    paths: ["config.json", LARGE_PATH, "src", "does/not/exist.txt", "docs/read me é.txt"],
    hubUrl,
    accessToken: tokens.alice,
  });
  const byPath = new Map(infos.map((i) => [i.path, i]));
  assert.equal(infos.length, 4, `missing paths are left out: ${[...byPath.keys()]}`);
  assertFileEntry(byPath.get("config.json"), "config.json", SMALL_FILES["config.json"]);
  assertFileEntry(byPath.get(LARGE_PATH), LARGE_PATH, LARGE);
  assertFileEntry(byPath.get("docs/read me é.txt"), "docs/read me é.txt", SMALL_FILES["docs/read me é.txt"]);
  assert.equal(byPath.get("src")?.type, "directory");

  const expanded = await pathsInfo({
    repo: MODEL,
    paths: ["README.md", MEDIUM_PATH],
    expand: true,
    hubUrl,
    accessToken: tokens.alice,
  });
  assert.equal(expanded.length, 2);
  for (const info of expanded) {
    assert.equal(info.lastCommit?.id, uploadCommit, `${info.path}: lastCommit.id`);
    assert.equal(info.lastCommit.title, UPLOAD_TITLE, `${info.path}: lastCommit.title`);
    assert.ok(!Number.isNaN(info.lastCommit.date.getTime()), `${info.path}: lastCommit.date`);
  }

  const atCommit = await pathsInfo({
    repo: MODEL,
    paths: ["README.md"],
    revision: uploadCommit,
    hubUrl,
    accessToken: tokens.alice,
  });
  assert.equal(atCommit.length, 1, "pathsInfo at a commit id");
});

/* ------------------------------------------------------------------------ */
/* Download                                                                  */
/* ------------------------------------------------------------------------ */

hubTest("downloadFile returns the exact bytes, ranges included", { timeout: 120_000 }, async () => {
  need(state.uploadCommit, "the upload");
  for (const p of ["config.json", "src/deep/nested/module.py", "docs/read me é.txt", "README.md"]) {
    const blob = await downloadFile({ repo: MODEL, path: p, hubUrl, accessToken: tokens.alice });
    assertBytes(await blobBytes(blob, p), SMALL_FILES[p], p);
  }

  const anon = await downloadFile({ repo: MODEL, path: "config.json", hubUrl });
  assertBytes(await blobBytes(anon, "anonymous config.json"), SMALL_FILES["config.json"], "anonymous download");

  for (const [p, bytes] of Object.entries(LFS_FILES)) {
    const blob = await downloadFile({ repo: MODEL, path: p, hubUrl, accessToken: tokens.alice });
    assert.equal(blob.size, bytes.length, `${p}: blob size`);
    assertBytes(await blobBytes(blob, p), bytes, p);
  }

  // A slice of the blob is fetched with a Range request and must be exact.
  const large = await downloadFile({ repo: MODEL, path: LARGE_PATH, hubUrl, accessToken: tokens.alice });
  const start = 5 * MiB + 17;
  const slice = large.slice(start, start + 100_000);
  assertBytes(new Uint8Array(await slice.arrayBuffer()), LARGE.subarray(start, start + 100_000), "range of large.bin");
  const tail = large.slice(LARGE.length - 10);
  assertBytes(new Uint8Array(await tail.arrayBuffer()), LARGE.subarray(LARGE.length - 10), "last bytes of large.bin");

  // raw: the git blob as stored, i.e. the LFS pointer.
  const raw = await downloadFile({ repo: MODEL, path: LARGE_PATH, raw: true, hubUrl, accessToken: tokens.alice });
  assertBytes(await blobBytes(raw, "raw pointer"), lfsPointer(LARGE), "raw large.bin is its LFS pointer");

  const missing = await downloadFile({ repo: MODEL, path: "no-such-file.txt", hubUrl, accessToken: tokens.alice });
  assert.equal(missing, null, "a missing file gives null (404 with X-Error-Code: EntryNotFound)");

  await rejectsWithStatus(
    downloadFile({ repo: MODEL, path: "config.json", revision: "no-such-branch", hubUrl, accessToken: tokens.alice }),
    404,
    "download from a missing revision",
  );
});

hubTest("fileDownloadInfo gives size and etag (git id or sha256)", async () => {
  need(state.uploadCommit, "the upload");
  const small = await fileDownloadInfo({ repo: MODEL, path: "config.json", hubUrl, accessToken: tokens.alice });
  assert.ok(small, "config.json has download info");
  assert.equal(small.size, SMALL_FILES["config.json"].length);
  assert.equal(stripEtag(small.etag), gitBlobSha1(SMALL_FILES["config.json"]));
  assert.equal(small.xet, undefined);

  for (const [p, bytes] of Object.entries(LFS_FILES)) {
    const info = await fileDownloadInfo({ repo: MODEL, path: p, hubUrl, accessToken: tokens.alice });
    assert.ok(info, `${p} has download info`);
    assert.equal(info.size, bytes.length, `${p}: size`);
    assert.equal(stripEtag(info.etag), sha256Hex(bytes), `${p}: etag is the sha256`);
  }

  const raw = await fileDownloadInfo({ repo: MODEL, path: LARGE_PATH, raw: true, hubUrl, accessToken: tokens.alice });
  assert.equal(raw.size, lfsPointer(LARGE).length, "raw size is the pointer size");

  const atCommit = await fileDownloadInfo({
    repo: MODEL,
    path: "config.json",
    revision: state.uploadCommit,
    hubUrl,
    accessToken: tokens.alice,
  });
  assert.equal(atCommit.size, SMALL_FILES["config.json"].length, "by commit id");

  assert.equal(
    await fileDownloadInfo({ repo: MODEL, path: "nope/nothing.bin", hubUrl, accessToken: tokens.alice }),
    null,
  );
});

hubTest("downloadFileToCacheDir lays files out like the Hub cache", { timeout: 120_000 }, async () => {
  const uploadCommit = need(state.uploadCommit, "the upload");
  const head = need(mainCommits.at(-1)?.oid, "the head commit");
  const cacheDir = path.join(tmpDir, "cache");
  const repoDir = path.join(cacheDir, "models--alice--conformance-model");
  const saved = console.debug;
  console.debug = () => {}; // the client logs every download
  try {
    // On a branch, the snapshot folder is the last commit that touched the file.
    const cases = [
      [MEDIUM_PATH, MEDIUM, sha256Hex(MEDIUM)],
      ["src/deep/nested/module.py", SMALL_FILES["src/deep/nested/module.py"], gitBlobSha1(SMALL_FILES["src/deep/nested/module.py"])],
    ];
    for (const [p, bytes, blobName] of cases) {
      const got = await downloadFileToCacheDir({ repo: MODEL, path: p, cacheDir, hubUrl, accessToken: tokens.alice });
      assert.equal(got, path.join(repoDir, "snapshots", uploadCommit, p), `${p}: snapshot path`);
      assert.ok((await lstat(got)).isSymbolicLink(), `${p}: the snapshot entry is a symlink`);
      assert.equal(await realpath(got), await realpath(path.join(repoDir, "blobs", blobName)), `${p}: blob name`);
      assertBytes(await readFile(got), bytes, `${p} in the cache`);
    }

    // With a commit id as revision, the snapshot folder is that commit.
    const got = await downloadFileToCacheDir({
      repo: MODEL,
      path: "config.json",
      revision: head,
      cacheDir,
      hubUrl,
      accessToken: tokens.alice,
    });
    assert.equal(got, path.join(repoDir, "snapshots", head, "config.json"));
    assertBytes(await readFile(got), SMALL_FILES["config.json"], "config.json in the cache");
  } finally {
    console.debug = saved;
  }
});

/* ------------------------------------------------------------------------ */
/* Commits                                                                   */
/* ------------------------------------------------------------------------ */

const CONFIG_V2 = enc.encode(JSON.stringify({ architectures: ["TinyNet"], hidden_size: 16 }, null, 2) + "\n");
const NEW_NOTES = enc.encode("notes, second version, in a new file\n");

hubTest("commit with deletions, an addition and an update", async () => {
  const previous = need(mainCommits.at(-1)?.oid, "the head commit");
  const title = "Move the notes, resize the model";
  const description = "Deletes data/notes.md and the copied weights.";
  const out = await commit({
    repo: MODEL,
    title,
    description,
    operations: [
      { operation: "delete", path: "data/notes.md" },
      { operation: "delete", path: "weights/medium-copy.bin" },
      { operation: "addOrUpdate", path: "data/new-notes.md", content: new Blob([NEW_NOTES]) },
      { operation: "addOrUpdate", path: "config.json", content: new Blob([CONFIG_V2]) },
    ],
    hubUrl,
    accessToken: tokens.alice,
  });
  const oid = assertCommitOutput(out, "model", MODEL, "operations commit");
  mainCommits.push({ oid, title, description });
  state.opsCommit = oid;

  assert.deepEqual(
    await pathsInfo({ repo: MODEL, paths: ["data/notes.md", "weights/medium-copy.bin"], hubUrl, accessToken: tokens.alice }),
    [],
    "deleted files are gone",
  );
  assert.equal(await downloadFile({ repo: MODEL, path: "data/notes.md", hubUrl, accessToken: tokens.alice }), null);
  const listed = (await collect(listFiles({ repo: MODEL, recursive: true, hubUrl, accessToken: tokens.alice }))).map(
    (e) => e.path,
  );
  assert.ok(!listed.includes("data/notes.md") && listed.includes("data/new-notes.md"), `listing: ${listed}`);
  assertBytes(
    await blobBytes(await downloadFile({ repo: MODEL, path: "data/new-notes.md", hubUrl, accessToken: tokens.alice }), "new"),
    NEW_NOTES,
    "added file",
  );
  assertBytes(
    await blobBytes(await downloadFile({ repo: MODEL, path: "config.json", hubUrl, accessToken: tokens.alice }), "config"),
    CONFIG_V2,
    "updated file",
  );

  // The previous revision is untouched.
  for (const [p, bytes] of [
    ["data/notes.md", SMALL_FILES["data/notes.md"]],
    ["config.json", SMALL_FILES["config.json"]],
  ]) {
    const blob = await downloadFile({ repo: MODEL, path: p, revision: previous, hubUrl, accessToken: tokens.alice });
    assertBytes(await blobBytes(blob, `${p}@before`), bytes, `${p} at the previous commit`);
  }

  // lastCommit follows the history of each path, not the head.
  const expanded = await pathsInfo({
    repo: MODEL,
    paths: ["config.json", "README.md"],
    expand: true,
    hubUrl,
    accessToken: tokens.alice,
  });
  const last = Object.fromEntries(expanded.map((i) => [i.path, i.lastCommit?.id]));
  assert.deepEqual(last, { "config.json": oid, "README.md": state.uploadCommit });
});

hubTest("commit with parentCommit: the head succeeds, a stale one gets 412", async () => {
  const head = need(mainCommits.at(-1)?.oid, "the head commit");
  const title = "Commit on top of the head";
  const out = await commit({
    repo: MODEL,
    title,
    operations: [{ operation: "addOrUpdate", path: "parent.txt", content: new Blob(["parent ok\n"]) }],
    parentCommit: head,
    hubUrl,
    accessToken: tokens.alice,
  });
  const oid = assertCommitOutput(out, "model", MODEL, "parentCommit = head");
  mainCommits.push({ oid, title });

  await rejectsWithStatus(
    commit({
      repo: MODEL,
      title: "Commit on a stale parent",
      operations: [{ operation: "addOrUpdate", path: "stale.txt", content: new Blob(["stale\n"]) }],
      parentCommit: head,
      hubUrl,
      accessToken: tokens.alice,
    }),
    412,
    "commit with a stale parentCommit",
  );
  assert.deepEqual(await pathsInfo({ repo: MODEL, paths: ["stale.txt"], hubUrl, accessToken: tokens.alice }), []);
  const [latest] = await collect(listCommits({ repo: MODEL, batchSize: 1, hubUrl, accessToken: tokens.alice }));
  assert.equal(latest.oid, oid, "the head did not move");
});

hubTest("listCommits (newest first, paginated) and countCommits", async () => {
  need(mainCommits.length >= 4 ? true : undefined, "the commits of the earlier tests");
  const commits = await collect(listCommits({ repo: MODEL, hubUrl, accessToken: tokens.alice }));
  const mine = [...mainCommits].reverse();
  assert.ok(commits.length >= mine.length, `at least ${mine.length} commits`);
  assert.deepEqual(
    commits.slice(0, mine.length).map((c) => [c.oid, c.title]),
    mine.map((c) => [c.oid, c.title]),
    "newest first, with their titles",
  );
  for (const c of commits) {
    assert.match(c.oid, /^[0-9a-f]{40}$/);
    assert.ok(!Number.isNaN(c.date.getTime()), `${c.oid}: date`);
    assert.equal(typeof c.message, "string");
  }
  for (let i = 1; i < commits.length; i++) {
    assert.ok(commits[i - 1].date >= commits[i].date, "dates never increase going back");
  }
  const upload = commits.find((c) => c.oid === state.uploadCommit);
  assert.ok(upload.authors.some((a) => a.username === "alice"), "alice authored the upload");
  assert.ok(upload.message.includes(UPLOAD_DESCRIPTION), "the message carries the description");

  // One commit per page: the client must follow the Link header to the end.
  const paged = await collect(listCommits({ repo: MODEL, batchSize: 1, hubUrl, accessToken: tokens.alice }));
  assert.deepEqual(
    paged.map((c) => c.oid),
    commits.map((c) => c.oid),
    "pagination gives the same history",
  );

  assert.equal(await countCommits({ repo: MODEL, hubUrl, accessToken: tokens.alice }), commits.length);
  const older = await collect(
    listCommits({ repo: MODEL, revision: state.uploadCommit, hubUrl, accessToken: tokens.alice }),
  );
  assert.equal(older[0].oid, state.uploadCommit, "history from a commit id starts there");
  assert.equal(
    await countCommits({ repo: MODEL, revision: state.uploadCommit, hubUrl, accessToken: tokens.alice }),
    older.length,
  );
  await rejectsWithStatus(
    collect(listCommits({ repo: MODEL, revision: "no-such-branch", hubUrl, accessToken: tokens.alice })),
    404,
    "commits of a missing revision",
  );
});

/* ------------------------------------------------------------------------ */
/* Branches                                                                  */
/* ------------------------------------------------------------------------ */

hubTest("createBranch / deleteBranch and the refs listing", async () => {
  const head = need(mainCommits.at(-1)?.oid, "the head commit");
  const uploadCommit = need(state.uploadCommit, "the upload");
  const pickRef = (b) => b && { name: b.name, ref: b.ref, targetCommit: b.targetCommit };
  const refs0 = await refsOf("model", MODEL, tokens.alice);
  assert.ok(Array.isArray(refs0.branches) && Array.isArray(refs0.tags), "refs has branches and tags arrays");
  assert.deepEqual(
    pickRef(refs0.branches.find((b) => b.name === "main")),
    { name: "main", ref: "refs/heads/main", targetCommit: head },
  );

  await createBranch({ repo: MODEL, branch: "dev", hubUrl, accessToken: tokens.alice });
  await createBranch({ repo: MODEL, branch: "from-upload", revision: uploadCommit, hubUrl, accessToken: tokens.alice });
  await createBranch({ repo: MODEL, branch: "feature/one", hubUrl, accessToken: tokens.alice });
  await rejectsWithStatus(
    createBranch({ repo: MODEL, branch: "dev", hubUrl, accessToken: tokens.alice }),
    409,
    "creating an existing branch",
  );
  await rejectsWithStatus(
    createBranch({ repo: MODEL, branch: "bobs", hubUrl, accessToken: tokens.bob }),
    403,
    "bob creating a branch on alice's repo",
  );

  const refs1 = await refsOf("model", MODEL, tokens.alice);
  const branch = (n) => pickRef(refs1.branches.find((b) => b.name === n));
  assert.deepEqual(branch("dev"), { name: "dev", ref: "refs/heads/dev", targetCommit: head });
  assert.deepEqual(branch("from-upload"), { name: "from-upload", ref: "refs/heads/from-upload", targetCommit: uploadCommit });
  assert.deepEqual(branch("feature/one"), { name: "feature/one", ref: "refs/heads/feature/one", targetCommit: head });

  // A commit on the branch stays off main.
  const out = await uploadFiles({
    repo: MODEL,
    branch: "dev",
    files: [{ path: "dev-only.txt", content: new Blob(["only on dev\n"]) }],
    commitTitle: "Work on dev",
    hubUrl,
    accessToken: tokens.alice,
  });
  assertCommitOutput(out, "model", MODEL, "commit on dev");
  const devFiles = (await collect(listFiles({ repo: MODEL, revision: "dev", hubUrl, accessToken: tokens.alice }))).map(
    (e) => e.path,
  );
  assert.ok(devFiles.includes("dev-only.txt"), "dev has the file");
  assert.deepEqual(await pathsInfo({ repo: MODEL, paths: ["dev-only.txt"], hubUrl, accessToken: tokens.alice }), []);
  const devHead = await collect(listCommits({ repo: MODEL, revision: "dev", batchSize: 1, hubUrl, accessToken: tokens.alice }));
  assert.equal(devHead[0].oid, out.commit.oid, "dev moved");
  const fromUpload = await pathsInfo({
    repo: MODEL,
    paths: ["data/notes.md"],
    revision: "from-upload",
    hubUrl,
    accessToken: tokens.alice,
  });
  assert.equal(fromUpload.length, 1, "from-upload has the files of the upload commit");

  await deleteBranch({ repo: MODEL, branch: "dev", hubUrl, accessToken: tokens.alice });
  await deleteBranch({ repo: MODEL, branch: "from-upload", hubUrl, accessToken: tokens.alice });
  await deleteBranch({ repo: MODEL, branch: "feature/one", hubUrl, accessToken: tokens.alice });
  await rejectsWithStatus(
    deleteBranch({ repo: MODEL, branch: "dev", hubUrl, accessToken: tokens.alice }),
    404,
    "deleting a missing branch",
  );
  const refs2 = await refsOf("model", MODEL, tokens.alice);
  assert.deepEqual(
    refs2.branches.map((b) => b.name),
    ["main"],
    "only main is left",
  );
  await rejectsWithStatus(
    collect(listFiles({ repo: MODEL, revision: "dev", hubUrl, accessToken: tokens.alice })),
    404,
    "listing a deleted branch",
  );
});

/* ------------------------------------------------------------------------ */
/* Datasets and Spaces                                                       */
/* ------------------------------------------------------------------------ */

hubTest("a dataset with more files than a listing page", { timeout: 120_000 }, async () => {
  need(created[DATASET], "the dataset repo");
  const csv = enc.encode("id,text\n1,hello\n2,world\n");
  const files = [{ path: "data/train.csv", content: new Blob([csv]) }];
  for (let i = 0; i < DATASET_SHARDS; i++) files.push({ path: shardPath(i), content: new Blob([shardBytes(i)]) });
  const out = await uploadFiles({
    repo: { type: "dataset", name: DATASET },
    files,
    commitTitle: "Add the dataset",
    hubUrl,
    accessToken: tokens.alice,
  });
  state.datasetCommit = assertCommitOutput(out, "dataset", DATASET, "dataset upload");

  const log = [];
  capture = log;
  let shards;
  try {
    shards = await collect(
      listFiles({ repo: `datasets/${DATASET}`, path: "shards", hubUrl, accessToken: tokens.alice }),
    );
  } finally {
    capture = null;
  }
  assert.equal(shards.length, DATASET_SHARDS, "every file of the folder is listed");
  assert.equal(new Set(shards.map((e) => e.path)).size, DATASET_SHARDS, "no duplicates across pages");
  assert.equal(shards.find((e) => e.path === shardPath(1042))?.oid, gitBlobSha1(shardBytes(1042)));
  for (const e of log) {
    const link = e.headers.get("link");
    if (link) {
      assert.match(link, /<https?:\/\/[^>]+>;\s+rel="next"/, "Link is <absolute URL>; rel=\"next\"");
    }
  }

  const expanded = await collect(
    listFiles({ repo: `datasets/${DATASET}`, path: "shards", expand: true, hubUrl, accessToken: tokens.alice }),
  );
  assert.equal(expanded.length, DATASET_SHARDS, "expanded listing is complete too");
  assert.ok(expanded.every((e) => e.lastCommit?.id === state.datasetCommit), "expanded entries carry lastCommit");

  const blob = await downloadFile({ repo: `datasets/${DATASET}`, path: "data/train.csv", hubUrl, accessToken: tokens.alice });
  assertBytes(await blobBytes(blob, "train.csv"), csv, "dataset file");

  const cacheDir = path.join(tmpDir, "cache");
  const saved = console.debug;
  console.debug = () => {};
  try {
    const got = await downloadFileToCacheDir({
      repo: { type: "dataset", name: DATASET },
      path: "data/train.csv",
      cacheDir,
      hubUrl,
      accessToken: tokens.alice,
    });
    assert.equal(
      got,
      path.join(cacheDir, "datasets--alice--conformance-dataset", "snapshots", state.datasetCommit, "data/train.csv"),
    );
    assertBytes(await readFile(got), csv, "dataset file in the cache");
  } finally {
    console.debug = saved;
  }
});

hubTest("a static Space: upload and download its page", async () => {
  need(created[SPACE], "the Space repo");
  const html = enc.encode("<!doctype html>\n<title>Conformance</title>\n<p>Hello from a static Space.</p>\n");
  const out = await uploadFiles({
    repo: { type: "space", name: SPACE },
    files: [{ path: "index.html", content: new Blob([html]) }],
    commitTitle: "Add the page",
    hubUrl,
    accessToken: tokens.alice,
  });
  state.spaceCommit = assertCommitOutput(out, "space", SPACE, "Space upload");
  const blob = await downloadFile({ repo: `spaces/${SPACE}`, path: "index.html", hubUrl });
  assertBytes(await blobBytes(blob, "index.html"), html, "Space file");
});

/* ------------------------------------------------------------------------ */
/* Repo info                                                                 */
/* ------------------------------------------------------------------------ */

hubTest("modelInfo / datasetInfo / spaceInfo", async () => {
  const head = need(mainCommits.at(-1)?.oid, "the head commit");
  const info = await modelInfo({
    name: MODEL,
    additionalFields: ["sha", "author", "createdAt", "filePaths"],
    hubUrl,
    accessToken: tokens.alice,
  });
  assert.equal(info.name, MODEL);
  assert.equal(info.id, created[MODEL].id, "id is the _id createRepo returned");
  assert.equal(typeof info.id, "string");
  assert.equal(info.private, false);
  assert.equal(info.gated, false);
  assert.equal(typeof info.downloads, "number");
  assert.equal(typeof info.likes, "number");
  assert.ok(!Number.isNaN(info.updatedAt.getTime()), "lastModified parses");
  assert.equal(info.sha, head);
  assert.equal(info.author, "alice");
  assert.ok(!Number.isNaN(new Date(info.createdAt).getTime()), "createdAt parses");
  for (const p of ["README.md", "config.json", "data/new-notes.md", LARGE_PATH, "docs/read me é.txt", "parent.txt"]) {
    assert.ok(info.filePaths.includes(p), `siblings lists ${p}`);
  }
  assert.ok(!info.filePaths.includes("data/notes.md"), "siblings does not list deleted files");

  const old = await modelInfo({
    name: MODEL,
    revision: state.uploadCommit,
    additionalFields: ["sha", "filePaths"],
    hubUrl,
    accessToken: tokens.alice,
  });
  assert.equal(old.sha, state.uploadCommit, "info at a commit id");
  assert.ok(old.filePaths.includes("data/notes.md"));

  const anon = await modelInfo({ name: MODEL, hubUrl });
  assert.equal(anon.name, MODEL, "a public model is visible anonymously");

  const org = await modelInfo({ name: ORG_MODEL, additionalFields: ["author"], hubUrl, accessToken: tokens.bob });
  assert.equal(org.author, "team");

  const ds = await datasetInfo({ name: DATASET, additionalFields: ["sha", "author"], hubUrl, accessToken: tokens.alice });
  assert.equal(ds.name, DATASET);
  assert.equal(ds.id, created[DATASET].id);
  assert.equal(ds.private, false);
  assert.equal(ds.author, "alice");
  assert.equal(ds.sha, need(state.datasetCommit, "the dataset upload"));
  assert.ok(!Number.isNaN(ds.updatedAt.getTime()));

  const sp = await spaceInfo({ name: SPACE, additionalFields: ["sha", "author"], hubUrl, accessToken: tokens.alice });
  assert.equal(sp.name, SPACE);
  assert.equal(sp.id, created[SPACE].id);
  assert.equal(sp.sdk, "static");
  assert.equal(sp.private, false);
  assert.equal(sp.author, "alice");
  assert.equal(sp.sha, need(state.spaceCommit, "the Space upload"));

  await rejectsWithStatus(modelInfo({ name: "alice/no-such-model", hubUrl, accessToken: tokens.alice }), 404, "missing model");
  await rejectsWithStatus(modelInfo({ name: DATASET, hubUrl, accessToken: tokens.alice }), 404, "a dataset is not a model");
  await rejectsWithStatus(
    modelInfo({ name: MODEL, revision: "no-such-branch", hubUrl, accessToken: tokens.alice }),
    404,
    "missing revision",
  );

  // What the server says on the wire for a missing repo.
  const res = await fetch(`${hubUrl}/api/models/alice/no-such-model`, {
    headers: { Authorization: `Bearer ${tokens.alice}` },
  });
  assert.equal(res.status, 404);
  assert.equal(res.headers.get("x-error-code"), "RepoNotFound");
  assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
  assert.equal(typeof (await res.json()).error, "string");
});

hubTest("repoExists", async () => {
  assert.equal(await repoExists({ repo: MODEL, hubUrl }), true);
  assert.equal(await repoExists({ repo: MODEL, hubUrl, accessToken: tokens.bob }), true);
  assert.equal(await repoExists({ repo: { type: "dataset", name: DATASET }, hubUrl }), true);
  assert.equal(await repoExists({ repo: `spaces/${SPACE}`, hubUrl }), true);
  assert.equal(await repoExists({ repo: ORG_MODEL, hubUrl }), true);
  assert.equal(await repoExists({ repo: "alice/no-such-model", hubUrl, accessToken: tokens.alice }), false);
  assert.equal(await repoExists({ repo: "nobody/nothing", hubUrl }), false);
  assert.equal(await repoExists({ repo: `spaces/${DATASET}`, hubUrl }), false, "the dataset is not a Space");
});

/* ------------------------------------------------------------------------ */
/* Access control                                                            */
/* ------------------------------------------------------------------------ */

hubTest("a private repo is invisible to others; a read token cannot write", async () => {
  const secret = enc.encode("for alice only\n");
  const made = await createRepo({ repo: PRIVATE, visibility: "private", hubUrl, accessToken: tokens.alice });
  assert.equal(made.repoUrl, repoUrl("model", PRIVATE));
  const out = await uploadFiles({
    repo: PRIVATE,
    files: [{ path: "secret.txt", content: new Blob([secret]) }],
    hubUrl,
    accessToken: tokens.alice,
  });
  assertCommitOutput(out, "model", PRIVATE, "private upload");

  assert.equal(await repoExists({ repo: PRIVATE, hubUrl, accessToken: tokens.alice }), true, "alice sees it");
  assert.equal(await repoExists({ repo: PRIVATE, hubUrl, accessToken: tokens.aliceRead }), true, "alice's read token sees it");
  assert.equal(await repoExists({ repo: PRIVATE, hubUrl, accessToken: tokens.bob }), false, "bob does not");
  assert.equal(await repoExists({ repo: PRIVATE, hubUrl }), false, "anonymous does not");

  const info = await modelInfo({ name: PRIVATE, hubUrl, accessToken: tokens.alice });
  assert.equal(info.private, true);
  await rejectsWithStatus(modelInfo({ name: PRIVATE, hubUrl, accessToken: tokens.bob }), 404, "bob's modelInfo");
  await rejectsWithStatus(modelInfo({ name: PRIVATE, hubUrl }), [401, 404], "anonymous modelInfo");
  await rejectsWithStatus(
    collect(listFiles({ repo: PRIVATE, hubUrl, accessToken: tokens.bob })),
    404,
    "bob's listFiles",
  );
  await rejectsWithStatus(
    downloadFile({ repo: PRIVATE, path: "secret.txt", hubUrl, accessToken: tokens.bob }),
    404,
    "bob's download",
  );
  await rejectsWithStatus(downloadFile({ repo: PRIVATE, path: "secret.txt", hubUrl }), [401, 404], "anonymous download");
  await rejectsWithStatus(
    pathsInfo({ repo: PRIVATE, paths: ["secret.txt"], hubUrl, accessToken: tokens.bob }),
    404,
    "bob's pathsInfo",
  );
  await rejectsWithStatus(
    collect(listCommits({ repo: PRIVATE, hubUrl, accessToken: tokens.bob })),
    404,
    "bob's listCommits",
  );

  const mine = await downloadFile({ repo: PRIVATE, path: "secret.txt", hubUrl, accessToken: tokens.aliceRead });
  assertBytes(await blobBytes(mine, "secret.txt"), secret, "alice reads with her read token");

  await rejectsWithStatus(
    uploadFiles({
      repo: PRIVATE,
      files: [{ path: "nope.txt", content: new Blob(["read tokens cannot write\n"]) }],
      hubUrl,
      accessToken: tokens.aliceRead,
    }),
    403,
    "upload with a read token",
  );
  await rejectsWithStatus(
    uploadFiles({
      repo: PRIVATE,
      files: [{ path: "nope.txt", content: new Blob(["bob cannot write\n"]) }],
      hubUrl,
      accessToken: tokens.bob,
    }),
    404,
    "bob uploading to a private repo he cannot see",
  );
  await rejectsWithStatus(
    createRepo({ repo: "alice/read-token-repo", hubUrl, accessToken: tokens.aliceRead }),
    403,
    "createRepo with a read token",
  );
  assert.deepEqual(await pathsInfo({ repo: PRIVATE, paths: ["nope.txt"], hubUrl, accessToken: tokens.alice }), []);
});

hubTest("write access: org members may push, others may not", { timeout: 60_000 }, async () => {
  need(created[ORG_MODEL], "the org repo");
  const out = await uploadFiles({
    repo: ORG_MODEL,
    files: [{ path: "README.md", content: new Blob(["# Team model\n"]) }],
    hubUrl,
    accessToken: tokens.alice,
  });
  assertCommitOutput(out, "model", ORG_MODEL, "org upload");

  await rejectsWithStatus(
    uploadFiles({
      repo: ORG_MODEL,
      files: [{ path: "bob.txt", content: new Blob(["bob is not in team\n"]) }],
      hubUrl,
      accessToken: tokens.bob,
    }),
    403,
    "bob pushing to team",
  );
  await rejectsWithStatus(
    uploadFiles({
      repo: MODEL,
      files: [{ path: "bob.txt", content: new Blob(["bob does not own this\n"]) }],
      hubUrl,
      accessToken: tokens.bob,
    }),
    403,
    "bob pushing to alice's public repo",
  );
  await rejectsWithStatus(
    commit({
      repo: MODEL,
      title: "Bob deletes",
      operations: [{ operation: "delete", path: "README.md" }],
      hubUrl,
      accessToken: tokens.bob,
    }),
    403,
    "bob deleting a file of alice's",
  );
  assert.equal((await pathsInfo({ repo: MODEL, paths: ["README.md", "bob.txt"], hubUrl })).length, 1);
});

/* ------------------------------------------------------------------------ */
/* Deletion                                                                  */
/* ------------------------------------------------------------------------ */

hubTest("deleteRepo", async () => {
  await createRepo({ repo: DOOMED, hubUrl, accessToken: tokens.alice });
  assert.equal(await repoExists({ repo: DOOMED, hubUrl }), true);
  await rejectsWithStatus(deleteRepo({ repo: DOOMED, hubUrl, accessToken: tokens.bob }), 403, "bob deleting alice's repo");
  await rejectsWithStatus(
    deleteRepo({ repo: DOOMED, hubUrl, accessToken: tokens.aliceRead }),
    403,
    "deleting with a read token",
  );
  assert.equal(await repoExists({ repo: DOOMED, hubUrl }), true, "still there");

  await deleteRepo({ repo: DOOMED, hubUrl, accessToken: tokens.alice });
  assert.equal(await repoExists({ repo: DOOMED, hubUrl, accessToken: tokens.alice }), false);
  await rejectsWithStatus(modelInfo({ name: DOOMED, hubUrl, accessToken: tokens.alice }), 404, "info of a deleted repo");
  await rejectsWithStatus(deleteRepo({ repo: DOOMED, hubUrl, accessToken: tokens.alice }), 404, "deleting twice");

  // Deleting the dataset that shares the model's name leaves the model alone.
  await deleteRepo({ repo: { type: "dataset", name: MODEL }, hubUrl, accessToken: tokens.alice });
  assert.equal(await repoExists({ repo: `datasets/${MODEL}`, hubUrl }), false);
  assert.equal(await repoExists({ repo: MODEL, hubUrl }), true, "the model survives");

  await deleteRepo({ repo: `spaces/${SPACE}`, hubUrl, accessToken: tokens.alice });
  assert.equal(await repoExists({ repo: `spaces/${SPACE}`, hubUrl }), false);
  await deleteRepo({ repo: PRIVATE, hubUrl, accessToken: tokens.alice });
  assert.equal(await repoExists({ repo: PRIVATE, hubUrl, accessToken: tokens.alice }), false);

  // The name is free again.
  const again = await createRepo({ repo: DOOMED, hubUrl, accessToken: tokens.alice });
  assert.equal(again.repoUrl, repoUrl("model", DOOMED));
  assert.deepEqual(await pathsInfo({ repo: DOOMED, paths: ["README.md"], hubUrl, accessToken: tokens.alice }), []);
});

/* ------------------------------------------------------------------------ */
/* Shutdown                                                                  */
/* ------------------------------------------------------------------------ */

hubTest("vitrine-hub stops cleanly on SIGTERM", async () => {
  assert.ok(server && !server.exited, "the server is still running");
  server.child.kill("SIGTERM");
  const timedOut = await Promise.race([
    server.exitPromise.then(() => false),
    new Promise((r) => setTimeout(() => r(true), 10_000)),
  ]);
  assert.equal(timedOut, false, "exited within 10 s");
  assert.equal(server.exitCode, 0, `exit status (signal ${server.exitSignal})`);
});
