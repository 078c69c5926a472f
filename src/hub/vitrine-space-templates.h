/* vitrine-space-templates.h — the files of a new Space that shows a model
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * VitrineSpaceTemplate:
 * @VITRINE_SPACE_TEMPLATE_STATIC: a page that describes the model, no code
 * @VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION: a Gradio app that tells a
 *   text's sentiment (or other label)
 * @VITRINE_SPACE_TEMPLATE_TEXT_GENERATION: a Gradio app that goes on from
 *   a prompt
 * @VITRINE_SPACE_TEMPLATE_IMAGE_CLASSIFICATION: a Gradio app that labels
 *   an image
 *
 * What a new Space does with its model.
 */
typedef enum
{
  VITRINE_SPACE_TEMPLATE_STATIC,
  VITRINE_SPACE_TEMPLATE_TEXT_CLASSIFICATION,
  VITRINE_SPACE_TEMPLATE_TEXT_GENERATION,
  VITRINE_SPACE_TEMPLATE_IMAGE_CLASSIFICATION,
} VitrineSpaceTemplate;

#define VITRINE_SPACE_TEMPLATE_COUNT (VITRINE_SPACE_TEMPLATE_IMAGE_CLASSIFICATION + 1)

/* One file of a new Space: its path in the Space, and what it holds. */
typedef struct
{
  char *path;
  char *contents;
} VitrineSpaceFile;

/* What a template says about the model: everything but @model_id may be
 * NULL. */
typedef struct
{
  const char *model_id;
  const char *title;          /* else one made from the model's name */
  const char *pipeline_tag;
  JsonObject *card_data;      /* the model card's metadata */
  const char *card_body;      /* the model card's Markdown */
  const char *model_url;      /* where people can see the model */
} VitrineSpaceModel;

VitrineSpaceTemplate  vitrine_space_template_for_pipeline (const char               *pipeline_tag);
const char           *vitrine_space_template_get_sdk      (VitrineSpaceTemplate      template_);
const char           *vitrine_space_template_get_app_file (VitrineSpaceTemplate      template_);
const char           *vitrine_space_template_get_label    (VitrineSpaceTemplate      template_);
char                 *vitrine_space_template_title        (const char               *model_id);
char                 *vitrine_space_template_default_id   (const char               *owner,
                                                           const char               *model_id);
GPtrArray            *vitrine_space_template_render       (VitrineSpaceTemplate      template_,
                                                           const VitrineSpaceModel  *model,
                                                           GError                  **error);
gboolean              vitrine_space_files_write           (GPtrArray                *files,
                                                           const char               *folder,
                                                           GError                  **error);
VitrineSpaceFile     *vitrine_space_file_new              (const char               *path,
                                                           const char               *contents);
void                  vitrine_space_file_free             (VitrineSpaceFile         *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitrineSpaceFile, vitrine_space_file_free)

G_END_DECLS
