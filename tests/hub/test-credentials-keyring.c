/* test-credentials-keyring.c — a token from the keyring, asked on a worker
 * thread while the caller's main loop keeps running
 *
 * The test brings its own session bus (GTestDBus) and, on it, a small
 * Secret Service of its own in a thread of its own: it speaks the parts of
 * the org.freedesktop.Secret protocol a lookup uses (a plain session,
 * SearchItems, GetSecrets), holds one token, and answers the search late,
 * so that a lookup made on the caller's thread would stall that thread.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "../test-util.h"

#include "vitrine-credentials.h"
#include "vitrine-error.h"

#define ENDPOINT "https://hub.example.org"
/* The name a token for ENDPOINT is kept under in the keyring: a stored
 * format, which must not change from one version to the next. */
#define ENDPOINT_KEY "https://hub.example.org:443"
#define TOKEN "hf_fromthekeyring0123456789"
#define SCHEMA "io.github.vitrine.Vitrine.Token"
#define ITEM_PATH "/org/freedesktop/secrets/collection/login/1"
#define SESSION_PATH "/org/freedesktop/secrets/session/1"
/* How late the keyring answers a search. */
#define SEARCH_DELAY_MS 600

static const char service_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Secret.Service'>"
  "    <method name='OpenSession'>"
  "      <arg name='algorithm' type='s' direction='in'/>"
  "      <arg name='input' type='v' direction='in'/>"
  "      <arg name='output' type='v' direction='out'/>"
  "      <arg name='result' type='o' direction='out'/>"
  "    </method>"
  "    <method name='SearchItems'>"
  "      <arg name='attributes' type='a{ss}' direction='in'/>"
  "      <arg name='unlocked' type='ao' direction='out'/>"
  "      <arg name='locked' type='ao' direction='out'/>"
  "    </method>"
  "    <method name='GetSecrets'>"
  "      <arg name='items' type='ao' direction='in'/>"
  "      <arg name='session' type='o' direction='in'/>"
  "      <arg name='secrets' type='a{o(oayays)}' direction='out'/>"
  "    </method>"
  "    <property name='Collections' type='ao' access='read'/>"
  "  </interface>"
  "</node>";

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GMutex        lock;
  GCond         cond;
  gboolean      ready;
  /* Counted on the keyring's thread, read on the test's. */
  int           searches;
  int           secrets_sent;
} Keyring;

static GTestDBus *bus;
static Keyring keyring;

typedef struct
{
  GDBusMethodInvocation *invocation;
  gboolean               found;
} LateAnswer;

static gboolean
answer_search_cb (gpointer data)
{
  LateAnswer *answer = data;
  const char *found[] = { ITEM_PATH, NULL };
  const char *none[] = { NULL };

  g_dbus_method_invocation_return_value (answer->invocation,
                                         g_variant_new ("(^ao^ao)",
                                                        answer->found ? found : none,
                                                        none));
  g_free (answer);
  return G_SOURCE_REMOVE;
}

static void
on_method_call_cb (GDBusConnection       *connection,
                   const char            *sender,
                   const char            *object_path,
                   const char            *interface_name,
                   const char            *method_name,
                   GVariant              *parameters,
                   GDBusMethodInvocation *invocation,
                   gpointer               user_data)
{
  if (g_str_equal (method_name, "OpenSession"))
    {
      const char *algorithm = NULL;

      g_variant_get (parameters, "(&sv)", &algorithm, NULL);
      if (!g_str_equal (algorithm, "plain"))
        g_dbus_method_invocation_return_error_literal (invocation, G_DBUS_ERROR,
                                                       G_DBUS_ERROR_NOT_SUPPORTED,
                                                       "Only plain sessions here");
      else
        g_dbus_method_invocation_return_value (invocation,
                                               g_variant_new ("(vo)", g_variant_new_string (""),
                                                              SESSION_PATH));
    }
  else if (g_str_equal (method_name, "SearchItems"))
    {
      g_autoptr(GVariant) attributes = g_variant_get_child_value (parameters, 0);
      const char *endpoint = NULL;
      const char *schema = NULL;
      LateAnswer *answer = g_new0 (LateAnswer, 1);
      GSource *source;

      g_variant_lookup (attributes, "endpoint", "&s", &endpoint);
      g_variant_lookup (attributes, "xdg:schema", "&s", &schema);
      answer->invocation = invocation;
      answer->found = g_strcmp0 (endpoint, ENDPOINT_KEY) == 0 && g_strcmp0 (schema, SCHEMA) == 0;
      g_atomic_int_inc (&keyring.searches);

      source = g_timeout_source_new (SEARCH_DELAY_MS);
      g_source_set_callback (source, answer_search_cb, answer, NULL);
      g_source_attach (source, keyring.context);
      g_source_unref (source);
    }
  else if (g_str_equal (method_name, "GetSecrets"))
    {
      GVariantBuilder builder;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{o(oayays)}"));
      g_variant_builder_add (&builder, "{o(o@ay@ays)}", ITEM_PATH, SESSION_PATH,
                             g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
                             g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, TOKEN, strlen (TOKEN), 1),
                             "text/plain");
      g_atomic_int_inc (&keyring.secrets_sent);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(a{o(oayays)})", &builder));
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s here", method_name);
}

static GVariant *
on_get_property_cb (GDBusConnection  *connection,
                    const char       *sender,
                    const char       *object_path,
                    const char       *interface_name,
                    const char       *property_name,
                    GError          **error,
                    gpointer          user_data)
{
  return g_variant_new_objv (NULL, 0);
}

static const GDBusInterfaceVTable service_vtable = {
  .method_call = on_method_call_cb,
  .get_property = on_get_property_cb,
};

static gpointer
keyring_thread (gpointer data)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 owned = 0;
  guint id;

  g_main_context_push_thread_default (keyring.context);

  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  node = g_dbus_node_info_new_for_xml (service_xml, &error);
  g_assert_no_error (error);
  id = g_dbus_connection_register_object (connection, "/org/freedesktop/secrets", node->interfaces[0],
                                          &service_vtable, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Owned before the test asks anything, so the bus never tries to start
   * a keyring of its own. */
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.secrets", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &owned);
  g_assert_cmpuint (owned, ==, 1);

  g_mutex_lock (&keyring.lock);
  keyring.ready = TRUE;
  g_cond_signal (&keyring.cond);
  g_mutex_unlock (&keyring.lock);

  g_main_loop_run (keyring.loop);

  g_dbus_connection_unregister_object (connection, id);
  g_dbus_connection_close_sync (connection, NULL, NULL);
  g_main_context_pop_thread_default (keyring.context);
  return NULL;
}

static void
keyring_start (void)
{
  keyring.context = g_main_context_new ();
  keyring.loop = g_main_loop_new (keyring.context, FALSE);
  g_mutex_init (&keyring.lock);
  g_cond_init (&keyring.cond);
  keyring.thread = g_thread_new ("test-keyring", keyring_thread, NULL);

  g_mutex_lock (&keyring.lock);
  while (!keyring.ready)
    g_cond_wait (&keyring.cond, &keyring.lock);
  g_mutex_unlock (&keyring.lock);
}

static gboolean
quit_keyring_cb (gpointer data)
{
  g_main_loop_quit (keyring.loop);
  return G_SOURCE_REMOVE;
}

static void
keyring_stop (void)
{
  g_main_context_invoke (keyring.context, quit_keyring_cb, NULL);
  g_thread_join (keyring.thread);
  g_main_loop_unref (keyring.loop);
  g_main_context_unref (keyring.context);
  g_mutex_clear (&keyring.lock);
  g_cond_clear (&keyring.cond);
}

static gboolean
tick_cb (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Runs the calling thread's main context until @result is set, and says
 * how often a 10 ms timer on it fired meanwhile. */
static guint
wait_counting_ticks (GAsyncResult **result)
{
  guint ticks = 0;
  guint id = g_timeout_add (10, tick_cb, &ticks);

  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
  return ticks;
}

static void
test_keyring_resolve_async (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;
  g_autofree char *token = NULL;
  gint64 start = g_get_monotonic_time ();
  guint ticks;

  vitrine_credentials_resolve_async (ENDPOINT "/", NULL, VITRINE_RESOLVE_CONFIGURED_ONLY, NULL,
                                     test_keep_result_cb, &result);
  g_assert_null (result);
  ticks = wait_counting_ticks (&result);

  g_assert_true (vitrine_credentials_resolve_finish (result, &endpoint, &token, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (endpoint, ==, ENDPOINT);
  /* The token is the keyring's: it was asked, and late ... */
  g_assert_cmpstr (token, ==, TOKEN);
  g_assert_cmpint (g_atomic_int_get (&keyring.searches), ==, 1);
  g_assert_cmpint (g_atomic_int_get (&keyring.secrets_sent), ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, SEARCH_DELAY_MS * 1000);
  /* ... and meanwhile this thread's main loop kept running: the keyring
   * was waited for on another thread.  (On this one, the timer would not
   * have fired at all: the keyring calls run a private main context.) */
  g_assert_cmpuint (ticks, >=, SEARCH_DELAY_MS / 10 / 4);
}

static void
test_keyring_lookup_async (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *none = NULL;
  const char *source = NULL;
  int searches = g_atomic_int_get (&keyring.searches);
  guint ticks;

  vitrine_credentials_lookup_token_async (ENDPOINT, NULL, NULL, test_keep_result_cb, &result);
  g_assert_null (result);
  ticks = wait_counting_ticks (&result);
  token = vitrine_credentials_lookup_token_finish (result, &source, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN);
  g_assert_cmpstr (source, ==, "keyring");
  g_assert_cmpint (g_atomic_int_get (&keyring.searches), ==, searches + 1);
  g_assert_cmpuint (ticks, >=, SEARCH_DELAY_MS / 10 / 4);

  /* Another endpoint has nothing in the keyring (nor anywhere else). */
  vitrine_credentials_lookup_token_async ("https://other.example.org", NULL, NULL,
                                          test_keep_result_cb, &other);
  ticks = wait_counting_ticks (&other);
  none = vitrine_credentials_lookup_token_finish (other, &source, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_cmpint (g_atomic_int_get (&keyring.searches), ==, searches + 2);
  g_assert_cmpuint (ticks, >=, SEARCH_DELAY_MS / 10 / 4);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;
  int status;

  tmp = test_isolate_home ("vitrine-credentials-keyring-XXXXXX");
  g_unsetenv ("HUGGING_FACE_HUB_TOKEN");
  g_unsetenv ("HF_TOKEN_PATH");
  g_unsetenv ("HF_HOME");
  g_unsetenv ("SECRET_SERVICE_BUS_NAME");
  g_unsetenv ("SECRET_BACKEND");

  g_test_init (&argc, &argv, NULL);

  /* A bus of its own: the keyring below is seen by this test only.  It is
   * never taken down: libsecret keeps its connection to the end. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  keyring_start ();

  g_test_add_func ("/hub/credentials/keyring/resolve-async", test_keyring_resolve_async);
  g_test_add_func ("/hub/credentials/keyring/lookup-async", test_keyring_lookup_async);
  status = g_test_run ();

  keyring_stop ();
  test_rm_rf (tmp);
  return status;
}
