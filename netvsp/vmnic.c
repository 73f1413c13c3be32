// SPDX-License-Identifier: GPL-2.0
/*
 * Synthetic NICs: a vswitch synthetic NIC on one side, a NetVSC device
 * (a VMBus channel of class f8615163-df3e-46c5-913f-f2d2f965ed0e and its
 * sub-channels) on the other, and the data path between them.
 *
 * Lock domain:
 * - netvsp_mutex (partition.c) serializes create, set, destroy and the
 *   channel reads for netlink; RTNL is never held here (the bus and the
 *   switch take it themselves, and the guest's probe waits under it for
 *   answers this module gives).
 * - Each channel's guest->host ring is drained by its own work item on the
 *   NIC's workqueue, one run at a time, at most NETVSP_BUDGET packets a run;
 *   ops->signal (atomic) only queues it. NVSP and RNDIS state of the NIC
 *   (nvsp_ver, rndis_state, the buffers' setup) is written by the
 *   primary's work only; its readers on the data path use READ_ONCE().
 * - buf_lock (a BH-safe spinlock) covers the send and receive buffers'
 *   GPADLs and geometry, the receive section map and the control queue;
 *   whoever copies into or out of a buffer holds it, so a revoke never
 *   frees a buffer in use. It is taken from the works and from
 *   ops->deliver (softirq), never from hard IRQ; nothing is taken inside it
 *   but the bus's ring lock (hvnet_vmbus_send()).
 * - Counters are atomic64_t, written from any context.
 * - Ordering of teardown: switch NIC disconnected (no deliver after), the
 *   channel rescinded (the guest's remove runs while the works still answer;
 *   no callback after), then the switch NIC deleted and the works' queue
 *   destroyed.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <hvnet/compat.h>
#include <hvnet/vswitch.h>

#include "netvsp_parse.h"
#include "vmnic.h"

static const guid_t netvsp_nic_class =
	GUID_INIT(0xf8615163, 0xdf3e, 0x46c5, 0x91, 0x3f, 0xf2, 0xd2, 0xf9, 0x65, 0xed, 0x0e);
#define NETVSP_HV_NIC_DEVICE_ID	3

/* --- guest -> host ------------------------------------------------------- */

static void netvsp_chan_work(struct work_struct *w)
{
	struct netvsp_chan *ch = container_of(w, struct netvsp_chan, work);
	unsigned int budget = NETVSP_BUDGET;
	struct hvnet_vmbus_pkt pkt;
	int err;

	if (!READ_ONCE(ch->open))
		return;
	hvnet_vmbus_recv_begin(ch->vc);
again:
	/* a completion that had no room goes first; the guest waits on it */
	if (netvsp_nvsp_flush_completion(ch))
		goto wait_room;
	while (budget) {
		err = hvnet_vmbus_recv(ch->vc, ch->pkt, NETVSP_PKT_BUF, &pkt);
		if (err == -EAGAIN)
			break;
		budget--;
		if (err == -EMSGSIZE) {
			netvsp_drop(ch, NETVSP_DROP_MALFORMED);
			continue;
		}
		if (err) {
			/* a corrupt ring: the bus closes this channel only */
			netvsp_drop(ch, NETVSP_DROP_MALFORMED);
			WRITE_ONCE(ch->open, false);
			return;
		}
		netvsp_nvsp_packet(ch, &pkt);
		if (ch->comp_pending)
			break;
	}
	hvnet_vmbus_recv_done(ch->vc);
	netvsp_rndis_flush(ch->nic);
	if (ch->comp_pending)
		goto wait_room;
	if (!budget) {
		/* yield; the signals stay off until the next run ends */
		queue_work(ch->nic->wq, &ch->work);
		return;
	}
	if (hvnet_vmbus_recv_end(ch->vc)) {
		hvnet_vmbus_recv_begin(ch->vc);
		goto again;
	}
	return;
wait_room:
	/* the guest making room signals the channel */
	hvnet_vmbus_recv_end(ch->vc);
}

/**
 * netvsp_vmnic_gso() - make a guest's LSO v2 frame a GSO skb
 * @skb: the frame, skb->data at its Ethernet header
 * @th: the TCP header's offset
 * @mss: the segment size
 * @v6: IPv6 (else IPv4)
 *
 * The guest zeroed the IP length fields (and the IPv4 header checksum);
 * they are set again for the whole frame, so the switch and whoever
 * receives the skb before segmentation see a valid header.
 *
 * Return: 0, or -EINVAL when the headers contradict the PPI.
 */
int netvsp_vmnic_gso(struct sk_buff *skb, u32 th, u32 mss, bool v6)
{
	const struct ethhdr *eth = (const struct ethhdr *)skb->data;
	const u32 l3 = ETH_HLEN;
	const struct tcphdr *tcp;
	unsigned int gso_type;
	u32 thlen, payload;

	if (v6) {
		struct ipv6hdr *ip6 = (struct ipv6hdr *)(skb->data + l3);

		if (eth->h_proto != htons(ETH_P_IPV6) || th < l3 + sizeof(*ip6))
			return -EINVAL;
		ip6->payload_len = htons(skb->len - l3 - sizeof(*ip6));
		gso_type = SKB_GSO_TCPV6;
	} else {
		struct iphdr *ip = (struct iphdr *)(skb->data + l3);

		if (eth->h_proto != htons(ETH_P_IP) || th < l3 + sizeof(*ip) ||
		    ip->ihl < 5 || l3 + ip->ihl * 4 > th || ip->protocol != IPPROTO_TCP)
			return -EINVAL;
		ip->tot_len = htons(skb->len - l3);
		ip_send_check(ip);
		gso_type = SKB_GSO_TCPV4;
	}
	/* the parser saw 20 bytes of TCP header inside the frame */
	tcp = (const struct tcphdr *)(skb->data + th);
	thlen = tcp->doff * 4;
	if (thlen < sizeof(*tcp) || th + thlen > skb->len)
		return -EINVAL;
	if (!skb_partial_csum_set(skb, th, offsetof(struct tcphdr, check)))
		return -EINVAL;
	skb_set_network_header(skb, l3);
	payload = skb->len - th - thlen;
	if (payload <= mss)
		return 0;
	skb_shinfo(skb)->gso_size = mss;
	/* DODGY: the stack checks the headers again before it segments */
	skb_shinfo(skb)->gso_type = gso_type | SKB_GSO_DODGY;
	skb_shinfo(skb)->gso_segs = DIV_ROUND_UP(payload, mss);
	return 0;
}

/**
 * netvsp_vmnic_from_guest() - a guest's frame enters the switch
 * @ch: the channel it came on
 * @skb: the frame; consumed
 */
void netvsp_vmnic_from_guest(struct netvsp_chan *ch, struct sk_buff *skb)
{
	struct netvsp_vmnic *nic = ch->nic;

	if (!READ_ONCE(nic->link_up)) {
		netvsp_drop(ch, NETVSP_DROP_LINK_DOWN);
		kfree_skb(skb);
		return;
	}
	atomic64_inc(&ch->rx_packets);
	atomic64_add(skb->len, &ch->rx_bytes);
	skb_record_rx_queue(skb, ch->index);
	vswitch_nic_receive(nic->vsw, skb);
}

/* --- host -> guest ------------------------------------------------------- */

/* The packet filter the guest set, applied as a NIC would */
static bool netvsp_filter_pass(const struct netvsp_vmnic *nic, const struct sk_buff *skb)
{
	const u8 *dest = skb->data;
	u32 f = READ_ONCE(nic->filter);

	if (f & HVNET_RNDIS_FILTER_PROMISCUOUS)
		return true;
	if (is_broadcast_ether_addr(dest))
		return f & HVNET_RNDIS_FILTER_BROADCAST;
	if (is_multicast_ether_addr(dest))
		return f & (HVNET_RNDIS_FILTER_ALL_MULTICAST | HVNET_RNDIS_FILTER_MULTICAST);
	return (f & HVNET_RNDIS_FILTER_DIRECTED) && ether_addr_equal(dest, nic->cfg.mac);
}

/* The channel the guest's indirection table names for @skb */
static struct netvsp_chan *netvsp_rx_chan(struct netvsp_vmnic *nic, struct sk_buff *skb)
{
	u32 size = READ_ONCE(nic->rss_size), nr = READ_ONCE(nic->sub_granted) + 1;
	struct netvsp_chan *ch;
	u32 idx;

	if (!READ_ONCE(nic->rss_on) || !size || nr < 2)
		return &nic->chan[0];
	idx = READ_ONCE(nic->rss_table[skb_get_hash(skb) % size]) % nr;
	ch = &nic->chan[idx];
	return READ_ONCE(ch->open) ? ch : &nic->chan[0];
}

static void netvsp_put_ppi(u8 *p, u32 type, u32 value)
{
	struct hvnet_rndis_ppi ppi = {
		.size = HVNET_RNDIS_PPI_SIZE,
		.type = type,
		.offset = sizeof(ppi),
	};

	memcpy(p, &ppi, sizeof(ppi));
	memcpy(p + sizeof(ppi), &value, sizeof(value));
}

/* One frame (not GSO) into a receive section; consumes @skb */
static void netvsp_deliver_one(struct netvsp_chan *ch, struct sk_buff *skb)
{
	struct {
		struct hvnet_rndis_hdr hdr;
		struct hvnet_rndis_packet pkt;
		u8 ppi[3 * HVNET_RNDIS_PPI_SIZE];
	} __packed m = {};
	u32 ppi_len = 0, csum = 0;
	struct kvec iov[2];
	int err;

	if (skb_linearize(skb))
		goto drop_buffer;
	if (skb->ip_summed == CHECKSUM_PARTIAL) {
		/* finish what the sender left, then say it is good */
		if (skb->csum_offset == offsetof(struct tcphdr, check))
			csum = HVNET_RNDIS_CSUM_RX_TCP_OK;
		else if (skb->csum_offset == offsetof(struct udphdr, check))
			csum = HVNET_RNDIS_CSUM_RX_UDP_OK;
		if (skb_checksum_help(skb))
			goto drop_buffer;
	}
	if (csum) {
		netvsp_put_ppi(m.ppi + ppi_len, HVNET_RNDIS_PPI_CHECKSUM,
			       csum | HVNET_RNDIS_CSUM_RX_IP_OK);
		ppi_len += HVNET_RNDIS_PPI_SIZE;
	}
	if (skb_vlan_tag_present(skb)) {
		u16 tci = skb_vlan_tag_get(skb);
		u32 v = ((tci >> VLAN_PRIO_SHIFT) & HVNET_RNDIS_VLAN_PRI_MASK) |
			((tci & VLAN_VID_MASK) << HVNET_RNDIS_VLAN_VID_SHIFT);

		if (tci & VLAN_CFI_MASK)
			v |= HVNET_RNDIS_VLAN_CFI;
		netvsp_put_ppi(m.ppi + ppi_len, HVNET_RNDIS_PPI_IEEE8021Q, v);
		ppi_len += HVNET_RNDIS_PPI_SIZE;
	}
	netvsp_put_ppi(m.ppi + ppi_len, HVNET_RNDIS_PPI_HASH_VALUE, skb_get_hash(skb));
	ppi_len += HVNET_RNDIS_PPI_SIZE;

	m.hdr.type = HVNET_RNDIS_MSG_PACKET;
	m.hdr.len = sizeof(m.hdr) + sizeof(m.pkt) + ppi_len + skb->len;
	m.pkt.data_offset = sizeof(m.pkt) + ppi_len;
	m.pkt.data_len = skb->len;
	m.pkt.ppi_offset = sizeof(m.pkt);
	m.pkt.ppi_len = ppi_len;
	iov[0].iov_base = &m;
	iov[0].iov_len = sizeof(m.hdr) + sizeof(m.pkt) + ppi_len;
	iov[1].iov_base = skb->data;
	iov[1].iov_len = skb->len;

	err = netvsp_recv_send(ch, iov, 2);
	if (!err) {
		atomic64_inc(&ch->tx_packets);
		atomic64_add(skb->len, &ch->tx_bytes);
		consume_skb(skb);
		return;
	}
	if (err == -ENOSPC)
		netvsp_drop(ch, NETVSP_DROP_NO_RECV_SECTION);
	else if (err == -EAGAIN)
		netvsp_drop(ch, NETVSP_DROP_RING_FULL);
	else
		netvsp_drop(ch, NETVSP_DROP_BUFFER);
	kfree_skb(skb);
	return;
drop_buffer:
	netvsp_drop(ch, NETVSP_DROP_BUFFER);
	kfree_skb(skb);
}

/* ops->deliver: under RCU with BH disabled */
static void netvsp_deliver(struct vswitch_nic *vsw, struct sk_buff *skb)
{
	struct netvsp_vmnic *nic = vswitch_nic_priv(vsw);
	struct netvsp_chan *ch = netvsp_rx_chan(nic, skb);
	struct sk_buff *segs, *next;

	if (!READ_ONCE(nic->link_up)) {
		netvsp_drop(ch, NETVSP_DROP_LINK_DOWN);
		goto drop;
	}
	if (!READ_ONCE(ch->open) || READ_ONCE(nic->rndis_state) != NETVSP_RNDIS_INITIALIZED ||
	    skb->len < ETH_HLEN || !netvsp_filter_pass(nic, skb)) {
		netvsp_drop(ch, NETVSP_DROP_STATE);
		goto drop;
	}
	if (!skb_is_gso(skb)) {
		netvsp_deliver_one(ch, skb);
		return;
	}
	/* no receive coalescing: the guest gets wire-sized frames */
	segs = skb_gso_segment(skb, 0);
	if (IS_ERR_OR_NULL(segs)) {
		netvsp_drop(ch, NETVSP_DROP_BUFFER);
		goto drop;
	}
	consume_skb(skb);
	skb_list_walk_safe(segs, skb, next) {
		skb_mark_not_on_list(skb);
		netvsp_deliver_one(ch, skb);
	}
	return;
drop:
	kfree_skb(skb);
}

static const struct vswitch_nic_ops netvsp_vsw_ops = {
	.deliver = netvsp_deliver,
};

/* --- channel callbacks --------------------------------------------------- */

static int netvsp_chan_opened(struct hvnet_vmbus_chan *vc)
{
	struct netvsp_chan *ch = hvnet_vmbus_chan_priv(vc);

	ch->pkt = kmalloc(NETVSP_PKT_BUF, GFP_KERNEL);
	ch->stage = kvmalloc(NETVSP_STAGE_SIZE, GFP_KERNEL);
	if (!ch->pkt || !ch->stage) {
		kfree(ch->pkt);
		kvfree(ch->stage);
		ch->pkt = NULL;
		ch->stage = NULL;
		return -ENOMEM;
	}
	ch->vc = vc;
	ch->comp_pending = false;
	WRITE_ONCE(ch->open, true);
	/* the guest may have written before the host looked */
	queue_work(ch->nic->wq, &ch->work);
	return 0;
}

static void netvsp_chan_signal(struct hvnet_vmbus_chan *vc)
{
	struct netvsp_chan *ch = hvnet_vmbus_chan_priv(vc);

	if (READ_ONCE(ch->open))
		queue_work(ch->nic->wq, &ch->work);
}

static void netvsp_chan_closed(struct hvnet_vmbus_chan *vc)
{
	struct netvsp_chan *ch = hvnet_vmbus_chan_priv(vc);
	struct netvsp_vmnic *nic = ch->nic;

	WRITE_ONCE(ch->open, false);
	cancel_work_sync(&ch->work);
	ch->comp_pending = false;
	kfree(ch->pkt);
	kvfree(ch->stage);
	ch->pkt = NULL;
	ch->stage = NULL;
	if (ch->index) {
		/* a closed sub-channel is offered again at the next SUBCHANNEL */
		ch->vc = NULL;
		return;
	}
	/* the guest detached: it negotiates everything anew on reopen */
	netvsp_nvsp_reset(nic);
}

static void netvsp_chan_probed(struct hvnet_vmbus_chan *vc, struct hv_device *dev, int err)
{
	struct netvsp_chan *ch = hvnet_vmbus_chan_priv(vc);

	WRITE_ONCE(ch->nic->probed, !err);
	if (err)
		pr_info("netvsp: %s: the guest's driver did not bind: %pe\n",
			ch->nic->cfg.name, ERR_PTR(err));
}

const struct hvnet_vmbus_chan_ops netvsp_chan_ops = {
	.opened = netvsp_chan_opened,
	.signal = netvsp_chan_signal,
	.closed = netvsp_chan_closed,
	.probed = netvsp_chan_probed,
};

/* --- configuration (netvsp_mutex) ---------------------------------------- */

static int netvsp_vmnic_check(const struct netvsp_vmnic_config *cfg,
			      struct netlink_ext_ack *extack)
{
	if (!is_valid_ether_addr(cfg->mac)) {
		NL_SET_ERR_MSG(extack, "the NIC's MAC must be a valid unicast address");
		return -EINVAL;
	}
	if (cfg->mtu < ETH_MIN_MTU || cfg->mtu > 9000) {
		NL_SET_ERR_MSG(extack, "MTU out of 68..9000");
		return -EINVAL;
	}
	if (!cfg->queues || cfg->queues > HVNET_NVSP_MAX_CHANNELS) {
		NL_SET_ERR_MSG(extack, "queues out of 1..64");
		return -EINVAL;
	}
	return 0;
}

/**
 * netvsp_vmnic_create() - create a synthetic NIC and offer it to the guest
 * @p: the partition
 * @cfg: its configuration
 * @extack: why not
 *
 * Context: process, netvsp_mutex held, not RTNL.
 * Return: the NIC, or an ERR_PTR().
 */
struct netvsp_vmnic *netvsp_vmnic_create(struct netvsp_partition *p,
					 const struct netvsp_vmnic_config *cfg,
					 struct netlink_ext_ack *extack)
{
	struct hvnet_vmbus_offer offer = {
		.class_id = netvsp_nic_class,
		.device_id = NETVSP_HV_NIC_DEVICE_ID,
	};
	struct vswitch_nic_desc desc = {
		.switch_name = cfg->switch_name,
		.port_name = cfg->name,
		.mac = cfg->mac,
		.mtu = cfg->mtu,
		.ops = &netvsp_vsw_ops,
	};
	struct hvnet_vmbus_chan *vc;
	struct netvsp_vmnic *nic;
	unsigned int i;
	int err;

	err = netvsp_vmnic_check(cfg, extack);
	if (err)
		return ERR_PTR(err);
	nic = kzalloc(sizeof(*nic), GFP_KERNEL);
	if (!nic)
		return ERR_PTR(-ENOMEM);
	nic->part = p;
	nic->cfg = *cfg;
	nic->cfg.changed = 0;
	nic->link_up = cfg->link_up;
	spin_lock_init(&nic->buf_lock);
	INIT_LIST_HEAD(&nic->ctrl_q);
	guid_gen(&nic->instance);
	for (i = 0; i < ARRAY_SIZE(nic->chan); i++) {
		nic->chan[i].nic = nic;
		nic->chan[i].index = i;
		INIT_WORK(&nic->chan[i].work, netvsp_chan_work);
	}
	nic->wq = alloc_workqueue("netvsp-%s", 0, 0, cfg->name);
	if (!nic->wq) {
		err = -ENOMEM;
		goto free;
	}

	desc.priv = nic;
	nic->vsw = vswitch_synthetic_nic_create(&desc, extack);
	if (IS_ERR(nic->vsw)) {
		err = PTR_ERR(nic->vsw);
		goto wq;
	}
	err = vswitch_synthetic_nic_connect(nic->vsw, extack);
	if (err)
		goto vsw;

	offer.instance_id = nic->instance;
	vc = hvnet_vmbus_offer(netvsp_partition_vmbus(p), &offer, &netvsp_chan_ops,
			       &nic->chan[0]);
	if (IS_ERR(vc)) {
		err = PTR_ERR(vc);
		NL_SET_ERR_MSG(extack, "the partition's bus refused the NIC's channel");
		goto disconnect;
	}
	nic->chan[0].vc = vc;
	return nic;

disconnect:
	vswitch_synthetic_nic_disconnect(nic->vsw);
vsw:
	vswitch_synthetic_nic_delete(nic->vsw);
wq:
	destroy_workqueue(nic->wq);
free:
	kfree(nic);
	return ERR_PTR(err);
}

/**
 * netvsp_vmnic_destroy() - take a synthetic NIC away from its guest
 * @nic: the NIC
 *
 * Context: process, netvsp_mutex held, not RTNL. Returns once the guest's
 * device is gone and the switch port deleted.
 */
void netvsp_vmnic_destroy(struct netvsp_vmnic *nic)
{
	unsigned int i;

	/* no frame toward the guest: its removal drains what is outstanding */
	vswitch_synthetic_nic_disconnect(nic->vsw);
	hvnet_vmbus_rescind(nic->chan[0].vc);
	vswitch_synthetic_nic_delete(nic->vsw);
	destroy_workqueue(nic->wq);
	netvsp_nvsp_reset(nic);
	for (i = 0; i < ARRAY_SIZE(nic->chan); i++) {
		kfree(nic->chan[i].pkt);
		kvfree(nic->chan[i].stage);
	}
	kfree(nic);
}

/**
 * netvsp_vmnic_set() - change a synthetic NIC
 * @nic: the NIC
 * @cfg: the new values of what cfg->changed names
 * @extack: why not
 *
 * The MTU and the queue count reach the guest when it next attaches (an
 * MTU change or channel change of its own); the link state at once.
 *
 * Context: process, netvsp_mutex held, not RTNL.
 * Return: 0 or a negative errno; nothing changed on error.
 */
int netvsp_vmnic_set(struct netvsp_vmnic *nic, const struct netvsp_vmnic_config *cfg,
		     struct netlink_ext_ack *extack)
{
	struct netvsp_vmnic_config next = nic->cfg;
	int err;

	if (cfg->changed & NETVSP_VMNIC_SET_MAC &&
	    !ether_addr_equal(cfg->mac, nic->cfg.mac)) {
		NL_SET_ERR_MSG(extack, "a synthetic NIC's MAC is fixed at creation");
		return -EOPNOTSUPP;
	}
	if (cfg->changed & NETVSP_VMNIC_SET_SWITCH &&
	    strncmp(cfg->switch_name, nic->cfg.switch_name, IFNAMSIZ)) {
		NL_SET_ERR_MSG(extack, "moving a synthetic NIC to another switch is not supported");
		return -EOPNOTSUPP;
	}
	if (cfg->changed & NETVSP_VMNIC_SET_MTU)
		next.mtu = cfg->mtu;
	if (cfg->changed & NETVSP_VMNIC_SET_QUEUES)
		next.queues = cfg->queues;
	err = netvsp_vmnic_check(&next, extack);
	if (err)
		return err;
	if (next.mtu != nic->cfg.mtu) {
		err = vswitch_nic_set_mtu(nic->vsw, next.mtu, extack);
		if (err)
			return err;
	}
	nic->cfg.mtu = next.mtu;
	nic->cfg.queues = next.queues;
	if (cfg->changed & NETVSP_VMNIC_SET_LINK && cfg->link_up != READ_ONCE(nic->link_up)) {
		nic->cfg.link_up = cfg->link_up;
		WRITE_ONCE(nic->link_up, cfg->link_up);
		netvsp_rndis_indicate_link(nic);
	}
	return 0;
}

/**
 * netvsp_vmnic_get_config() - a synthetic NIC's configuration
 * @nic: the NIC
 * @cfg: filled in
 *
 * Context: netvsp_mutex held.
 */
void netvsp_vmnic_get_config(const struct netvsp_vmnic *nic, struct netvsp_vmnic_config *cfg)
{
	*cfg = nic->cfg;
	cfg->link_up = READ_ONCE(nic->link_up);
	cfg->changed = 0;
}

/**
 * netvsp_vmnic_chan_stats() - the @idx-th open channel of a NIC
 * @nic: the NIC
 * @idx: which open channel, from 0
 * @st: filled in
 *
 * Context: netvsp_mutex held.
 * Return: 0, or -ENOENT past the last open channel.
 */
int netvsp_vmnic_chan_stats(struct netvsp_vmnic *nic, unsigned int idx,
			    struct netvsp_chan_stats *st)
{
	unsigned int i, r;

	for (i = 0; i < ARRAY_SIZE(nic->chan); i++) {
		struct netvsp_chan *ch = &nic->chan[i];

		if (!ch->vc || !READ_ONCE(ch->open) || idx--)
			continue;
		memset(st, 0, sizeof(*st));
		st->relid = hvnet_vmbus_chan_relid(ch->vc);
		st->index = ch->index;
		st->target_cpu = hvnet_vmbus_chan_target_cpu(ch->vc);
		if (hvnet_vmbus_chan_rings(ch->vc, &st->in, &st->out))
			continue;
		st->rx_packets = atomic64_read(&ch->rx_packets);
		st->rx_bytes = atomic64_read(&ch->rx_bytes);
		st->tx_packets = atomic64_read(&ch->tx_packets);
		st->tx_bytes = atomic64_read(&ch->tx_bytes);
		for (r = 0; r < NETVSP_DROP_MAX; r++)
			st->drops[r] = atomic64_read(&ch->drops[r]);
		return 0;
	}
	return -ENOENT;
}
