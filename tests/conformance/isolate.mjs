// isolate.mjs — gives a test file a home and XDG folders of its own
//
// Copyright 2026 The Vitrine authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Imported first by every test file, before anything reads the
// environment: HOME, the XDG folders (config, cache, data, state, runtime)
// and TMPDIR point into a new temporary folder, which goes when the
// process exits, and the Hub's own variables are forgotten.  What the file
// starts (vitrine-hub, vitrine-cli) inherits all of it, so a test never
// reads or writes the user's tokens, caches, drafts or discovery file,
// whether it runs under build-aux/dev or a plain `meson test`.
// VITRINE_CONFORMANCE_KEEP=1 keeps the folder (its path is printed).

import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const privateRoot = mkdtempSync(path.join(tmpdir(), "vitrine-node-test-"));

const folders = {
  HOME: "home",
  XDG_CONFIG_HOME: "config",
  XDG_CACHE_HOME: "cache",
  XDG_DATA_HOME: "data",
  XDG_STATE_HOME: "state",
  XDG_RUNTIME_DIR: "runtime",
  TMPDIR: "tmp",
};
for (const [name, folder] of Object.entries(folders)) {
  const dir = path.join(privateRoot, folder);
  mkdirSync(dir, { mode: 0o700 });
  process.env[name] = dir;
}
for (const name of ["HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_TOKEN_PATH", "HF_HOME", "HF_HUB_CACHE", "HF_ENDPOINT"]) {
  delete process.env[name];
}

process.on("exit", () => {
  if (process.env.VITRINE_CONFORMANCE_KEEP) {
    console.error(`kept ${privateRoot}`);
  } else {
    rmSync(privateRoot, { recursive: true, force: true });
  }
});
