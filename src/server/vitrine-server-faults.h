/* vitrine-server-faults.h — faults injected on purpose, for tests only
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vitrine-server-request.h"

G_BEGIN_DECLS

/* Where a hub started with VITRINE_HUB_FAULTS reports what it injected. */
#define VITRINE_FAULTS_PATH "/api/-/faults"

typedef struct _VitrineFaults VitrineFaults;

VitrineFaults *vitrine_faults_new            (const char     *spec);
void           vitrine_faults_free           (VitrineFaults  *faults);
gboolean       vitrine_faults_inject_status  (VitrineFaults  *faults,
                                              VitrineRequest *req);
void           vitrine_faults_delay          (VitrineFaults  *faults,
                                              VitrineRequest *req);
gboolean       vitrine_faults_drop_upload    (VitrineFaults  *faults,
                                              VitrineRequest *req,
                                              gsize           len);
void           vitrine_faults_hold           (VitrineFaults  *faults,
                                              VitrineRequest *req);
void           vitrine_faults_note_answer    (VitrineFaults  *faults,
                                              VitrineRequest *req);
JsonNode      *vitrine_faults_report         (VitrineFaults  *faults);

void           vitrine_route_faults          (VitrineRequest *req);

G_END_DECLS
