/* spor-entity-private.h — for the definitions of the entity types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "spor-entity.h"

G_BEGIN_DECLS

void spor_entity_class_setup (SporEntityClass      *klass,
                              const SporEntityInfo *info);
void spor_entity_init_fields (SporEntity           *self,
                              const SporEntityInfo *info);

#define SPOR_DEFINE_ENTITY(TypeName, type_name, info_ptr) \
  struct _##TypeName { SporEntity parent_instance; }; \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, SPOR_TYPE_ENTITY) \
  static void type_name##_class_init (TypeName##Class *klass) \
  { spor_entity_class_setup (SPOR_ENTITY_CLASS (klass), info_ptr); } \
  static void type_name##_init (TypeName *self) \
  { spor_entity_init_fields (SPOR_ENTITY (self), info_ptr); }

G_END_DECLS
