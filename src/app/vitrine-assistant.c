/* vitrine-assistant.c — steps listed at the side, one page at a time, Back
 * and Next in a bottom bar
 *
 * The assistant owns the list of steps, Back and Next (or the finishing
 * button on the last step) and their shortcuts (Ctrl+Return, Alt+Left);
 * and Close; the pages only say whether they are complete and why not
 * (VitrineAssistantPage).  Each step in the list shows its number, a
 * check mark once complete, a warning with the reason when it has a
 * problem the user has seen, or a spinner while it works.  A step can be
 * reached from the list when every step before it is complete.  The
 * finishing button stays off until every step is, with the first
 * reason in its tooltip and beside it.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-accessible.h"
#include "vitrine-assistant.h"

struct _VitrineAssistant
{
  GtkWidget      parent_instance;

  GPtrArray     *pages;      /* VitrineAssistantPage, in order */
  GPtrArray     *rows;       /* their GtkListBoxRow */
  GHashTable    *visited;    /* pages shown at least once */
  int            current;
  char          *finish_label;
  gboolean       updating;

  /* Template widgets */
  AdwLeaflet    *leaflet;
  GtkWidget     *content;
  GtkLabel      *step_label;
  GtkListBox    *step_list;
  GtkStack      *stack;
  GtkButton     *back_button;
  GtkButton     *next_button;
  GtkLabel      *problem_label;
};

G_DEFINE_FINAL_TYPE (VitrineAssistant, vitrine_assistant, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CURRENT_PAGE,
  PROP_FINISH_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISH,
  CANCEL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
vitrine_assistant_new (void)
{
  return g_object_new (VITRINE_TYPE_ASSISTANT, NULL);
}

static VitrineAssistantPage *
page_at (VitrineAssistant *self,
         int               index)
{
  if (index < 0 || (guint) index >= self->pages->len)
    return NULL;
  return g_ptr_array_index (self->pages, index);
}

/* The first step that is not complete, or -1. */
static int
first_incomplete (VitrineAssistant *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    if (!vitrine_assistant_page_get_complete (page_at (self, i)))
      return i;
  return -1;
}

static gboolean
is_last (VitrineAssistant *self)
{
  return self->current == (int) self->pages->len - 1;
}

/**
 * vitrine_assistant_dup_finish_problem:
 *
 * Returns: (transfer full) (nullable): why the last step's button is off:
 *   the first step that is not complete, and its reason
 */
char *
vitrine_assistant_dup_finish_problem (VitrineAssistant *self)
{
  int i;
  VitrineAssistantPage *page;
  const char *problem;

  g_return_val_if_fail (VITRINE_IS_ASSISTANT (self), NULL);

  if ((i = first_incomplete (self)) < 0)
    return NULL;
  page = page_at (self, i);
  problem = vitrine_assistant_page_get_problem (page);
  /* Translators: the first %s is a step of the publish wizard, such as
   * “License”; the second says what it lacks. */
  return g_strdup_printf (_("%s: %s"), vitrine_assistant_page_get_title (page),
                          problem != NULL ? problem : _("not finished yet"));
}

/* ---- The list of steps ------------------------------------------------ */

static void
update_row (VitrineAssistant *self,
            guint             index)
{
  VitrineAssistantPage *page = page_at (self, index);
  GtkWidget *row = g_ptr_array_index (self->rows, index);
  GtkStack *marker = g_object_get_data (G_OBJECT (row), "marker");
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "title");
  GtkLabel *problem_label = g_object_get_data (G_OBJECT (row), "problem");
  gboolean complete = vitrine_assistant_page_get_complete (page);
  gboolean waiting = vitrine_assistant_page_get_waiting (page);
  const char *problem = vitrine_assistant_page_get_problem (page);
  gboolean current = (int) index == self->current;
  gboolean seen = g_hash_table_contains (self->visited, page);
  gboolean show_problem = !complete && !waiting && problem != NULL && seen && !current;
  int blocking = first_incomplete (self);
  g_autofree char *name = NULL;
  const char *state;

  gtk_label_set_label (title, vitrine_assistant_page_get_title (page));
  if (waiting)
    {
      gtk_stack_set_visible_child_name (marker, "waiting");
      /* Translators: the state of a step of the publish wizard, read by screen readers. */
      state = _("working");
    }
  else if (show_problem)
    {
      gtk_stack_set_visible_child_name (marker, "problem");
      state = problem;
    }
  else if (complete && !current && seen)
    {
      gtk_stack_set_visible_child_name (marker, "done");
      state = _("done");
    }
  else
    {
      gtk_stack_set_visible_child_name (marker, "number");
      state = current ? _("current step") : _("not done yet");
    }
  gtk_label_set_label (problem_label, show_problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (problem_label), show_problem);
  gtk_widget_set_sensitive (row, blocking < 0 || (int) index <= blocking || (int) index <= self->current);

  /* Translators: read by screen readers for a step of the publish wizard:
   * “Step 2 of 5, Model Card: done”. */
  name = g_strdup_printf (_("Step %u of %u, %s: %s"), index + 1, self->pages->len,
                          vitrine_assistant_page_get_title (page), state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
update_buttons (VitrineAssistant *self)
{
  VitrineAssistantPage *page = page_at (self, self->current);
  g_autofree char *problem = NULL;
  gboolean can_go_on;

  if (page == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back", FALSE);
      return;
    }
  if (is_last (self))
    {
      problem = vitrine_assistant_dup_finish_problem (self);
      can_go_on = problem == NULL;
      gtk_button_set_label (self->next_button, self->finish_label != NULL ? self->finish_label : _("_Finish"));
    }
  else
    {
      can_go_on = vitrine_assistant_page_get_complete (page);
      if (!can_go_on)
        problem = g_strdup (vitrine_assistant_page_get_problem (page));
      gtk_button_set_label (self->next_button, _("_Next"));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", can_go_on);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back", self->current > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), problem);
  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
  /* The button's name stays its label; what keeps it off is its description. */
  if (problem != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  vitrine_accessible_repair (GTK_WIDGET (self->next_button));
}

/* Folded (a narrow window), the list of steps goes: the bottom bar says
 * which step this is. */
static void
update_step_label (VitrineAssistant *self)
{
  VitrineAssistantPage *page = page_at (self, self->current);
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  g_autofree char *text = NULL;

  if (page != NULL)
    /* Translators: the step shown, on a narrow window: “2/5 Model Card”. */
    text = g_strdup_printf (_("%u/%u %s"), self->current + 1, self->pages->len,
                            vitrine_assistant_page_get_title (page));
  gtk_label_set_label (self->step_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->step_label), folded);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), !folded);
  if (folded)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_folded_cb (VitrineAssistant *self)
{
  update_step_label (self);
}

static void
update (VitrineAssistant *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    update_row (self, i);
  update_buttons (self);
  update_step_label (self);
}

static void
on_page_changed_cb (VitrineAssistant *self)
{
  update (self);
}

static GtkWidget *
make_row (VitrineAssistant *self,
          guint             index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *marker = gtk_stack_new ();
  GtkWidget *number;
  GtkWidget *done = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *problem = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *reason = gtk_label_new (NULL);
  g_autofree char *digits = g_strdup_printf ("%u", index + 1);

  number = gtk_label_new (digits);
  gtk_widget_add_css_class (number, "step-number");
  gtk_widget_add_css_class (done, "success");
  gtk_widget_add_css_class (problem, "warning");
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_stack_add_named (GTK_STACK (marker), number, "number");
  gtk_stack_add_named (GTK_STACK (marker), done, "done");
  gtk_stack_add_named (GTK_STACK (marker), problem, "problem");
  gtk_stack_add_named (GTK_STACK (marker), spinner, "waiting");
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_widget_set_size_request (marker, 20, 20);
  /* The row's name says all of it. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (reason), 24);
  gtk_widget_add_css_class (reason, "caption");
  gtk_widget_add_css_class (reason, "warning");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), reason);
  gtk_box_append (GTK_BOX (box), marker);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "marker", marker);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "problem", reason);
  return row;
}

/* ---- Moving ----------------------------------------------------------- */

static void
show_page (VitrineAssistant *self,
           int               index)
{
  VitrineAssistantPage *page = page_at (self, index);

  g_return_if_fail (page != NULL);

  self->current = index;
  g_hash_table_add (self->visited, page);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
  self->updating = TRUE;
  gtk_list_box_select_row (self->step_list, g_ptr_array_index (self->rows, index));
  self->updating = FALSE;
  update (self);
  vitrine_assistant_page_shown (page);
  /* Keyboard users land in the page, not on the button they pressed
   * (unless the page chose where, as the License step's search). */
  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (page)))
        gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
}

/**
 * vitrine_assistant_next:
 *
 * Goes on to the next step, or, on the last one, emits
 * #VitrineAssistant::finish, when the steps allow it.
 *
 * Returns: whether it did
 */
gboolean
vitrine_assistant_next (VitrineAssistant *self)
{
  g_return_val_if_fail (VITRINE_IS_ASSISTANT (self), FALSE);

  if (page_at (self, self->current) == NULL)
    return FALSE;
  if (is_last (self))
    {
      if (first_incomplete (self) >= 0)
        return FALSE;
      g_signal_emit (self, signals[FINISH], 0);
      return TRUE;
    }
  if (!vitrine_assistant_page_get_complete (page_at (self, self->current)))
    return FALSE;
  show_page (self, self->current + 1);
  return TRUE;
}

gboolean
vitrine_assistant_back (VitrineAssistant *self)
{
  g_return_val_if_fail (VITRINE_IS_ASSISTANT (self), FALSE);

  if (self->current <= 0)
    return FALSE;
  show_page (self, self->current - 1);
  return TRUE;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vitrine_assistant_next (VITRINE_ASSISTANT (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vitrine_assistant_back (VITRINE_ASSISTANT (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[CANCEL], 0);
}

static void
on_step_activated_cb (VitrineAssistant *self,
                      GtkListBoxRow    *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->updating || !gtk_widget_get_sensitive (GTK_WIDGET (row)))
    return;
  show_page (self, index);
}

/* ---- Public API ------------------------------------------------------- */

void
vitrine_assistant_append_page (VitrineAssistant     *self,
                               VitrineAssistantPage *page)
{
  GtkWidget *row;

  g_return_if_fail (VITRINE_IS_ASSISTANT (self));
  g_return_if_fail (VITRINE_IS_ASSISTANT_PAGE (page));

  g_ptr_array_add (self->pages, g_object_ref (page));
  gtk_stack_add_child (self->stack, GTK_WIDGET (page));
  row = make_row (self, self->pages->len - 1);
  g_ptr_array_add (self->rows, row);
  gtk_list_box_append (self->step_list, row);
  g_signal_connect_object (page, "notify::complete", G_CALLBACK (on_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::title", G_CALLBACK (on_page_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->current < 0)
    show_page (self, 0);
  else
    update (self);
}

guint
vitrine_assistant_get_n_pages (VitrineAssistant *self)
{
  g_return_val_if_fail (VITRINE_IS_ASSISTANT (self), 0);
  return self->pages->len;
}

/**
 * vitrine_assistant_get_page:
 *
 * Returns: (transfer none) (nullable): the page at @index
 */
VitrineAssistantPage *
vitrine_assistant_get_page (VitrineAssistant *self,
                            guint             index)
{
  g_return_val_if_fail (VITRINE_IS_ASSISTANT (self), NULL);
  return page_at (self, index);
}

/**
 * vitrine_assistant_get_current_page:
 *
 * Returns: (transfer none) (nullable): the page shown
 */
VitrineAssistantPage *
vitrine_assistant_get_current_page (VitrineAssistant *self)
{
  g_return_val_if_fail (VITRINE_IS_ASSISTANT (self), NULL);
  return page_at (self, self->current);
}

/**
 * vitrine_assistant_set_current_page:
 *
 * Shows @page, whatever the steps before it say: for the callers that
 * know they are complete (a folder published before opens at Review).
 * Every step before it counts as seen.
 */
void
vitrine_assistant_set_current_page (VitrineAssistant     *self,
                                    VitrineAssistantPage *page)
{
  guint index;

  g_return_if_fail (VITRINE_IS_ASSISTANT (self));
  g_return_if_fail (g_ptr_array_find (self->pages, page, &index));

  for (guint i = 0; i < index; i++)
    g_hash_table_add (self->visited, page_at (self, i));
  show_page (self, index);
}

/**
 * vitrine_assistant_reset:
 *
 * Starts again at the first step, as if none had been seen.
 */
void
vitrine_assistant_reset (VitrineAssistant *self)
{
  g_return_if_fail (VITRINE_IS_ASSISTANT (self));

  g_hash_table_remove_all (self->visited);
  if (self->pages->len > 0)
    show_page (self, 0);
}

/* ---- Object ----------------------------------------------------------- */

static void
vitrine_assistant_dispose (GObject *object)
{
  VitrineAssistant *self = VITRINE_ASSISTANT (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), VITRINE_TYPE_ASSISTANT);
  /* The template's top widget has no id: it goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->pages, 0);
  g_hash_table_remove_all (self->visited);

  G_OBJECT_CLASS (vitrine_assistant_parent_class)->dispose (object);
}

static void
vitrine_assistant_finalize (GObject *object)
{
  VitrineAssistant *self = VITRINE_ASSISTANT (object);

  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->visited);
  g_free (self->finish_label);

  G_OBJECT_CLASS (vitrine_assistant_parent_class)->finalize (object);
}

static void
vitrine_assistant_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VitrineAssistant *self = VITRINE_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_CURRENT_PAGE:
      g_value_set_object (value, page_at (self, self->current));
      break;
    case PROP_FINISH_LABEL:
      g_value_set_string (value, self->finish_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_assistant_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VitrineAssistant *self = VITRINE_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_FINISH_LABEL:
      g_free (self->finish_label);
      self->finish_label = g_value_dup_string (value);
      update_buttons (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_assistant_class_init (VitrineAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitrine_assistant_dispose;
  object_class->finalize = vitrine_assistant_finalize;
  object_class->get_property = vitrine_assistant_get_property;
  object_class->set_property = vitrine_assistant_set_property;

  properties[PROP_CURRENT_PAGE] =
    g_param_spec_object ("current-page", NULL, NULL, VITRINE_TYPE_ASSISTANT_PAGE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * VitrineAssistant:finish-label:
   *
   * The label, with a mnemonic, of the last step's button.
   */
  properties[PROP_FINISH_LABEL] =
    g_param_spec_string ("finish-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VitrineAssistant::finish:
   *
   * The user pressed the last step's button with every step complete.
   */
  signals[FINISH] = g_signal_new ("finish", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * VitrineAssistant::cancel:
   *
   * The user closes the assistant.
   */
  signals[CANCEL] = g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "assistant");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/vitrine-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, VitrineAssistant, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VitrineAssistant, content);
  gtk_widget_class_bind_template_child (widget_class, VitrineAssistant, step_label);
  gtk_widget_class_bind_template_child (widget_class, VitrineAssistant, step_list);
  gtk_widget_class_bind_template_child (widget_class, VitrineAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, VitrineAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, VitrineAssistant, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_step_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_cb);

  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assistant.cancel", NULL, cancel_action);
}

static void
vitrine_assistant_init (VitrineAssistant *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  static const struct {
    guint           key;
    GdkModifierType mods;
    const char     *action;
  } keys[] = {
    { GDK_KEY_Return, GDK_CONTROL_MASK, "assistant.next" },
    { GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "assistant.next" },
    { GDK_KEY_Left, GDK_ALT_MASK, "assistant.back" },
  };

  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  self->visited = g_hash_table_new (NULL, NULL);
  self->current = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Before the focused widget sees them: a text view would take
   * Ctrl+Return as a new line.  Managed by the window, so they work
   * wherever the focus is (the header bar's buttons included) while the
   * assistant shows. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  update_buttons (self);
  vitrine_accessible_repair (GTK_WIDGET (self));
}
