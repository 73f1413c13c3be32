// SPDX-License-Identifier: GPL-2.0
/*
 * The internal NIC's netdev: a host interface (Hyper-V's "vEthernet")
 * through which the root partition reaches the switch. What the host
 * transmits on it enters the switch; what the switch delivers to it is
 * received by the host stack. Its counters are the NIC's, seen from the host.
 */
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <hvnet/version.h>

#include "vswitch.h"

struct vswitch_internal_priv {
	struct vswitch_nic __rcu *nic;
};

static netdev_tx_t vswitch_internal_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct vswitch_internal_priv *priv = netdev_priv(dev);
	struct vswitch_nic *nic;

	rcu_read_lock();
	nic = rcu_dereference(priv->nic);
	if (likely(nic))
		vswitch_ingress(nic, skb);
	else
		dev_core_stats_tx_dropped_inc(dev);
	rcu_read_unlock();
	if (unlikely(!nic))
		kfree_skb(skb);
	return NETDEV_TX_OK;
}

static int vswitch_internal_open(struct net_device *dev)
{
	netif_start_queue(dev);
	return 0;
}

static int vswitch_internal_stop(struct net_device *dev)
{
	netif_stop_queue(dev);
	return 0;
}

/* The host's receive is the NIC's transmit, and the other way round. */
static void vswitch_internal_get_stats64(struct net_device *dev,
					 struct rtnl_link_stats64 *stats)
{
	struct vswitch_internal_priv *priv = netdev_priv(dev);
	struct vswitch_stats_sum sum;
	struct vswitch_nic *nic;
	int i;

	rcu_read_lock();
	nic = rcu_dereference(priv->nic);
	if (nic) {
		vswitch_stats_sum(nic->stats, &sum);
		stats->rx_packets = sum.tx_packets;
		stats->rx_bytes = sum.tx_bytes;
		stats->tx_packets = sum.rx_packets;
		stats->tx_bytes = sum.rx_bytes;
		for (i = 0; i < __VSWITCH_DROP_MAX; i++)
			stats->tx_dropped += sum.drops[i];
	}
	rcu_read_unlock();
}

static const struct net_device_ops vswitch_internal_ops = {
	.ndo_open		= vswitch_internal_open,
	.ndo_stop		= vswitch_internal_stop,
	.ndo_start_xmit		= vswitch_internal_xmit,
	.ndo_get_stats64	= vswitch_internal_get_stats64,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

static void vswitch_internal_get_drvinfo(struct net_device *dev,
					 struct ethtool_drvinfo *info)
{
	strscpy(info->driver, "vswitch", sizeof(info->driver));
	strscpy(info->version, HVNET_VERSION, sizeof(info->version));
	strscpy(info->bus_info, "internal", sizeof(info->bus_info));
}

static const struct ethtool_ops vswitch_internal_ethtool_ops = {
	.get_drvinfo	= vswitch_internal_get_drvinfo,
	.get_link	= ethtool_op_get_link,
};

static void vswitch_internal_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &vswitch_internal_ops;
	dev->ethtool_ops = &vswitch_internal_ethtool_ops;
	dev->needs_free_netdev = true;
	/* the switch's own: not a NIC of a switch, nor a bridge port */
	dev->priv_flags |= IFF_NO_QUEUE | IFF_NO_RX_HANDLER;
	dev->features = NETIF_F_SG | NETIF_F_HW_CSUM | NETIF_F_HIGHDMA |
			NETIF_F_GSO_SOFTWARE | NETIF_F_HW_VLAN_CTAG_TX;
	dev->hw_features = dev->features;
	dev->vlan_features = dev->features & ~NETIF_F_HW_VLAN_CTAG_TX;
	hvnet_netdev_set_lltx_netns_local(dev);
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_MAX_MTU;
	eth_hw_addr_random(dev);
}

struct net_device *vswitch_internal_dev_create(const char *name,
					       struct netlink_ext_ack *extack)
{
	struct net_device *dev;
	int err;

	ASSERT_RTNL();
	if (__dev_get_by_name(&init_net, name)) {
		NL_SET_ERR_MSG_FMT(extack, "a netdev named %s exists", name);
		return ERR_PTR(-EEXIST);
	}
	dev = alloc_netdev(sizeof(struct vswitch_internal_priv), name, NET_NAME_USER,
			   vswitch_internal_setup);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	err = register_netdevice(dev);
	if (err) {
		NL_SET_ERR_MSG_FMT(extack, "cannot register netdev %s", name);
		free_netdev(dev);
		return ERR_PTR(err);
	}
	return dev;
}

void vswitch_internal_dev_bind(struct net_device *dev, struct vswitch_nic *nic)
{
	struct vswitch_internal_priv *priv = netdev_priv(dev);

	rcu_assign_pointer(priv->nic, nic);
}

void vswitch_internal_dev_destroy(struct net_device *dev)
{
	vswitch_internal_dev_bind(dev, NULL);
	unregister_netdevice(dev);
}

bool vswitch_is_internal_dev(const struct net_device *dev)
{
	return dev->netdev_ops == &vswitch_internal_ops;
}

/* The NIC an internal netdev is bound to, or NULL. Under RTNL. */
struct vswitch_nic *vswitch_internal_dev_nic(const struct net_device *dev)
{
	struct vswitch_internal_priv *priv = netdev_priv(dev);

	return rcu_dereference_rtnl(priv->nic);
}
