/* spor-sample-people.c — the sample's organisations and external contacts
 *
 * Fixed tables, not drawn: the random sequence of the rest of the sample stays as it was.
 * The organisations are the partners of the built-in programmes; the contacts are the
 * municipal caseworkers and workplace mentors a site works with. All names are invented,
 * the addresses and numbers reach no one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "spor-sample-private.h"

typedef struct
{
  const char *name;
  const char *kind;
  const char *address;
  const char *programme;  /* the template key of the programme it is a partner of, or NULL */
} OrganisationPlan;

static const OrganisationPlan organisations[SPOR_SAMPLE_N_ORGANISATIONS] = {
  { "Kulturværftet", "culture_school", "Allégade 2, 3000 Helsingør", "aspiranterne" },
  { "Helsingør Kommune, Ungeenheden", "municipality", "Rådhuset, 3000 Helsingør", "aspiranterne" },
  { "Syddjurs Bibliotek", "library", "Skolevej 1, 8410 Rønde", "sy-og-design" },
  { "Kulturskolen Syddjurs", "culture_school", "Skolevej 5, 8410 Rønde", "sy-og-design" },
  { "Styrket Helhed", "municipality", "Lundbergsvej 2, 8400 Ebeltoft", "sy-og-design" },
  { "Korsør Bibliotek", "library", "Ndr. Ringvej 1, 4220 Korsør", "digitale-ressourcebank" },
  { "Frivilligcenter Slagelse", "association", "Jernbanegade 1, 4200 Slagelse", "digitale-ressourcebank" },
  { "Ishøj Kommune, Jobcenter", "municipality", "Ishøj Store Torv 20, 2635 Ishøj", "unge-med-kant" },
  { "Ishøj Kulturhus", "association", "Ishøj Store Torv 2, 2635 Ishøj", "unge-med-kant" },
  { "Rønde Tekstil ApS", "company", "Industrivej 9, 8410 Rønde", NULL },
};

typedef struct
{
  const char *name;
  guint       organisation;  /* index into organisations[] */
  const char *title;
} ContactPlan;

static const ContactPlan contacts[] = {
  { "Birthe Aagaard Lind", 1, "Socialrådgiver" },
  { "Kasper Holm Vestergaard", 1, "Sagsbehandler" },
  { "Lotte Brink Damgaard", 4, "Sagsbehandler, Jobcenter Syddjurs" },
  { "Morten Kjær Falk", 4, "Virksomhedskonsulent" },
  { "Hanne Skov Mørch", 9, "Praktikvejleder" },
  { "Jesper Dahl Krogh", 6, "Koordinator for frivillige" },
  { "Sanne Bech Iversen", 7, "Sagsbehandler, uddannelseshjælp" },
  { "Yusuf Aydın Nørgaard", 7, "Kontaktperson+" },
};

gboolean
spor_sample_create_people (Sample  *s,
                           GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      SporEntity *e = spor_sample_record (s, SPOR_TYPE_ORGANISATION);

      spor_entity_set_text (e, "name", organisations[i].name);
      spor_entity_set_text (e, "kind", organisations[i].kind);
      spor_entity_set_text (e, "address", organisations[i].address);
      if (!spor_sample_put (s, e, &s->organisations[i], error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      g_autofree char *email = spor_sample_invent_email (contacts[i].name, i);
      g_autofree char *phone = g_strdup_printf ("+45 99 80 %02u %02u", 10 + i, 30 + i);
      SporEntity *e = spor_sample_record (s, SPOR_TYPE_CONTACT);

      spor_entity_set_text (e, "name", contacts[i].name);
      spor_entity_set_int (e, "organisation_id", s->organisations[contacts[i].organisation]);
      spor_entity_set_text (e, "title", contacts[i].title);
      spor_entity_set_text (e, "email", email);
      spor_entity_set_text (e, "phone", phone);
      spor_entity_set_bool (e, "active", TRUE);
      if (!spor_sample_put (s, e, NULL, error))
        return FALSE;
      s->counts->contacts++;
    }
  s->counts->organisations += G_N_ELEMENTS (organisations);
  return TRUE;
}

gint64
spor_sample_organisation_for (Sample     *s,
                              const char *role,
                              guint       index)
{
  /* creative professionals at the culture schools, advisers at the municipalities,
   * coordinators and mentors at the libraries and culture houses, volunteers at the
   * volunteer centre */
  static const guint creative[] = { 0, 3 }, adviser[] = { 1, 4, 7 }, others[] = { 2, 5, 8 };

  if (strcmp (role, "creative") == 0)
    return s->organisations[creative[index % G_N_ELEMENTS (creative)]];
  if (strcmp (role, "adviser") == 0)
    return s->organisations[adviser[index % G_N_ELEMENTS (adviser)]];
  if (strcmp (role, "volunteer") == 0)
    return s->organisations[6];
  return s->organisations[others[index % G_N_ELEMENTS (others)]];
}

gboolean
spor_sample_link_organisations (Sample     *s,
                                const char *programme_key,
                                gint64      programme_id,
                                GError    **error)
{
  for (guint i = 0, position = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      SporEntity *e;

      if (g_strcmp0 (organisations[i].programme, programme_key) != 0)
        continue;
      e = spor_sample_record (s, SPOR_TYPE_PROGRAMME_ORGANISATION);
      spor_entity_set_int (e, "programme_id", programme_id);
      spor_entity_set_int (e, "organisation_id", s->organisations[i]);
      spor_entity_set_int (e, "position", position++);
      if (!spor_sample_put (s, e, NULL, error))
        return FALSE;
    }
  return TRUE;
}
