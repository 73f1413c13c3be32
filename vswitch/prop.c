// SPDX-License-Identifier: GPL-2.0
/*
 * Custom properties of ports and switches: opaque bytes with an id, an
 * instance and a version, stored by the switch and validated by the
 * enabled extensions (ext_ctl.c), any of which may refuse an addition or
 * an update. Extensions read their own properties from the copies the
 * control path hands them; the data path never sees these lists. Under
 * vswitch_mutex.
 */
#include <linux/slab.h>

#include "vswitch.h"

struct vswitch_prop *vswitch_prop_find(struct list_head *props, u32 id, u32 instance)
{
	struct vswitch_prop *prop;

	list_for_each_entry(prop, props, node)
		if (prop->id == id && prop->instance == instance)
			return prop;
	return NULL;
}

static struct vswitch_prop *vswitch_prop_alloc(u32 id, u32 instance, u32 version,
					       const void *data, u32 len)
{
	struct vswitch_prop *prop;

	prop = kmalloc(struct_size(prop, data, len), GFP_KERNEL);
	if (!prop)
		return NULL;
	prop->id = id;
	prop->instance = instance;
	prop->version = version;
	prop->len = len;
	memcpy(prop->data, data, len);
	return prop;
}

static struct list_head *vswitch_props_of(struct vswitch *sw, struct vswitch_port *port,
					  unsigned int **count)
{
	*count = port ? &port->nprops : &sw->nprops;
	return port ? &port->props : &sw->props;
}

static const char *vswitch_prop_owner(struct vswitch *sw, struct vswitch_port *port)
{
	return port ? port->name : sw->name;
}

/**
 * vswitch_prop_add() - add a custom property, if the extensions accept it
 * @sw: the switch
 * @port: the port, or NULL for a property of the switch
 * @id: property id
 * @instance: instance of the id
 * @version: version of the data's layout
 * @data: the bytes
 * @len: their length (at most VSWITCH_PROP_MAX_LEN, the policy's)
 * @extack: why not
 *
 * Return: 0, -EEXIST, -ENOSPC (too many), -ENOMEM or an extension's veto.
 */
int vswitch_prop_add(struct vswitch *sw, struct vswitch_port *port, u32 id, u32 instance,
		     u32 version, const void *data, u32 len, struct netlink_ext_ack *extack)
{
	struct vswitch_prop *prop;
	struct list_head *props;
	unsigned int *count;
	int err;

	lockdep_assert_held(&vswitch_mutex);
	props = vswitch_props_of(sw, port, &count);
	if (vswitch_prop_find(props, id, instance)) {
		NL_SET_ERR_MSG_FMT(extack, "%s already has property %#x instance %u",
				   vswitch_prop_owner(sw, port), id, instance);
		return -EEXIST;
	}
	if (*count >= VSWITCH_PROPS_MAX) {
		NL_SET_ERR_MSG_FMT(extack, "%s has %u properties, the most it may have",
				   vswitch_prop_owner(sw, port), *count);
		return -ENOSPC;
	}
	prop = vswitch_prop_alloc(id, instance, version, data, len);
	if (!prop)
		return -ENOMEM;
	err = vswitch_ext_prop_add(sw, port ? port->id : 0, prop, extack);
	if (err) {
		kfree(prop);
		return err;
	}
	list_add_tail(&prop->node, props);
	(*count)++;
	vswitch_generation++;
	return 0;
}

/**
 * vswitch_prop_update() - replace a property's version and data
 * @sw: the switch
 * @port: the port, or NULL for a property of the switch
 * @id: property id
 * @instance: instance of the id
 * @version: the new version
 * @data: the new bytes
 * @len: their length
 * @extack: why not
 *
 * Return: 0, -ENOENT, -ENOMEM or an extension's veto (the old value stays).
 */
int vswitch_prop_update(struct vswitch *sw, struct vswitch_port *port, u32 id, u32 instance,
			u32 version, const void *data, u32 len, struct netlink_ext_ack *extack)
{
	struct vswitch_prop *old, *prop;
	unsigned int *count;
	int err;

	lockdep_assert_held(&vswitch_mutex);
	old = vswitch_prop_find(vswitch_props_of(sw, port, &count), id, instance);
	if (!old) {
		NL_SET_ERR_MSG_FMT(extack, "%s has no property %#x instance %u",
				   vswitch_prop_owner(sw, port), id, instance);
		return -ENOENT;
	}
	prop = vswitch_prop_alloc(id, instance, version, data, len);
	if (!prop)
		return -ENOMEM;
	err = vswitch_ext_prop_update(sw, port ? port->id : 0, old, prop, extack);
	if (err) {
		kfree(prop);
		return err;
	}
	list_replace(&old->node, &prop->node);
	kfree(old);
	vswitch_generation++;
	return 0;
}

static void vswitch_prop_remove(struct vswitch *sw, struct vswitch_port *port,
				struct vswitch_prop *prop)
{
	unsigned int *count;

	vswitch_props_of(sw, port, &count);
	vswitch_ext_prop_delete(sw, port ? port->id : 0, prop);
	list_del(&prop->node);
	(*count)--;
	kfree(prop);
	vswitch_generation++;
}

/**
 * vswitch_prop_del() - delete a property; the extensions are told
 * @sw: the switch
 * @port: the port, or NULL for a property of the switch
 * @id: property id
 * @instance: instance of the id
 * @extack: why not
 *
 * Return: 0 or -ENOENT.
 */
int vswitch_prop_del(struct vswitch *sw, struct vswitch_port *port, u32 id, u32 instance,
		     struct netlink_ext_ack *extack)
{
	struct vswitch_prop *prop;
	unsigned int *count;

	lockdep_assert_held(&vswitch_mutex);
	prop = vswitch_prop_find(vswitch_props_of(sw, port, &count), id, instance);
	if (!prop) {
		NL_SET_ERR_MSG_FMT(extack, "%s has no property %#x instance %u",
				   vswitch_prop_owner(sw, port), id, instance);
		return -ENOENT;
	}
	vswitch_prop_remove(sw, port, prop);
	return 0;
}

/* A port (or the switch) goes away: its properties first. */
void vswitch_prop_del_all(struct vswitch *sw, struct vswitch_port *port)
{
	struct vswitch_prop *prop, *tmp;
	unsigned int *count;

	list_for_each_entry_safe(prop, tmp, vswitch_props_of(sw, port, &count), node)
		vswitch_prop_remove(sw, port, prop);
}
