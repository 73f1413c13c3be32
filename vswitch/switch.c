// SPDX-License-Identifier: GPL-2.0
/*
 * A switch's life: creation (with its external NIC bound to an uplink
 * and/or its internal NIC, a host netdev), lookup, destruction. Under
 * vswitch_mutex, and RTNL where netdevs are touched.
 */
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "vswitch.h"

DEFINE_XARRAY_ALLOC1(vswitch_switches);
u32 vswitch_generation;

struct vswitch *vswitch_find(u32 id, const char *name)
{
	struct vswitch *sw;
	unsigned long i;

	lockdep_assert_held(&vswitch_mutex);
	if (id)
		return xa_load(&vswitch_switches, id);
	xa_for_each(&vswitch_switches, i, sw)
		if (!strcmp(sw->name, name))
			return sw;
	return NULL;
}

static int vswitch_add_external(struct vswitch *sw, struct net_device *uplink,
				struct netlink_ext_ack *extack)
{
	struct vswitch_port *port;
	struct vswitch_nic *nic;
	struct vswitch_vlan *vlan;
	int err;

	port = vswitch_port_create(sw, "external", VSWITCH_PORT_TYPE_EXTERNAL, extack);
	if (IS_ERR(port))
		return PTR_ERR(port);
	sw->external = port;
	vlan = kmalloc(sizeof(*vlan), GFP_KERNEL);
	if (!vlan)
		return -ENOMEM;
	/* the uplink carries every VLAN tagged and the untagged network */
	vswitch_vlan_init_trunk_all(vlan, 0);
	vswitch_port_set_vlan(port, vlan);

	nic = vswitch_nic_alloc(port, 0, VSWITCH_NIC_TYPE_EXTERNAL, extack);
	if (IS_ERR(nic))
		return PTR_ERR(nic);
	err = vswitch_nic_attach_dev(nic, uplink, extack);
	if (err) {
		vswitch_nic_destroy(nic);
		return err;
	}
	err = vswitch_nic_publish(nic, extack);
	if (err) {
		vswitch_nic_destroy(nic);
		return err;
	}
	sw->uplink_ifindex = uplink->ifindex;
	return vswitch_nic_do_connect(nic, extack);
}

static int vswitch_add_internal(struct vswitch *sw, const char *ifname,
				struct netlink_ext_ack *extack)
{
	struct vswitch_port *port;
	struct vswitch_nic *nic;
	struct net_device *dev;
	int err;

	port = vswitch_port_create(sw, "internal", VSWITCH_PORT_TYPE_INTERNAL, extack);
	if (IS_ERR(port))
		return PTR_ERR(port);
	sw->internal = port;
	nic = vswitch_nic_alloc(port, 0, VSWITCH_NIC_TYPE_INTERNAL, extack);
	if (IS_ERR(nic))
		return PTR_ERR(nic);
	dev = vswitch_internal_dev_create(ifname, extack);
	if (IS_ERR(dev)) {
		vswitch_nic_destroy(nic);
		return PTR_ERR(dev);
	}
	nic->dev = dev;
	ether_addr_copy(nic->mac, dev->dev_addr);
	nic->mtu = dev->mtu;
	vswitch_internal_dev_bind(dev, nic);
	err = vswitch_nic_publish(nic, extack);
	if (err) {
		vswitch_nic_destroy(nic);
		return err;
	}
	strscpy(sw->internal_ifname, dev->name, sizeof(sw->internal_ifname));
	return vswitch_nic_do_connect(nic, extack);
}

/**
 * vswitch_create() - create a switch
 * @name: unique name
 * @type: private, internal or external
 * @uplink: the external NIC's netdev (external switches only)
 * @internal_ifname: name of the internal NIC's netdev to create, or NULL
 * @extack: why not
 *
 * Under RTNL and vswitch_mutex.
 * Return: the switch or an ERR_PTR().
 */
struct vswitch *vswitch_create(const char *name, enum vswitch_switch_type type,
			       struct net_device *uplink, const char *internal_ifname,
			       struct netlink_ext_ack *extack)
{
	struct vswitch *sw;
	int err;

	ASSERT_RTNL();
	lockdep_assert_held(&vswitch_mutex);

	if (vswitch_find(0, name)) {
		NL_SET_ERR_MSG_FMT(extack, "a switch named \"%s\" exists", name);
		return ERR_PTR(-EEXIST);
	}
	if (type == VSWITCH_SWITCH_TYPE_EXTERNAL && !uplink) {
		NL_SET_ERR_MSG(extack, "an external switch needs an uplink netdev");
		return ERR_PTR(-EINVAL);
	}
	if (type != VSWITCH_SWITCH_TYPE_EXTERNAL && uplink) {
		NL_SET_ERR_MSG(extack, "only an external switch has an uplink");
		return ERR_PTR(-EINVAL);
	}
	if (type == VSWITCH_SWITCH_TYPE_INTERNAL && !internal_ifname) {
		NL_SET_ERR_MSG(extack, "an internal switch needs an internal NIC name");
		return ERR_PTR(-EINVAL);
	}
	if (type == VSWITCH_SWITCH_TYPE_PRIVATE && internal_ifname) {
		NL_SET_ERR_MSG(extack, "a private switch has no internal NIC");
		return ERR_PTR(-EINVAL);
	}

	sw = kzalloc(sizeof(*sw), GFP_KERNEL);
	if (!sw)
		return ERR_PTR(-ENOMEM);
	strscpy(sw->name, name, sizeof(sw->name));
	refcount_set(&sw->refs, 1);
	sw->type = type;
	xa_init_flags(&sw->ports, XA_FLAGS_ALLOC1);
	INIT_LIST_HEAD(&sw->nics);
	INIT_LIST_HEAD(&sw->exts);
	INIT_LIST_HEAD(&sw->props);
	sw->stats = vswitch_stats_alloc();
	if (!sw->stats)
		goto nomem;
	if (vswitch_fdb_init(&sw->fdb))
		goto nomem_stats;
	err = vswitch_ext_bind_all(sw);
	if (!err)
		err = xa_alloc(&vswitch_switches, &sw->id, sw, xa_limit_32b, GFP_KERNEL);
	if (err) {
		vswitch_ext_unbind_all(sw);
		vswitch_fdb_destroy(&sw->fdb);
		free_percpu(sw->stats);
		kfree(sw);
		return ERR_PTR(err);
	}
	vswitch_generation++;

	if (uplink) {
		err = vswitch_add_external(sw, uplink, extack);
		if (err)
			goto destroy;
	}
	if (internal_ifname) {
		err = vswitch_add_internal(sw, internal_ifname, extack);
		if (err)
			goto destroy;
	}
	return sw;

destroy:
	vswitch_destroy(sw);
	return ERR_PTR(err);
nomem_stats:
	free_percpu(sw->stats);
nomem:
	kfree(sw);
	return ERR_PTR(-ENOMEM);
}

/* Tear a switch down: every NIC, every port, then the switch. */
void vswitch_destroy(struct vswitch *sw)
{
	struct vswitch_port *port;
	unsigned long id;
	int i;

	ASSERT_RTNL();
	lockdep_assert_held(&vswitch_mutex);

	xa_for_each(&sw->ports, id, port) {
		for (i = 0; i <= VSWITCH_MAX_NIC_INDEX; i++) {
			struct vswitch_nic *nic = vswitch_deref(port->nics[i]);

			if (nic)
				vswitch_nic_destroy(nic);
		}
	}
	xa_for_each(&sw->ports, id, port)
		vswitch_port_destroy(port);
	vswitch_prop_del_all(sw, NULL);
	xa_erase(&vswitch_switches, sw->id);
	vswitch_generation++;

	/* no NIC is connected: after a grace period no frame is inside */
	vswitch_ext_unbind_all(sw);
	synchronize_net();
	vswitch_put(sw);
}

/*
 * A switch's memory goes with its last reference: its own, dropped by
 * vswitch_destroy(), or an FDB dump's, which walks the (by then empty)
 * table without vswitch_mutex. Context: may sleep.
 */
void vswitch_put(struct vswitch *sw)
{
	if (!refcount_dec_and_test(&sw->refs))
		return;
	vswitch_fdb_destroy(&sw->fdb);
	xa_destroy(&sw->ports);
	free_percpu(sw->stats);
	kfree(sw);
}

void vswitch_destroy_all(void)
{
	struct vswitch *sw;
	unsigned long id;

	xa_for_each(&vswitch_switches, id, sw)
		vswitch_destroy(sw);
}
