/* vitrine-demo-view.h — a web view for one demo, treated as untrusted
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

G_BEGIN_DECLS

#define VITRINE_TYPE_DEMO_VIEW (vitrine_demo_view_get_type ())

G_DECLARE_FINAL_TYPE (VitrineDemoView, vitrine_demo_view, VITRINE, DEMO_VIEW, GtkWidget)

VitrineDemoView      *vitrine_demo_view_new                 (void);
WebKitWebView        *vitrine_demo_view_get_web_view        (VitrineDemoView *self);
WebKitNetworkSession *vitrine_demo_view_get_network_session (VitrineDemoView *self);
gboolean              vitrine_demo_view_load                (VitrineDemoView *self,
                                                             const char      *uri);
const char           *vitrine_demo_view_get_address         (VitrineDemoView *self);
void                  vitrine_demo_view_reload              (VitrineDemoView *self);
char                 *vitrine_demo_view_dup_origin          (const char      *uri);

G_END_DECLS
