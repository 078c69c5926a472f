/* vitrine-cli-private.h — what the command table and the commands share
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vitrine-client.h"
#include "vitrine-repo-id.h"

G_BEGIN_DECLS

/* Every option of every command, as parsed from the command line. */
typedef struct
{
  char            *endpoint;
  char            *token;
  char            *type_s;
  char            *revision;
  char            *message;
  char            *branch;
  char            *sdk;
  char            *to;
  char            *from;
  char           **includes;
  char           **excludes;
  char           **include_secrets;
  char            *license;
  char           **languages;
  char            *from_folder;
  gboolean         private_;
  gboolean         pr;
  gboolean         keep_remote;
  gboolean         replace_card;
  gboolean         stat;
  gboolean         help;
  int              parallel;
  int              port;
  gboolean         share_token;
  gboolean         system_spaces;
  char            *python;
  gboolean         watch;
  VitrineRepoType  type;
} VitrineCliOptions;

/* A command: its arguments (without options) are checked against its
 * usage before it runs, and a repository argument is already a plain
 * NAMESPACE/NAME with its type in @o->type.  Returns the exit status. */
typedef int (*VitrineCliCommandFunc) (VitrineCliOptions  *o,
                                      char              **args);

int            _vitrine_cli_fail         (const GError       *error,
                                          const char         *what);
int            _vitrine_cli_fail_publish (const GError       *error);
VitrineClient *_vitrine_cli_make_client  (VitrineCliOptions  *o,
                                          GError            **error);

int            _vitrine_cli_login        (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_whoami       (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_create       (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_upload       (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_download     (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_log          (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_diff         (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_restore      (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_refs         (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_tag          (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_branch       (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_delete       (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_card_new     (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_card_validate (VitrineCliOptions *o,
                                           char             **args);
int            _vitrine_cli_check_id     (VitrineCliOptions  *o,
                                          char              **args);
int            _vitrine_cli_space_run    (VitrineCliOptions  *o,
                                          char              **args);

G_END_DECLS
