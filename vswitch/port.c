// SPDX-License-Identifier: GPL-2.0
/*
 * A port's life: CREATED -> TEARDOWN -> DELETED (state.c), each step
 * offered to the enabled extensions (ext_ctl.c; they may refuse the
 * creation). Ports are found
 * by id or name under vswitch_mutex and read by the data path under RCU;
 * they are freed after a grace period.
 */
#include <linux/slab.h>

#include "vswitch.h"

/* Port ids are 16 bits on Hyper-V's wire; 0 is the default port. */
#define VSWITCH_PORT_ID_LIMIT	XA_LIMIT(1, U16_MAX)

struct vswitch_port *vswitch_port_find(struct vswitch *sw, u32 id, const char *name)
{
	struct vswitch_port *port;
	unsigned long i;

	lockdep_assert_held(&vswitch_mutex);
	if (id)
		return xa_load(&sw->ports, id);
	xa_for_each(&sw->ports, i, port)
		if (!strcmp(port->name, name))
			return port;
	return NULL;
}

static void vswitch_port_set_state(struct vswitch_port *port, enum vswitch_port_state to)
{
	if (WARN_ON_ONCE(!vswitch_port_state_allowed(port->state, to)))
		return;
	WRITE_ONCE(port->state, to);
}

static void vswitch_port_free_rcu(struct rcu_head *head)
{
	struct vswitch_port *port = container_of(head, struct vswitch_port, rcu);

	kfree(rcu_dereference_raw(port->vlan));
	free_percpu(port->stats);
	free_percpu(port->ext_stats);
	kfree(port);
}

struct vswitch_port *vswitch_port_create(struct vswitch *sw, const char *name,
					 enum vswitch_port_type type,
					 struct netlink_ext_ack *extack)
{
	struct vswitch_port *port;
	struct vswitch_vlan *vlan;
	int err, cpu;

	lockdep_assert_held(&vswitch_mutex);
	if (vswitch_port_find(sw, 0, name)) {
		NL_SET_ERR_MSG_FMT(extack, "switch %s already has a port named \"%s\"",
				   sw->name, name);
		return ERR_PTR(-EEXIST);
	}
	port = kzalloc(sizeof(*port), GFP_KERNEL);
	vlan = kmalloc(sizeof(*vlan), GFP_KERNEL);
	if (!port || !vlan)
		goto nomem;
	port->stats = vswitch_stats_alloc();
	port->ext_stats = alloc_percpu(struct vswitch_ext_port_stats);
	if (!port->stats || !port->ext_stats)
		goto nomem;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(port->ext_stats, cpu)->syncp);
	INIT_LIST_HEAD(&port->props);
	spin_lock_init(&port->storm.lock);
	port->sw = sw;
	strscpy(port->name, name, sizeof(port->name));
	port->type = type;
	port->learn_limit = VSWITCH_PORT_LEARN_LIMIT_DEFAULT;
	atomic_set(&port->learned, 0);
	vswitch_vlan_init_access(vlan, 0);
	RCU_INIT_POINTER(port->vlan, vlan);

	/* ids go round, as Hyper-V's: a deleted port's id, which a forwarding
	 * extension or a mirror may still name, is not the next port's
	 */
	err = xa_alloc_cyclic(&sw->ports, &port->id, port, VSWITCH_PORT_ID_LIMIT,
			      &sw->next_port_id, GFP_KERNEL);
	if (err < 0) {
		NL_SET_ERR_MSG_FMT(extack, "switch %s has no free port id", sw->name);
		err = err == -EBUSY ? -ENOSPC : err;
		goto free;
	}
	vswitch_port_set_state(port, VSWITCH_PORT_STATE_CREATED);
	/* the extensions may refuse it: then it never was. It was in
	 * sw->ports meanwhile, where the data path may have found it
	 */
	err = vswitch_ext_port_create(port, extack);
	if (err) {
		xa_erase(&sw->ports, port->id);
		call_rcu(&port->rcu, vswitch_port_free_rcu);
		return ERR_PTR(err);
	}
	sw->nports++;
	vswitch_generation++;
	return port;

nomem:
	err = -ENOMEM;
free:
	if (port) {
		free_percpu(port->stats);
		free_percpu(port->ext_stats);
	}
	kfree(vlan);
	kfree(port);
	return ERR_PTR(err);
}

/* Mirror mode: the switch counts its destination ports to skip the work without. */
void vswitch_port_set_mirror(struct vswitch_port *port, enum vswitch_mirror_mode mode)
{
	if (port->mirror == VSWITCH_MIRROR_MODE_DESTINATION)
		port->sw->nmirrors--;
	if (mode == VSWITCH_MIRROR_MODE_DESTINATION)
		port->sw->nmirrors++;
	WRITE_ONCE(port->mirror, mode);
}

void vswitch_port_set_vlan(struct vswitch_port *port, struct vswitch_vlan *vlan)
{
	struct vswitch_vlan *old = vswitch_deref(port->vlan);

	rcu_assign_pointer(port->vlan, vlan);
	vswitch_generation++;
	if (old)
		kfree_rcu(old, rcu);
}

/* Teardown and delete; the port has no NIC left. */
void vswitch_port_destroy(struct vswitch_port *port)
{
	struct vswitch *sw = port->sw;

	lockdep_assert_held(&vswitch_mutex);
	vswitch_prop_del_all(sw, port);
	vswitch_port_set_mirror(port, VSWITCH_MIRROR_MODE_NONE);
	vswitch_ext_port_teardown(port);
	vswitch_port_set_state(port, VSWITCH_PORT_STATE_TEARDOWN);
	vswitch_fdb_flush(&sw->fdb, port, true);
	xa_erase(&sw->ports, port->id);
	if (sw->external == port)
		sw->external = NULL;
	if (sw->internal == port)
		sw->internal = NULL;
	sw->nports--;
	vswitch_ext_port_delete(port);
	vswitch_port_set_state(port, VSWITCH_PORT_STATE_DELETED);
	vswitch_generation++;
	call_rcu(&port->rcu, vswitch_port_free_rcu);
}

/* A port is deleted only once its NICs are: -EBUSY while one is left. */
int vswitch_port_may_delete(struct vswitch_port *port, struct netlink_ext_ack *extack)
{
	int i;

	for (i = 0; i <= VSWITCH_MAX_NIC_INDEX; i++) {
		if (rcu_access_pointer(port->nics[i])) {
			NL_SET_ERR_MSG_FMT(extack,
					   "port %s has NIC %d; disconnect and delete it first",
					   port->name, i);
			return -EBUSY;
		}
	}
	return 0;
}
