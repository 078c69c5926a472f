/* vitrine-license.c — the Hub's licenses, each with what it allows
 *
 * For the License step: one VitrineLicense per id of the Hub's list
 * (vitrine_card_licenses(), in src/common), with its usual name and one
 * plain, translated sentence of ours on what it lets others do.  These
 * sentences are a guide for choosing, not legal advice: the license's own
 * text decides.
 *
 * Copyright 2026 The Vitrine authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "vitrine-card-rules.h"
#include "vitrine-license.h"

typedef struct
{
  const char *id;
  const char *name;
  gboolean    name_translated;
  const char *description;
} Known;

static const Known known[] = {
  { "apache-2.0", "Apache License 2.0", FALSE,
    N_("Anyone may use, change and share it, also commercially, if they keep its notices and say what they changed; it also grants patent rights.") },
  { "mit", "MIT License", FALSE,
    N_("Anyone may use, change and share it, also commercially, if they keep the copyright notice.") },
  { "openrail", "Open RAIL", FALSE,
    N_("Free to use, change and share, also commercially, except for the harmful uses the license lists, which bind every copy.") },
  { "bigscience-openrail-m", "BigScience OpenRAIL-M", FALSE,
    N_("Free to use, change and share the model, also commercially, except for the harmful uses it lists, which bind every copy and derived model.") },
  { "creativeml-openrail-m", "CreativeML OpenRAIL-M", FALSE,
    N_("Free to use, change and share the model, also commercially, except for the harmful uses it lists; people own the images they make with it.") },
  { "bigscience-bloom-rail-1.0", "BigScience BLOOM RAIL 1.0", FALSE,
    N_("Free to use and share the model and models derived from it, also commercially, except for the harmful uses it lists.") },
  { "bigcode-openrail-m", "BigCode OpenRAIL-M", FALSE,
    N_("Free to use, change and share the code model, also commercially, except for the harmful uses it lists.") },
  { "afl-3.0", "Academic Free License 3.0", FALSE,
    N_("Anyone may use, change and share it, also commercially, with credit to the authors; it also grants patent rights.") },
  { "artistic-2.0", "Artistic License 2.0", FALSE,
    N_("Free to use and share; changed versions must be marked as such or their changes made available, so the original stays recognizable.") },
  { "bsl-1.0", "Boost Software License 1.0", FALSE,
    N_("Anyone may use, change and share it, also commercially; copies of the source must keep the license text.") },
  { "bsd", "BSD License", FALSE,
    N_("Anyone may use, change and share it, also commercially, if they keep the copyright notice; the exact terms depend on the version.") },
  { "bsd-2-clause", "BSD 2-Clause License", FALSE,
    N_("Anyone may use, change and share it, also commercially, if they keep the copyright notice and its disclaimer.") },
  { "bsd-3-clause", "BSD 3-Clause License", FALSE,
    N_("Anyone may use, change and share it, also commercially, if they keep the copyright notice and do not use the authors’ names to promote their work.") },
  { "bsd-3-clause-clear", "BSD 3-Clause Clear License", FALSE,
    N_("Anyone may use, change and share it, also commercially, if they keep the copyright notice; it says plainly that it grants no patent rights.") },
  { "c-uda", "Computational Use of Data Agreement", FALSE,
    N_("The data may be used for computational analysis, such as training models, and what comes out of that may be shared freely.") },
  { "cc", "Creative Commons", FALSE,
    N_("A Creative Commons license without a version or kind: what it allows depends on the one meant.") },
  { "cc0-1.0", "Creative Commons Zero 1.0", FALSE,
    N_("Given to the public domain: anyone may do anything with it, without even giving credit.") },
  { "cc-by-2.0", "Creative Commons Attribution 2.0", FALSE,
    N_("Anyone may share and adapt it, also commercially, if they give credit and say what they changed.") },
  { "cc-by-2.5", "Creative Commons Attribution 2.5", FALSE,
    N_("Anyone may share and adapt it, also commercially, if they give credit and say what they changed.") },
  { "cc-by-3.0", "Creative Commons Attribution 3.0", FALSE,
    N_("Anyone may share and adapt it, also commercially, if they give credit and say what they changed.") },
  { "cc-by-4.0", "Creative Commons Attribution 4.0", FALSE,
    N_("Anyone may share and adapt it, also commercially, if they give credit and say what they changed.") },
  { "cc-by-sa-3.0", "Creative Commons Attribution-ShareAlike 3.0", FALSE,
    N_("Anyone may share and adapt it, also commercially, with credit, if they share their adaptations under the same license.") },
  { "cc-by-sa-4.0", "Creative Commons Attribution-ShareAlike 4.0", FALSE,
    N_("Anyone may share and adapt it, also commercially, with credit, if they share their adaptations under the same license.") },
  { "cc-by-nc-2.0", "Creative Commons Attribution-NonCommercial 2.0", FALSE,
    N_("Free to share and adapt with credit, but not for commercial use.") },
  { "cc-by-nc-3.0", "Creative Commons Attribution-NonCommercial 3.0", FALSE,
    N_("Free to share and adapt with credit, but not for commercial use.") },
  { "cc-by-nc-4.0", "Creative Commons Attribution-NonCommercial 4.0", FALSE,
    N_("Free to share and adapt with credit, but not for commercial use.") },
  { "cc-by-nd-4.0", "Creative Commons Attribution-NoDerivatives 4.0", FALSE,
    N_("Anyone may share it as it is, also commercially, with credit, but not share changed versions.") },
  { "cc-by-nc-nd-3.0", "Creative Commons Attribution-NonCommercial-NoDerivatives 3.0", FALSE,
    N_("Free to share as it is with credit, but not changed and not for commercial use.") },
  { "cc-by-nc-nd-4.0", "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0", FALSE,
    N_("Free to share as it is with credit, but not changed and not for commercial use.") },
  { "cc-by-nc-sa-2.0", "Creative Commons Attribution-NonCommercial-ShareAlike 2.0", FALSE,
    N_("Free to share and adapt with credit, not for commercial use, and adaptations must keep the same license.") },
  { "cc-by-nc-sa-3.0", "Creative Commons Attribution-NonCommercial-ShareAlike 3.0", FALSE,
    N_("Free to share and adapt with credit, not for commercial use, and adaptations must keep the same license.") },
  { "cc-by-nc-sa-4.0", "Creative Commons Attribution-NonCommercial-ShareAlike 4.0", FALSE,
    N_("Free to share and adapt with credit, not for commercial use, and adaptations must keep the same license.") },
  { "cdla-sharing-1.0", "Community Data License Agreement – Sharing 1.0", FALSE,
    N_("The data may be used, changed and shared; data shared on must keep the same terms, while the results of analysing it are free.") },
  { "cdla-permissive-1.0", "Community Data License Agreement – Permissive 1.0", FALSE,
    N_("The data may be used, changed and shared freely if the license notice is kept; the results of analysing it are free.") },
  { "cdla-permissive-2.0", "Community Data License Agreement – Permissive 2.0", FALSE,
    N_("The data may be used, changed and shared freely, with the license text or a link to it; the results of analysing it carry no conditions.") },
  { "wtfpl", "Do What The F*ck You Want To Public License", FALSE,
    N_("Anyone may do anything with it.") },
  { "ecl-2.0", "Educational Community License 2.0", FALSE,
    N_("Anyone may use, change and share it, also commercially, if they keep its notices, as with Apache 2.0; patent rights are narrower for universities.") },
  { "epl-1.0", "Eclipse Public License 1.0", FALSE,
    N_("Free to use, change and share, also commercially; changes to its files must be published under the same license when shared.") },
  { "epl-2.0", "Eclipse Public License 2.0", FALSE,
    N_("Free to use, change and share, also commercially; changes to its files must be published under the same license when shared.") },
  { "etalab-2.0", "Etalab Open License 2.0", FALSE,
    N_("Anyone may reuse it, also commercially, if they name the source and the date it was last updated.") },
  { "eupl-1.1", "European Union Public Licence 1.1", FALSE,
    N_("Free to use, change and share; versions shared, also over a network, must stay under this license or a compatible one.") },
  { "eupl-1.2", "European Union Public Licence 1.2", FALSE,
    N_("Free to use, change and share; versions shared, also over a network, must stay under this license or a compatible one.") },
  { "agpl-3.0", "GNU Affero General Public License 3.0", FALSE,
    N_("Free to use, change and share; whoever shares a changed version, also by running it for others over a network, must share its source under the same license.") },
  { "gfdl", "GNU Free Documentation License", FALSE,
    N_("Free to copy and change, also commercially, if copies and changed versions keep this license and credit the authors.") },
  { "gpl", "GNU General Public License", FALSE,
    N_("Free to use, change and share; versions that are shared must come with their source, under the same license.") },
  { "gpl-2.0", "GNU General Public License 2.0", FALSE,
    N_("Free to use, change and share; versions that are shared must come with their source, under the same license.") },
  { "gpl-3.0", "GNU General Public License 3.0", FALSE,
    N_("Free to use, change and share; versions that are shared must come with their source, under the same license, which also covers patents.") },
  { "lgpl", "GNU Lesser General Public License", FALSE,
    N_("Free to use, also inside closed works; changes to the library itself must be shared under the same license.") },
  { "lgpl-2.1", "GNU Lesser General Public License 2.1", FALSE,
    N_("Free to use, also inside closed works; changes to the library itself must be shared under the same license.") },
  { "lgpl-3.0", "GNU Lesser General Public License 3.0", FALSE,
    N_("Free to use, also inside closed works; changes to the library itself must be shared under the same license.") },
  { "isc", "ISC License", FALSE,
    N_("Anyone may use, change and share it, also commercially, if they keep the copyright notice.") },
  { "h-research", "H Research License", FALSE,
    N_("For research only: no commercial use; read its text for what else it asks.") },
  { "intel-research", "Intel Research Use License", FALSE,
    N_("For non-commercial research only; read its text for what else it asks.") },
  { "lppl-1.3c", "LaTeX Project Public License 1.3c", FALSE,
    N_("Free to use, change and share; changed versions must be renamed or clearly marked, so they are not taken for the original.") },
  { "ms-pl", "Microsoft Public License", FALSE,
    N_("Anyone may use, change and share it, also commercially; source that is shared must keep this license, which also grants patent rights.") },
  { "apple-ascl", "Apple Sample Code License", FALSE,
    N_("Free to use, change and share, also commercially, if Apple’s notice is kept and Apple’s name is not used to promote the work.") },
  { "apple-amlr", "Apple Machine Learning Research Model License", FALSE,
    N_("For research only: the model may be used, changed and shared for non-commercial research.") },
  { "mpl-2.0", "Mozilla Public License 2.0", FALSE,
    N_("Free to use, also inside closed works; changes to its files must be shared under the same license.") },
  { "odc-by", "Open Data Commons Attribution License", FALSE,
    N_("The data may be used, changed and shared, also commercially, if credit is given.") },
  { "odbl", "Open Database License", FALSE,
    N_("The data may be used, changed and shared, with credit; changed databases that are shared must stay under the same license.") },
  { "openmdw-1.0", "OpenMDW License 1.0", FALSE,
    N_("Anyone may use, change and share the model, its weights and data, also commercially, if they keep the license notice.") },
  { "openmdw-1.1", "OpenMDW License 1.1", FALSE,
    N_("Anyone may use, change and share the model, its weights and data, also commercially, if they keep the license notice.") },
  { "openrail++", "OpenRAIL++-M", FALSE,
    N_("Free to use, change and share, also commercially, except for the harmful uses it lists, which bind every copy and derived model.") },
  { "osl-3.0", "Open Software License 3.0", FALSE,
    N_("Free to use, change and share; changed versions, also offered over a network, must be shared under the same license.") },
  { "postgresql", "PostgreSQL License", FALSE,
    N_("Anyone may use, change and share it, also commercially, if they keep the copyright notice.") },
  { "ofl-1.1", "SIL Open Font License 1.1", FALSE,
    N_("Fonts may be used, changed and shared, also with software, but not sold on their own; changed fonts need another name.") },
  { "ncsa", "University of Illinois/NCSA Open Source License", FALSE,
    N_("Anyone may use, change and share it, also commercially, if they keep the notices and do not use the authors’ names to promote their work.") },
  { "unlicense", "The Unlicense", FALSE,
    N_("Given to the public domain: anyone may do anything with it.") },
  { "zlib", "zlib License", FALSE,
    N_("Anyone may use, change and share it, also commercially; changed versions must be marked as such, and its origin must not be misrepresented.") },
  { "pddl", "Open Data Commons Public Domain Dedication and License", FALSE,
    N_("The data is given to the public domain: anyone may do anything with it.") },
  { "lgpl-lr", "Lesser General Public License for Linguistic Resources", FALSE,
    N_("Free to use the linguistic resource, also inside closed works; changes to the resource itself must be shared under the same license.") },
  { "deepfloyd-if-license", "DeepFloyd IF License", FALSE,
    N_("For non-commercial research only, and not for the uses it forbids; read its text before use.") },
  { "fair-noncommercial-research-license", "FAIR Noncommercial Research License", FALSE,
    N_("For non-commercial research only; whoever shares it must keep the same terms.") },
  { "llama2", "Llama 2 Community License", FALSE,
    N_("Free to use, change and share, also commercially, within Meta’s acceptable use policy; services with over 700 million monthly users need Meta’s permission.") },
  { "llama3", "Llama 3 Community License", FALSE,
    N_("Free to use, change and share, also commercially, within Meta’s acceptable use policy and with credit to Meta; very large services need Meta’s permission.") },
  { "llama3.1", "Llama 3.1 Community License", FALSE,
    N_("Free to use, change and share, also commercially, within Meta’s acceptable use policy and with credit to Meta; very large services need Meta’s permission.") },
  { "llama3.2", "Llama 3.2 Community License", FALSE,
    N_("Free to use, change and share, also commercially, within Meta’s acceptable use policy and with credit to Meta; very large services need Meta’s permission.") },
  { "llama3.3", "Llama 3.3 Community License", FALSE,
    N_("Free to use, change and share, also commercially, within Meta’s acceptable use policy and with credit to Meta; very large services need Meta’s permission.") },
  { "llama4", "Llama 4 Community License", FALSE,
    N_("Free to use, change and share, also commercially, within Meta’s acceptable use policy and with credit to Meta; very large services need Meta’s permission.") },
  { "grok2-community", "Grok 2 Community License", FALSE,
    N_("xAI’s license for Grok 2: use and share it within its acceptable use policy, and not to train other large models; read its text for the details.") },
  { "gemma", "Gemma Terms of Use", FALSE,
    N_("Free to use, change and share, also commercially, within Google’s prohibited use policy, which every copy must pass on.") },
  { "unknown", N_("Unknown"), TRUE,
    N_("The license is not known: others cannot tell what they may do with it.") },
  { "other", N_("Other"), TRUE,
    N_("A license not in this list: give its name and a link.") },
};

struct _VitrineLicense
{
  GObject     parent_instance;

  const char *id;
  const char *name;
  const char *description;
};

G_DEFINE_FINAL_TYPE (VitrineLicense, vitrine_license, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_NEEDS_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vitrine_license_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VitrineLicense *self = VITRINE_LICENSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_NEEDS_DETAILS:
      g_value_set_boolean (value, vitrine_license_get_needs_details (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitrine_license_class_init (VitrineLicenseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = vitrine_license_get_property;

  /* The id the card's `license` key takes, such as "apache-2.0". */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  /* Its usual name, such as "Apache License 2.0". */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  /* One sentence on what it lets others do, translated. */
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  /* The card needs license_name and license_link too ("other"). */
  properties[PROP_NEEDS_DETAILS] = g_param_spec_boolean ("needs-details", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitrine_license_init (VitrineLicense *self)
{
}

static const Known *
find_known (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (known[i].id, id))
      return &known[i];
  return NULL;
}

/* A license of the Hub's list that this file does not describe yet is
 * still offered, by its id alone. */
static VitrineLicense *
license_new (const char *id)
{
  VitrineLicense *self = g_object_new (VITRINE_TYPE_LICENSE, NULL);
  const Known *k = find_known (id);

  self->id = g_intern_string (id);
  if (k != NULL)
    {
      self->name = k->name_translated ? g_intern_string (_(k->name)) : k->name;
      self->description = g_intern_string (_(k->description));
    }
  else
    {
      self->name = self->id;
      self->description = g_intern_static_string ("");
    }
  return self;
}

/**
 * vitrine_license_list_new:
 *
 * Returns: (transfer full): every license of the Hub's list, in its
 *   order, a model of #VitrineLicense
 */
GListModel *
vitrine_license_list_new (void)
{
  GListStore *store = g_list_store_new (VITRINE_TYPE_LICENSE);
  const char * const *ids = vitrine_card_licenses ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(VitrineLicense) license = license_new (ids[i]);

      g_list_store_append (store, license);
    }
  return G_LIST_MODEL (store);
}

/**
 * vitrine_license_lookup:
 * @id: a license id, such as "mit"
 *
 * Returns: (transfer full) (nullable): the license, or %NULL when @id is
 *   not one of the Hub's
 */
VitrineLicense *
vitrine_license_lookup (const char *id)
{
  if (id == NULL || !vitrine_card_is_license (id))
    return NULL;
  return license_new (id);
}

const char *
vitrine_license_get_id (VitrineLicense *self)
{
  g_return_val_if_fail (VITRINE_IS_LICENSE (self), NULL);
  return self->id;
}

const char *
vitrine_license_get_name (VitrineLicense *self)
{
  g_return_val_if_fail (VITRINE_IS_LICENSE (self), NULL);
  return self->name;
}

const char *
vitrine_license_get_description (VitrineLicense *self)
{
  g_return_val_if_fail (VITRINE_IS_LICENSE (self), NULL);
  return self->description;
}

/* Whether the card must name the license and link to it ("other"). */
gboolean
vitrine_license_get_needs_details (VitrineLicense *self)
{
  g_return_val_if_fail (VITRINE_IS_LICENSE (self), FALSE);
  return g_str_equal (self->id, "other");
}

/* For the tests: whether every id of the Hub's list is described here. */
gboolean
_vitrine_license_describes (const char *id)
{
  return find_known (id) != NULL;
}
