// SPDX-License-Identifier: GPL-2.0
/*
 * A NIC's life: CREATED -> CONNECTED <-> DISCONNECTED -> DELETED
 * (state.c). Emulated and external NICs claim their netdev's rx_handler;
 * the internal NIC owns its netdev; synthetic NICs belong to another module
 * (include/hvnet/vswitch.h). Traffic flows only while CONNECTED: connected
 * NICs are on their switch's RCU list, and disconnecting waits a grace
 * period so that no frame is in flight when it returns.
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "vswitch.h"

static void vswitch_nic_set_state(struct vswitch_nic *nic, enum vswitch_nic_state to)
{
	WRITE_ONCE(nic->state, to);
	vswitch_generation++;
}

static bool vswitch_nic_type_fits(enum vswitch_port_type port, enum vswitch_nic_type nic)
{
	switch (port) {
	case VSWITCH_PORT_TYPE_EXTERNAL:
		return nic == VSWITCH_NIC_TYPE_EXTERNAL;
	case VSWITCH_PORT_TYPE_SYNTHETIC:
		return nic == VSWITCH_NIC_TYPE_SYNTHETIC;
	case VSWITCH_PORT_TYPE_EMULATED:
		return nic == VSWITCH_NIC_TYPE_EMULATED;
	case VSWITCH_PORT_TYPE_INTERNAL:
		return nic == VSWITCH_NIC_TYPE_INTERNAL;
	default:
		return false;
	}
}

struct vswitch_nic *vswitch_nic_alloc(struct vswitch_port *port, u8 index,
				      enum vswitch_nic_type type,
				      struct netlink_ext_ack *extack)
{
	struct vswitch_nic *nic;

	lockdep_assert_held(&vswitch_mutex);
	if (READ_ONCE(port->state) != VSWITCH_PORT_STATE_CREATED) {
		NL_SET_ERR_MSG_FMT(extack, "port %s is %s", port->name,
				   vswitch_port_state_name(port->state));
		return ERR_PTR(-EINVAL);
	}
	if (!vswitch_nic_type_fits(port->type, type)) {
		NL_SET_ERR_MSG_FMT(extack, "port %s cannot take a NIC of this type", port->name);
		return ERR_PTR(-EINVAL);
	}
	if (index > VSWITCH_MAX_NIC_INDEX ||
	    (index && port->type != VSWITCH_PORT_TYPE_EXTERNAL)) {
		NL_SET_ERR_MSG(extack, "only an external port has NICs with an index above 0");
		return ERR_PTR(-EINVAL);
	}
	if (rcu_access_pointer(port->nics[index])) {
		NL_SET_ERR_MSG_FMT(extack, "port %s already has NIC %u", port->name, index);
		return ERR_PTR(-EEXIST);
	}
	nic = kzalloc(sizeof(*nic), GFP_KERNEL);
	if (!nic)
		return ERR_PTR(-ENOMEM);
	nic->stats = vswitch_stats_alloc();
	if (!nic->stats) {
		kfree(nic);
		return ERR_PTR(-ENOMEM);
	}
	INIT_LIST_HEAD(&nic->sw_node);
	nic->port = port;
	nic->index = index;
	nic->type = type;
	nic->state = VSWITCH_NIC_STATE_CREATED;
	return nic;
}

/* Emulated and external NICs: claim @dev. Under RTNL. */
int vswitch_nic_attach_dev(struct vswitch_nic *nic, struct net_device *dev,
			   struct netlink_ext_ack *extack)
{
	int err;

	ASSERT_RTNL();
	if (dev->type != ARPHRD_ETHER || dev->addr_len != ETH_ALEN ||
	    (dev->flags & IFF_LOOPBACK)) {
		NL_SET_ERR_MSG_FMT(extack, "%s is not an Ethernet device", dev->name);
		return -EINVAL;
	}
	if (vswitch_is_internal_dev(dev)) {
		NL_SET_ERR_MSG_FMT(extack, "%s is a switch's internal NIC", dev->name);
		return -EINVAL;
	}
	/* what the suite makes (a capture extension's netdev, say) is not a NIC */
	if (dev->priv_flags & IFF_NO_RX_HANDLER) {
		NL_SET_ERR_MSG_FMT(extack, "%s cannot be a NIC: it takes no receive handler",
				   dev->name);
		return -EINVAL;
	}
	if (netdev_is_rx_handler_busy(dev)) {
		NL_SET_ERR_MSG_FMT(extack,
				   "%s is already attached to a bridge, bond or switch",
				   dev->name);
		return -EBUSY;
	}
	if (nic->type == VSWITCH_NIC_TYPE_EXTERNAL) {
		err = dev_set_promiscuity(dev, 1);
		if (err) {
			NL_SET_ERR_MSG_FMT(extack, "%s refused promiscuous mode", dev->name);
			return err;
		}
		dev_disable_lro(dev);
	}
	err = netdev_rx_handler_register(dev, vswitch_handle_frame, nic);
	if (err) {
		if (nic->type == VSWITCH_NIC_TYPE_EXTERNAL)
			dev_set_promiscuity(dev, -1);
		NL_SET_ERR_MSG_FMT(extack, "%s: cannot claim its receive handler", dev->name);
		return err;
	}
	dev_hold(dev);
	nic->dev = dev;
	if (!nic->mac_set)
		ether_addr_copy(nic->mac, dev->dev_addr);
	if (!nic->mtu_set)
		nic->mtu = dev->mtu;
	return 0;
}

static void vswitch_nic_release_dev(struct vswitch_nic *nic)
{
	struct net_device *dev = nic->dev;

	if (!dev)
		return;
	switch (nic->type) {
	case VSWITCH_NIC_TYPE_EXTERNAL:
	case VSWITCH_NIC_TYPE_EMULATED:
		netdev_rx_handler_unregister(dev);
		if (nic->type == VSWITCH_NIC_TYPE_EXTERNAL)
			dev_set_promiscuity(dev, -1);
		dev_put(dev);
		break;
	case VSWITCH_NIC_TYPE_INTERNAL:
		vswitch_internal_dev_destroy(dev);
		break;
	default:
		break;
	}
	nic->dev = NULL;
}

/*
 * The NIC is created: offer it to the extensions, then make it the port's.
 * On a veto the caller destroys the NIC (which they never knew).
 */
int vswitch_nic_publish(struct vswitch_nic *nic, struct netlink_ext_ack *extack)
{
	int err;

	err = vswitch_ext_nic_create(nic, extack);
	if (err)
		return err;
	/* the guest's own address is known: spoofing it is refused, as in
	 * Hyper-V, unless the administrator said otherwise
	 */
	if (nic->mac_set && !nic->port->mac_guard_set)
		WRITE_ONCE(nic->port->guards, nic->port->guards | VSWITCH_GUARD_MAC);
	rcu_assign_pointer(nic->port->nics[nic->index], nic);
	vswitch_generation++;
	return 0;
}

int vswitch_nic_do_connect(struct vswitch_nic *nic, struct netlink_ext_ack *extack)
{
	lockdep_assert_held(&vswitch_mutex);
	if (!vswitch_nic_state_allowed(nic->state, VSWITCH_NIC_STATE_CONNECTED)) {
		NL_SET_ERR_MSG_FMT(extack, "NIC is %s; only a created or disconnected NIC connects",
				   vswitch_nic_state_name(nic->state));
		return -EINVAL;
	}
	if (READ_ONCE(nic->port->state) != VSWITCH_PORT_STATE_CREATED) {
		NL_SET_ERR_MSG(extack, "the NIC's port is being torn down");
		return -EINVAL;
	}
	/* the extensions know it before its first frame */
	vswitch_ext_nic_event(nic, VSWITCH_NIC_STATE_CONNECTED);
	vswitch_nic_set_state(nic, VSWITCH_NIC_STATE_CONNECTED);
	list_add_tail_rcu(&nic->sw_node, &nic->port->sw->nics);
	return 0;
}

int vswitch_nic_do_disconnect(struct vswitch_nic *nic, struct netlink_ext_ack *extack)
{
	lockdep_assert_held(&vswitch_mutex);
	if (!vswitch_nic_state_allowed(nic->state, VSWITCH_NIC_STATE_DISCONNECTED)) {
		NL_SET_ERR_MSG_FMT(extack, "NIC is %s; only a connected NIC disconnects",
				   vswitch_nic_state_name(nic->state));
		return -EINVAL;
	}
	vswitch_nic_set_state(nic, VSWITCH_NIC_STATE_DISCONNECTED);
	list_del_rcu(&nic->sw_node);
	/* drain: no frame from or to this NIC is in the switch after this */
	synchronize_net();
	vswitch_ext_nic_event(nic, VSWITCH_NIC_STATE_DISCONNECTED);
	return 0;
}

static void vswitch_nic_free_rcu(struct rcu_head *head)
{
	struct vswitch_nic *nic = container_of(head, struct vswitch_nic, rcu);

	free_percpu(nic->stats);
	kfree(nic);
}

int vswitch_nic_do_delete(struct vswitch_nic *nic, struct netlink_ext_ack *extack)
{
	lockdep_assert_held(&vswitch_mutex);
	if (!vswitch_nic_state_allowed(nic->state, VSWITCH_NIC_STATE_DELETED)) {
		NL_SET_ERR_MSG_FMT(extack, "NIC is %s; disconnect it first",
				   vswitch_nic_state_name(nic->state));
		return -EBUSY;
	}
	vswitch_ext_nic_event(nic, VSWITCH_NIC_STATE_DELETED);
	vswitch_nic_set_state(nic, VSWITCH_NIC_STATE_DELETED);
	if (rcu_access_pointer(nic->port->nics[nic->index]) == nic)
		RCU_INIT_POINTER(nic->port->nics[nic->index], NULL);
	vswitch_nic_release_dev(nic);
	call_rcu(&nic->rcu, vswitch_nic_free_rcu);
	return 0;
}

/* Whatever state it is in: disconnect if connected, then delete. */
void vswitch_nic_destroy(struct vswitch_nic *nic)
{
	if (nic->state == VSWITCH_NIC_STATE_CONNECTED)
		vswitch_nic_do_disconnect(nic, NULL);
	vswitch_nic_do_delete(nic, NULL);
}

struct vswitch_nic *vswitch_nic_by_dev(const struct net_device *dev)
{
	if (rcu_access_pointer(dev->rx_handler) != vswitch_handle_frame)
		return NULL;
	return rtnl_dereference(dev->rx_handler_data);
}

/* The internal NIC follows its netdev: MTU, address and name. */
static void vswitch_internal_event(struct vswitch_nic *nic, struct net_device *dev,
				   unsigned long event)
{
	switch (event) {
	case NETDEV_CHANGEMTU:
		WRITE_ONCE(nic->mtu, dev->mtu);
		vswitch_ext_nic_update(nic);
		break;
	case NETDEV_CHANGEADDR:
		ether_addr_copy(nic->mac, dev->dev_addr);
		vswitch_ext_nic_update(nic);
		break;
	case NETDEV_CHANGENAME:
		strscpy(nic->port->sw->internal_ifname, dev->name,
			sizeof(nic->port->sw->internal_ifname));
		vswitch_generation++;
		break;
	}
}

/*
 * A claimed netdev going away takes its NIC with it; its MTU follows, and
 * its address unless one was given. Nothing of the switch's may stop
 * being Ethernet. The internal NIC's netdev is unbound before the switch
 * unregisters it, so that event never waits here for vswitch_mutex.
 */
static int vswitch_netdev_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct vswitch_nic *nic;

	nic = vswitch_is_internal_dev(dev) ? vswitch_internal_dev_nic(dev) :
					      vswitch_nic_by_dev(dev);
	if (!nic)
		return NOTIFY_DONE;
	if (event == NETDEV_PRE_TYPE_CHANGE)
		return notifier_from_errno(-EBUSY);
	mutex_lock(&vswitch_mutex);
	if (nic->type == VSWITCH_NIC_TYPE_INTERNAL) {
		vswitch_internal_event(nic, dev, event);
		mutex_unlock(&vswitch_mutex);
		return NOTIFY_DONE;
	}
	switch (event) {
	case NETDEV_UNREGISTER:
		if (nic->port->sw->external == nic->port)
			nic->port->sw->uplink_ifindex = 0;
		vswitch_nic_destroy(nic);
		break;
	case NETDEV_CHANGEMTU:
		if (!nic->mtu_set) {
			WRITE_ONCE(nic->mtu, dev->mtu);
			vswitch_ext_nic_update(nic);
		}
		break;
	case NETDEV_CHANGEADDR:
		if (!nic->mac_set) {
			ether_addr_copy(nic->mac, dev->dev_addr);
			vswitch_ext_nic_update(nic);
		}
		break;
	}
	mutex_unlock(&vswitch_mutex);
	return NOTIFY_DONE;
}

static struct notifier_block vswitch_netdev_nb = {
	.notifier_call = vswitch_netdev_event,
};

int vswitch_netdev_notifier_register(void)
{
	return register_netdevice_notifier(&vswitch_netdev_nb);
}

void vswitch_netdev_notifier_unregister(void)
{
	unregister_netdevice_notifier(&vswitch_netdev_nb);
}
