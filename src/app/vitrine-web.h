/* vitrine-web.h — the application's one WebKit context and session
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

/* Pages that show a folder's card load with this base: relative images
 * resolve into the folder. */
#define VITRINE_FOLDER_SCHEME "vitrine-folder"
#define VITRINE_FOLDER_BASE   VITRINE_FOLDER_SCHEME ":///"

WebKitWebContext     *vitrine_web_context_new         (void);
WebKitNetworkSession *vitrine_web_network_session_new (void);
WebKitWebContext     *vitrine_web_get_context         (void);
WebKitNetworkSession *vitrine_web_get_session         (void);
WebKitWebView        *vitrine_web_preview_new         (void);
void                  vitrine_web_set_folder          (WebKitWebView *view,
                                                       const char    *folder);
void                  vitrine_web_shutdown            (void);

G_END_DECLS
