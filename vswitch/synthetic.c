// SPDX-License-Identifier: GPL-2.0
/*
 * The in-kernel API of include/hvnet/vswitch.h: switches made by other
 * modules, and synthetic NICs, each with its own synthetic port, whose
 * frames come and go through the owner's callbacks.
 */
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/rtnetlink.h>

#include "vswitch.h"

/**
 * vswitch_switch_add() - create a private or internal switch
 * @name: its name
 * @internal_type: an internal switch (its internal NIC netdev is named
 *	after the switch), else a private one
 * @extack: why not
 *
 * Return: 0 or a negative errno.
 */
int vswitch_switch_add(const char *name, bool internal_type, struct netlink_ext_ack *extack)
{
	struct vswitch *sw;

	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	sw = vswitch_create(name, internal_type ? VSWITCH_SWITCH_TYPE_INTERNAL :
				  VSWITCH_SWITCH_TYPE_PRIVATE,
			    NULL, internal_type ? name : NULL, extack);
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
	return PTR_ERR_OR_ZERO(sw);
}
EXPORT_SYMBOL_GPL(vswitch_switch_add);

/**
 * vswitch_switch_del() - delete a switch with everything on it
 * @name: its name
 * @extack: why not
 *
 * Return: 0 or -ENOENT.
 */
int vswitch_switch_del(const char *name, struct netlink_ext_ack *extack)
{
	struct vswitch *sw;
	int err = 0;

	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	sw = vswitch_find(0, name);
	if (sw) {
		vswitch_destroy(sw);
	} else {
		NL_SET_ERR_MSG(extack, "no such switch");
		err = -ENOENT;
	}
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
	return err;
}
EXPORT_SYMBOL_GPL(vswitch_switch_del);

/**
 * vswitch_synthetic_nic_create() - create a synthetic port and its NIC
 * @desc: what to create
 * @extack: why not
 *
 * The NIC is created, not connected.
 * Return: the NIC or an ERR_PTR().
 */
struct vswitch_nic *vswitch_synthetic_nic_create(const struct vswitch_nic_desc *desc,
						 struct netlink_ext_ack *extack)
{
	struct vswitch_port *port = NULL;
	struct vswitch_nic *nic;
	struct vswitch *sw;
	int err;

	if (!desc->ops || !desc->ops->deliver || !desc->mac || !is_valid_ether_addr(desc->mac) ||
	    desc->mtu < ETH_MIN_MTU || desc->mtu > ETH_MAX_MTU) {
		NL_SET_ERR_MSG(extack, "a synthetic NIC needs ops, a unicast MAC and an MTU");
		return ERR_PTR(-EINVAL);
	}
	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	sw = vswitch_find(0, desc->switch_name);
	if (!sw) {
		NL_SET_ERR_MSG(extack, "no such switch");
		nic = ERR_PTR(-ENOENT);
		goto out;
	}
	port = vswitch_port_create(sw, desc->port_name, VSWITCH_PORT_TYPE_SYNTHETIC, extack);
	if (IS_ERR(port)) {
		nic = ERR_CAST(port);
		goto out;
	}
	nic = vswitch_nic_alloc(port, 0, VSWITCH_NIC_TYPE_SYNTHETIC, extack);
	if (IS_ERR(nic)) {
		vswitch_port_destroy(port);
		goto out;
	}
	nic->ops = desc->ops;
	nic->priv = desc->priv;
	ether_addr_copy(nic->mac, desc->mac);
	nic->mac_set = true;
	nic->mtu = desc->mtu;
	nic->mtu_set = true;
	err = vswitch_nic_publish(nic, extack);
	if (err) {
		vswitch_nic_destroy(nic);
		vswitch_port_destroy(port);
		nic = ERR_PTR(err);
	}
out:
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
	return nic;
}
EXPORT_SYMBOL_GPL(vswitch_synthetic_nic_create);

/**
 * vswitch_synthetic_nic_connect() - let traffic flow to and from the NIC
 * @nic: a created or disconnected synthetic NIC
 * @extack: why not
 *
 * Return: 0 or a negative errno.
 */
int vswitch_synthetic_nic_connect(struct vswitch_nic *nic, struct netlink_ext_ack *extack)
{
	int err;

	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	err = vswitch_nic_do_connect(nic, extack);
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
	return err;
}
EXPORT_SYMBOL_GPL(vswitch_synthetic_nic_connect);

/**
 * vswitch_synthetic_nic_disconnect() - stop traffic; none is in flight on return
 * @nic: a connected synthetic NIC
 */
void vswitch_synthetic_nic_disconnect(struct vswitch_nic *nic)
{
	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	vswitch_nic_do_disconnect(nic, NULL);
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
}
EXPORT_SYMBOL_GPL(vswitch_synthetic_nic_disconnect);

/**
 * vswitch_synthetic_nic_delete() - delete the NIC and tear down its port
 * @nic: the NIC; disconnected first if it is connected
 */
void vswitch_synthetic_nic_delete(struct vswitch_nic *nic)
{
	struct vswitch_port *port = nic->port;

	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	vswitch_nic_destroy(nic);
	vswitch_port_destroy(port);
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
}
EXPORT_SYMBOL_GPL(vswitch_synthetic_nic_delete);

/**
 * vswitch_nic_receive() - a frame from the NIC enters the switch
 * @nic: the NIC
 * @skb: the frame, skb->data at its Ethernet header; consumed
 */
void vswitch_nic_receive(struct vswitch_nic *nic, struct sk_buff *skb)
{
	local_bh_disable();
	rcu_read_lock();
	/* derived by ingress once the header is known to be there */
	skb->protocol = 0;
	vswitch_ingress(nic, skb);
	rcu_read_unlock();
	local_bh_enable();
}
EXPORT_SYMBOL_GPL(vswitch_nic_receive);

/**
 * vswitch_nic_priv() - the owner's cookie of a NIC
 * @nic: the NIC
 *
 * Return: vswitch_nic_desc.priv.
 */
void *vswitch_nic_priv(const struct vswitch_nic *nic)
{
	return nic->priv;
}
EXPORT_SYMBOL_GPL(vswitch_nic_priv);

/**
 * vswitch_nic_set_mtu() - change the MTU the switch enforces toward the NIC
 * @nic: the NIC
 * @mtu: the new MTU
 * @extack: why not
 *
 * Context: process, may sleep (the extensions are told).
 * Return: 0 or -EINVAL.
 */
int vswitch_nic_set_mtu(struct vswitch_nic *nic, u32 mtu, struct netlink_ext_ack *extack)
{
	if (mtu < ETH_MIN_MTU || mtu > ETH_MAX_MTU) {
		NL_SET_ERR_MSG(extack, "MTU out of range");
		return -EINVAL;
	}
	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	WRITE_ONCE(nic->mtu, mtu);
	vswitch_ext_nic_update(nic);
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
	return 0;
}
EXPORT_SYMBOL_GPL(vswitch_nic_set_mtu);
