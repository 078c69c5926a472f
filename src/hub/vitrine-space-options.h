/* vitrine-space-options.h — how a Space is to be run on this computer
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VITRINE_TYPE_SPACE_OPTIONS (vitrine_space_options_get_type ())

/* Read by a VitrineSpaceRun each time it starts; every one is also a
 * read-write property of the same name in kebab case:
 *
 * - "endpoint" (string, nullable): the HF_ENDPOINT the Space's app gets.
 *   Default: the endpoint of the client a Space is fetched with; a folder
 *   gets none unless it is set (the UI sets the current account's).
 * - "token" (string, nullable) and "share-token" (boolean, FALSE): the
 *   app gets HF_TOKEN=token only when "share-token" is set, which the
 *   caller does for the user's own Spaces or with the user's consent.
 * - "system-spaces" (boolean, FALSE): set SYSTEM=spaces, as on the Hub
 *   (changes Gradio's OAuth behaviour: only when the user asks).
 * - "python" (string, nullable): the interpreter that makes the Space's
 *   environment; default: `python3.X` for the Space's python_version when
 *   it is on PATH, else `python3`.
 * - "install-requirements" (boolean, TRUE): pip-install
 *   pre-requirements.txt then requirements.txt into the environment.  pip
 *   reads its own settings as always (PIP_INDEX_URL, PIP_FIND_LINKS, its
 *   configuration files).
 * - "keep-environment" (boolean, TRUE): keep the Space's environment when
 *   the run stops, so the next start reuses it; FALSE removes it.
 * - "port" (uint, 0): the loopback port to serve on; 0 picks a free one.
 * - "watch" (boolean, FALSE): for a folder, watch its files: a static
 *   Space emits VitrineSpaceRun::files-changed when they change; an app is
 *   restarted first, and the signal comes once it answers again.
 * - "container-engine" (string, "auto"): for `sdk: docker`, "auto" uses
 *   podman or docker when one works, "none" never does, anything else
 *   names the program to use.
 * - "revision" (string, nullable): the revision of a Space to fetch
 *   (default: main).
 * - "space-id" (string, nullable): for a folder, the SPACE_ID its app
 *   sees; default `local/FOLDER-NAME`.
 */
G_DECLARE_FINAL_TYPE (VitrineSpaceOptions, vitrine_space_options, VITRINE, SPACE_OPTIONS, GObject)

VitrineSpaceOptions *vitrine_space_options_new                      (void);
VitrineSpaceOptions *vitrine_space_options_copy                     (VitrineSpaceOptions *self);

const char          *vitrine_space_options_get_endpoint             (VitrineSpaceOptions *self);
void                 vitrine_space_options_set_endpoint             (VitrineSpaceOptions *self,
                                                                     const char          *endpoint);
const char          *vitrine_space_options_get_token                (VitrineSpaceOptions *self);
void                 vitrine_space_options_set_token                (VitrineSpaceOptions *self,
                                                                     const char          *token);
gboolean             vitrine_space_options_get_share_token          (VitrineSpaceOptions *self);
void                 vitrine_space_options_set_share_token          (VitrineSpaceOptions *self,
                                                                     gboolean             share_token);
gboolean             vitrine_space_options_get_system_spaces        (VitrineSpaceOptions *self);
void                 vitrine_space_options_set_system_spaces        (VitrineSpaceOptions *self,
                                                                     gboolean             system_spaces);
const char          *vitrine_space_options_get_python               (VitrineSpaceOptions *self);
void                 vitrine_space_options_set_python               (VitrineSpaceOptions *self,
                                                                     const char          *python);
gboolean             vitrine_space_options_get_install_requirements (VitrineSpaceOptions *self);
void                 vitrine_space_options_set_install_requirements (VitrineSpaceOptions *self,
                                                                     gboolean             install);
gboolean             vitrine_space_options_get_keep_environment     (VitrineSpaceOptions *self);
void                 vitrine_space_options_set_keep_environment     (VitrineSpaceOptions *self,
                                                                     gboolean             keep);
guint                vitrine_space_options_get_port                 (VitrineSpaceOptions *self);
void                 vitrine_space_options_set_port                 (VitrineSpaceOptions *self,
                                                                     guint                port);
gboolean             vitrine_space_options_get_watch                (VitrineSpaceOptions *self);
void                 vitrine_space_options_set_watch                (VitrineSpaceOptions *self,
                                                                     gboolean             watch);
const char          *vitrine_space_options_get_container_engine     (VitrineSpaceOptions *self);
void                 vitrine_space_options_set_container_engine     (VitrineSpaceOptions *self,
                                                                     const char          *engine);
const char          *vitrine_space_options_get_revision             (VitrineSpaceOptions *self);
void                 vitrine_space_options_set_revision             (VitrineSpaceOptions *self,
                                                                     const char          *revision);
const char          *vitrine_space_options_get_space_id             (VitrineSpaceOptions *self);
void                 vitrine_space_options_set_space_id             (VitrineSpaceOptions *self,
                                                                     const char          *space_id);

G_END_DECLS
