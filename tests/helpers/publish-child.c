/* publish-child.c — a publish through the queue, in a process a test can
 * kill
 *
 *   publish-child ENDPOINT TOKEN FOLDER REPO
 *
 * Records and runs one publish job as the application would (the records
 * go where XDG_DATA_HOME says), and exits 0 once it is done.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "vitrine-publish-queue.h"

static void
keep_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VitrinePublishQueue) queue = NULL;
  g_autoptr(VitrinePublishJob) job = NULL;
  g_autoptr(VitrineClient) client = NULL;

  if (argc != 5)
    {
      fprintf (stderr, "usage: publish-child ENDPOINT TOKEN FOLDER REPO\n");
      return 2;
    }

  queue = vitrine_publish_queue_new (NULL);
  client = vitrine_client_new (argv[1], argv[2]);
  job = vitrine_publish_job_new (argv[3], argv[1], VITRINE_REPO_TYPE_MODEL, argv[4]);
  vitrine_publish_job_set_message (job, "Published by a child");
  vitrine_publish_job_set_client (job, client);
  vitrine_publish_queue_add (queue, job);
  vitrine_publish_job_start (job);
  printf ("%s\n", vitrine_publish_job_get_id (job));
  fflush (stdout);

  while (!vitrine_publish_job_is_finished (job))
    g_main_context_iteration (NULL, TRUE);
  {
    g_autoptr(GAsyncResult) flushed = NULL;

    vitrine_publish_queue_flush_async (queue, NULL, keep_cb, &flushed);
    while (flushed == NULL)
      g_main_context_iteration (NULL, TRUE);
  }
  if (vitrine_publish_job_get_state (job) != VITRINE_PUBLISH_STATE_DONE)
    {
      fprintf (stderr, "publish-child: %s\n", vitrine_publish_job_get_error_message (job));
      return 1;
    }
  return 0;
}
