// bench/publish-js.mjs — the official client's side of bench/publish.sh:
// uploads every file of a folder to an existing repository with
// @huggingface/hub's uploadFiles, as a JS user would publish a folder.
//
// Copyright 2026 The Vitrine authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
//   node bench/publish-js.mjs HUB_URL TOKEN NS/NAME FOLDER
//
// Each file is given as `{ path, content: pathToFileURL(file) }`: in the
// version tests/conformance/package.json pins, uploadFiles turns a file: URL
// into a lazy FileBlob that reads from disk (createBlobs), so nothing is
// loaded up front. The client comes from tests/conformance/node_modules,
// where build-aux/setup.sh installs that version.
// Prints one JSON line: the commit id and the time spent in uploadFiles.
// Refuses any request that is not for loopback.

import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const clientEntry = path.join(here, "..", "tests", "conformance", "node_modules", "@huggingface", "hub", "dist", "index.mjs");
const { uploadFiles } = await import(pathToFileURL(clientEntry).href);

const [hubUrl, accessToken, repo, folder] = process.argv.slice(2);
if (!folder) {
  console.error("usage: node bench/publish-js.mjs HUB_URL TOKEN NS/NAME FOLDER");
  process.exit(2);
}

const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    return Promise.reject(new Error(`publish-js tried to reach ${url.origin}`));
  }
  return realFetch(input, init);
};

/** Every regular file under root, as [relative "a/b" path, absolute path]. */
async function walk(root) {
  const out = [];
  async function visit(dir, prefix) {
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${d.name}` : d.name;
      if (d.isDirectory()) await visit(path.join(dir, d.name), rel);
      else if (d.isFile()) out.push([rel, path.join(dir, d.name)]);
    }
  }
  await visit(root, "");
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const files = (await walk(path.resolve(folder))).map(([rel, abs]) => ({ path: rel, content: pathToFileURL(abs) }));
const t0 = performance.now();
const out = await uploadFiles({
  repo,
  files,
  commitTitle: `Upload ${files.length} files with @huggingface/hub`,
  hubUrl,
  accessToken,
});
const seconds = (performance.now() - t0) / 1000;
if (!out?.commit?.oid) {
  console.error("uploadFiles returned no commit");
  process.exit(1);
}
console.log(JSON.stringify({ commit: out.commit.oid, files: files.length, upload_seconds: seconds }));
