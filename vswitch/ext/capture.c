// SPDX-License-Identifier: GPL-2.0
/*
 * The capture extension: a copy of the chosen ports' traffic on a netdev
 * that tcpdump can read, one netdev per switch.
 *
 * A port's ingress is what it sends into the switch, seen first in the
 * chain (before any filter); its egress is what the switch delivers to it,
 * seen last (after every exclusion), one copy per destination. The copy
 * carries the packet's VLAN in the switch as its VLAN tag, so that
 * "tcpdump -e" shows it. Which ports and directions are captured is the
 * custom port property HVNET_CAPTURE_PROP_ID
 * (include/uapi/linux/hvnet_ext_capture.h).
 *
 * The capture netdev ("hvcap%d", kind and driver "vswitch_capture", the
 * switch's name as ethtool's bus-info and in IFLA_INFO_DATA) lives from
 * the extension's attach on a switch to its detach. It only receives:
 * what the host transmits on it is dropped and counted, its copies are
 * marked for another host so that the host's stack leaves them alone, and
 * it cannot be deleted or moved by hand (no dellink, netns-immutable).
 *
 * Locking: the control path ops, attach and detach run under RTNL and the
 * switch's configuration mutex, which serialize every change of a
 * switch's state. The data path reads the per-port direction bitmaps
 * without a lock (a bit is a whole answer; a change is seen a packet
 * late at worst). The per-switch state is freed in detach, after which
 * the switch runs no data path op of ours.
 */
#include <linux/build_bug.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/rtnetlink.h>
#include <hvnet/compat.h>
#include <hvnet/version.h>
#include <hvnet/vswitch_ext.h>
#include <uapi/linux/hvnet_ext_capture.h>

static_assert(VSWITCH_EXT_PROP_ID('c', 'a', 'p', 't') == HVNET_CAPTURE_PROP_ID);
static_assert(sizeof(struct hvnet_capture_prop) == 4);

#define CAPTURE_PORTS	(U16_MAX + 1)

/* The capture state of one switch */
struct capture_sw {
	struct net_device *dev;
	DECLARE_BITMAP(ingress, CAPTURE_PORTS);
	DECLARE_BITMAP(egress, CAPTURE_PORTS);
};

/* The capture netdev's private part */
struct capture_dev {
	char switch_name[VSWITCH_NAME_LEN];
};

/* ---- the capture netdev ---- */

static int capture_dev_init(struct net_device *dev)
{
	dev->tstats = netdev_alloc_pcpu_stats(struct pcpu_sw_netstats);
	return dev->tstats ? 0 : -ENOMEM;
}

static void capture_dev_uninit(struct net_device *dev)
{
	free_percpu(dev->tstats);
}

/* Receive only: what the host sends on it goes nowhere. */
static netdev_tx_t capture_dev_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_core_stats_tx_dropped_inc(dev);
	kfree_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops capture_dev_ops = {
	.ndo_init		= capture_dev_init,
	.ndo_uninit		= capture_dev_uninit,
	.ndo_start_xmit		= capture_dev_xmit,
	.ndo_get_stats64	= dev_get_tstats64,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

static void capture_dev_get_drvinfo(struct net_device *dev,
				    struct ethtool_drvinfo *info)
{
	struct capture_dev *cd = netdev_priv(dev);

	strscpy(info->driver, HVNET_CAPTURE_KIND, sizeof(info->driver));
	strscpy(info->version, HVNET_VERSION, sizeof(info->version));
	strscpy(info->bus_info, cd->switch_name, sizeof(info->bus_info));
}

static const struct ethtool_ops capture_dev_ethtool_ops = {
	.get_drvinfo	= capture_dev_get_drvinfo,
	.get_link	= ethtool_op_get_link,
};

static size_t capture_dev_get_size(const struct net_device *dev)
{
	return nla_total_size(VSWITCH_NAME_LEN);	/* IFLA_HVNET_CAPTURE_SWITCH */
}

static int capture_dev_fill_info(struct sk_buff *skb, const struct net_device *dev)
{
	const struct capture_dev *cd = netdev_priv(dev);

	return nla_put_string(skb, IFLA_HVNET_CAPTURE_SWITCH, cd->switch_name);
}

/*
 * Without setup or alloc, rtnetlink neither creates nor deletes such a
 * netdev: "ip link add/del" are refused; the kind shows in "ip -d link".
 */
static struct rtnl_link_ops capture_link_ops __read_mostly = {
	.kind		= HVNET_CAPTURE_KIND,
	.maxtype	= IFLA_HVNET_CAPTURE_MAX,
	.get_size	= capture_dev_get_size,
	.fill_info	= capture_dev_fill_info,
};

static void capture_dev_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &capture_dev_ops;
	dev->ethtool_ops = &capture_dev_ethtool_ops;
	dev->rtnl_link_ops = &capture_link_ops;
	dev->needs_free_netdev = true;
	/* the switch's own: not a NIC of a switch, nor a bridge port */
	dev->priv_flags |= IFF_NO_QUEUE | IFF_NO_RX_HANDLER;
	dev->flags |= IFF_NOARP;
	hvnet_netdev_set_lltx_netns_local(dev);
	dev->max_mtu = ETH_MAX_MTU;
	eth_hw_addr_random(dev);
}

static struct net_device *capture_dev_create(const char *switch_name,
					     struct netlink_ext_ack *extack)
{
	struct capture_dev *cd;
	struct net_device *dev;
	int err;

	ASSERT_RTNL();
	dev = alloc_netdev(sizeof(*cd), "hvcap%d", NET_NAME_ENUM, capture_dev_setup);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	cd = netdev_priv(dev);
	strscpy(cd->switch_name, switch_name, sizeof(cd->switch_name));
	err = register_netdevice(dev);
	if (err) {
		NL_SET_ERR_MSG(extack, "cannot register the capture netdev");
		free_netdev(dev);
		return ERR_PTR(err);
	}
	/* up from the start, so that tcpdump -i finds it ready */
	err = dev_change_flags(dev, dev->flags | IFF_UP, extack);
	if (err) {
		unregister_netdevice(dev);
		return ERR_PTR(err);
	}
	return dev;
}

/* ---- the data path ---- */

/* A copy of @skb, tagged with @vid (0: untagged), received by the netdev. */
static void capture_copy(struct net_device *dev, const struct sk_buff *skb, u16 vid)
{
	struct sk_buff *copy;
	unsigned int len;

	if (!netif_running(dev))
		return;
	copy = vswitch_ext_clone(skb, GFP_ATOMIC);
	if (unlikely(!copy)) {
		dev_core_stats_rx_dropped_inc(dev);
		return;
	}
	/* a copy for the tap: no socket, route, mark or time of its own */
	skb_scrub_packet(copy, true);
	if (vid)
		__vlan_hwaccel_put_tag(copy, htons(ETH_P_8021Q), vid);
	else
		__vlan_hwaccel_clear_tag(copy);
	len = copy->len;
	copy->protocol = eth_type_trans(copy, dev);
	/* taps see every packet; the host's protocols drop another host's */
	copy->pkt_type = PACKET_OTHERHOST;
	if (likely(netif_rx(copy) == NET_RX_SUCCESS))
		dev_sw_netstats_rx_add(dev, len);
}

static enum vswitch_ext_verdict capture_ingress(struct vswitch_ext_ctx *ctx,
						const struct sk_buff *skb,
						struct vswitch_fwd *fwd)
{
	struct capture_sw *cs = vswitch_ext_priv(ctx);
	u16 src = vswitch_fwd_src_port(fwd);

	/* port 0: made by an extension, from no port */
	if (likely(cs) && src && test_bit(src, cs->ingress))
		capture_copy(cs->dev, skb, vswitch_fwd_vid(fwd));
	return VSWITCH_EXT_PASS;
}

static enum vswitch_ext_verdict capture_egress(struct vswitch_ext_ctx *ctx,
					       const struct sk_buff *skb,
					       struct vswitch_fwd *fwd)
{
	struct capture_sw *cs = vswitch_ext_priv(ctx);
	unsigned int i, n = vswitch_fwd_ndest(fwd);
	struct vswitch_dest dest;

	if (unlikely(!cs))
		return VSWITCH_EXT_PASS;
	for (i = 0; i < n; i++) {
		dest = vswitch_fwd_dest(fwd, i);
		if (!(dest.flags & VSWITCH_DEST_EXCLUDED) && test_bit(dest.port, cs->egress))
			capture_copy(cs->dev, skb, vswitch_fwd_vid(fwd));
	}
	return VSWITCH_EXT_PASS;
}

/* ---- the control path ---- */

static int capture_attach(struct vswitch_ext_ctx *ctx, struct netlink_ext_ack *extack)
{
	struct capture_sw *cs;

	cs = kvzalloc(sizeof(*cs), GFP_KERNEL);
	if (!cs)
		return -ENOMEM;
	cs->dev = capture_dev_create(vswitch_ext_switch_name(ctx), extack);
	if (IS_ERR(cs->dev)) {
		int err = PTR_ERR(cs->dev);

		kvfree(cs);
		return err;
	}
	vswitch_ext_set_priv(ctx, cs);
	return 0;
}

static void capture_detach(struct vswitch_ext_ctx *ctx)
{
	struct capture_sw *cs = vswitch_ext_priv(ctx);

	if (!cs)
		return;
	vswitch_ext_set_priv(ctx, NULL);
	unregister_netdevice(cs->dev);
	kvfree(cs);
}

static int capture_prop_check(const struct vswitch_ext_prop *prop,
			      struct netlink_ext_ack *extack)
{
	const struct hvnet_capture_prop *p = prop->data;

	if (!prop->port_id) {
		NL_SET_ERR_MSG(extack, "the capture property belongs to a port, not to the switch");
		return -EINVAL;
	}
	if (prop->instance) {
		NL_SET_ERR_MSG(extack, "a port has one capture property, instance 0");
		return -EINVAL;
	}
	if (prop->version != HVNET_CAPTURE_PROP_VERSION) {
		NL_SET_ERR_MSG_FMT(extack, "capture property version %u unknown (%u is)",
				   prop->version, HVNET_CAPTURE_PROP_VERSION);
		return -EOPNOTSUPP;
	}
	if (prop->len != sizeof(*p)) {
		NL_SET_ERR_MSG_FMT(extack, "capture property of %u bytes, not %zu",
				   prop->len, sizeof(*p));
		return -EINVAL;
	}
	if (p->directions & ~HVNET_CAPTURE_DIRECTIONS) {
		NL_SET_ERR_MSG(extack, "capture directions are ingress (1) and egress (2)");
		return -EINVAL;
	}
	return 0;
}

static void capture_set_port(struct capture_sw *cs, u16 port, u32 directions)
{
	assign_bit(port, cs->ingress, directions & HVNET_CAPTURE_INGRESS);
	assign_bit(port, cs->egress, directions & HVNET_CAPTURE_EGRESS);
}

/* prop_add and prop_update: the new value replaces whatever was. */
static int capture_prop_set(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop,
			    struct netlink_ext_ack *extack)
{
	struct capture_sw *cs = vswitch_ext_priv(ctx);
	const struct hvnet_capture_prop *p = prop->data;
	int err;

	if (prop->id != HVNET_CAPTURE_PROP_ID)
		return 0;
	err = capture_prop_check(prop, extack);
	if (err)
		return err;
	capture_set_port(cs, prop->port_id, p->directions);
	return 0;
}

static void capture_prop_delete(struct vswitch_ext_ctx *ctx,
				const struct vswitch_ext_prop *prop)
{
	struct capture_sw *cs = vswitch_ext_priv(ctx);

	if (prop->id == HVNET_CAPTURE_PROP_ID && prop->port_id && !prop->instance)
		capture_set_port(cs, prop->port_id, 0);
}

static const struct vswitch_ext_ops capture_ops = {
	.attach		= capture_attach,
	.detach		= capture_detach,
	.ingress	= capture_ingress,
	.egress		= capture_egress,
	.prop_add	= capture_prop_set,
	.prop_update	= capture_prop_set,
	.prop_delete	= capture_prop_delete,
};

static struct vswitch_ext capture_ext = {
	.name	= HVNET_CAPTURE_EXT_NAME,
	.class	= VSWITCH_EXT_CLASS_CAPTURE,
	.ops	= &capture_ops,
	.owner	= THIS_MODULE,
};

static int __init capture_init(void)
{
	int err;

	err = rtnl_link_register(&capture_link_ops);
	if (err)
		return err;
	err = vswitch_ext_register(&capture_ext);
	if (err)
		rtnl_link_unregister(&capture_link_ops);
	return err;
}

static void __exit capture_exit(void)
{
	/* every capture netdev goes with its switch's detach */
	vswitch_ext_unregister(&capture_ext);
	rtnl_link_unregister(&capture_link_ops);
}

module_init(capture_init);
module_exit(capture_exit);
MODULE_DESCRIPTION("hvnet: switch extension copying ports' traffic to a capture netdev");
MODULE_LICENSE("GPL");
MODULE_VERSION(HVNET_VERSION);
