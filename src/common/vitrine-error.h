/* vitrine-error.h
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vitrine-common-enums.h"

G_BEGIN_DECLS

#define VITRINE_ERROR (vitrine_error_quark ())

/**
 * VitrineErrorCode:
 *
 * What went wrong, in the words the rest of Vitrine branches on.  Errors
 * that come from a Hub-compatible server also keep the HTTP status, the
 * server's `X-Error-Code` and its message, see vitrine_error_get_status().
 */
typedef enum
{
  VITRINE_ERROR_FAILED,
  VITRINE_ERROR_INVALID_ARGUMENT,
  VITRINE_ERROR_INVALID_PATH,
  VITRINE_ERROR_INVALID_REPO_ID,
  VITRINE_ERROR_NOT_FOUND,
  VITRINE_ERROR_REPO_NOT_FOUND,
  VITRINE_ERROR_REVISION_NOT_FOUND,
  VITRINE_ERROR_ENTRY_NOT_FOUND,
  VITRINE_ERROR_GATED,
  VITRINE_ERROR_UNAUTHORIZED,
  VITRINE_ERROR_FORBIDDEN,
  VITRINE_ERROR_CONFLICT,
  VITRINE_ERROR_PRECONDITION_FAILED,
  VITRINE_ERROR_TOO_LARGE,
  VITRINE_ERROR_RATE_LIMITED,
  VITRINE_ERROR_SERVER,
  VITRINE_ERROR_PROTOCOL,
  /* The model card on the Hub changed since it was last published from
   * here: publishing would replace someone's edit. */
  VITRINE_ERROR_CARD_CHANGED,
} VitrineErrorCode;

GQuark      vitrine_error_quark          (void);
GError     *vitrine_error_new_from_response (guint        status,
                                             const char  *x_error_code,
                                             const char  *x_error_message,
                                             const char  *content_type,
                                             GBytes      *body);
GError     *vitrine_error_new_with_status (VitrineErrorCode  code,
                                          guint             status,
                                          const char       *hub_code,
                                          const char       *message);
guint       vitrine_error_get_status     (const GError *error);
const char *vitrine_error_get_hub_code   (const GError *error);
const char *vitrine_error_get_server_message (const GError *error);
VitrineErrorCode vitrine_error_code_for_status (guint       status,
                                                const char *x_error_code);

G_END_DECLS
