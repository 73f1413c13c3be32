// SPDX-License-Identifier: GPL-2.0
/*
 * The RNDIS device a synthetic NIC shows its guest: INITIALIZE, the QUERY
 * and SET of every OID hv_netvsc asks, HALT, RESET, KEEPALIVE, link status
 * indications. Data messages go to vmnic.c.
 *
 * Every answer reaches the guest inside a receive-buffer section announced
 * by an XFER_PAGES packet (netvsp_recv_send()). An answer that finds no
 * free section or no ring room waits in the NIC's control queue, which is
 * sent as sections come back: the guest waits for every answer, without a
 * timeout, so none may be lost.
 */
#include <linux/if_vlan.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <linux/udp.h>

#include "netvsp_parse.h"
#include "vmnic.h"

/* The largest RNDIS answer: a QUERY completion with the offload structure */
#define RNDIS_REPLY_MAX		(8 + sizeof(struct hvnet_rndis_query_complete) + \
				 HVNET_NDIS_OFFLOAD_SIZE)

/* 10 Gb/s, in the 100 b/s units of OID_GEN_LINK_SPEED */
#define RNDIS_LINK_SPEED	100000000
/* What the host takes in one guest message (it ignores the guest's) */
#define RNDIS_MAX_XFER		0x4000
#define RNDIS_MAX_PKT_PER_MSG	8
#define RNDIS_PKT_ALIGN_FACTOR	3
/* The largest TCP segment the guest may hand in one LSO packet */
#define RNDIS_LSO_MAX		62780

struct rndis_ctrl {
	struct list_head node;
	u32 len;
	u8 data[] __counted_by(len);
};

/* Send what waits, in order, while sections and ring room last. */
static void rndis_send_queued(struct netvsp_vmnic *nic)
{
	struct netvsp_chan *ch = &nic->chan[0];
	struct rndis_ctrl *c, *tmp;

	/* under the lock: two flushers never send one answer twice */
	spin_lock_bh(&nic->buf_lock);
	list_for_each_entry_safe(c, tmp, &nic->ctrl_q, node) {
		struct kvec iov = { .iov_base = c->data, .iov_len = c->len };
		int err = netvsp_recv_send_locked(ch, &iov, 1);

		if (err == -ENOSPC || err == -EAGAIN)
			break;
		if (err)
			netvsp_drop(ch, NETVSP_DROP_BUFFER);
		list_del(&c->node);
		nic->ctrl_q_len--;
		kfree(c);
	}
	spin_unlock_bh(&nic->buf_lock);
}

/**
 * netvsp_rndis_flush() - send queued answers, or drop them without a buffer
 * @nic: the NIC
 *
 * Context: process or BH; only the primary's work and section frees call it.
 */
void netvsp_rndis_flush(struct netvsp_vmnic *nic)
{
	struct rndis_ctrl *c, *tmp;
	LIST_HEAD(dead);

	spin_lock_bh(&nic->buf_lock);
	if (!nic->recv) {
		list_splice_init(&nic->ctrl_q, &dead);
		nic->ctrl_q_len = 0;
	}
	spin_unlock_bh(&nic->buf_lock);
	list_for_each_entry_safe(c, tmp, &dead, node)
		kfree(c);
	rndis_send_queued(nic);
}

/* Queue an answer behind what waits, then send what can go. */
static void rndis_reply(struct netvsp_vmnic *nic, const void *msg, u32 len)
{
	struct netvsp_chan *ch = &nic->chan[0];
	struct rndis_ctrl *c;

	c = kmalloc(struct_size(c, data, len), GFP_ATOMIC);
	if (!c) {
		netvsp_drop(ch, NETVSP_DROP_BUFFER);
		return;
	}
	c->len = len;
	memcpy(c->data, msg, len);
	spin_lock_bh(&nic->buf_lock);
	if (nic->ctrl_q_len >= NETVSP_CTRL_QUEUE_MAX) {
		spin_unlock_bh(&nic->buf_lock);
		kfree(c);
		netvsp_drop(ch, NETVSP_DROP_NO_RECV_SECTION);
		return;
	}
	list_add_tail(&c->node, &nic->ctrl_q);
	nic->ctrl_q_len++;
	spin_unlock_bh(&nic->buf_lock);
	rndis_send_queued(nic);
}

static void rndis_init(struct netvsp_vmnic *nic, const struct netvsp_rndis_msg *req)
{
	struct {
		struct hvnet_rndis_hdr hdr;
		struct hvnet_rndis_init_complete c;
	} __packed r = {};

	r.hdr.type = HVNET_RNDIS_MSG_INIT | HVNET_RNDIS_MSG_COMPLETION;
	r.hdr.len = sizeof(r);
	r.c.req_id = req->req_id;
	r.c.major = HVNET_RNDIS_MAJOR_VERSION;
	r.c.minor = HVNET_RNDIS_MINOR_VERSION;
	r.c.dev_flags = HVNET_RNDIS_DF_CONNECTIONLESS;
	r.c.medium = HVNET_RNDIS_MEDIUM_802_3;
	r.c.max_pkt_per_msg = RNDIS_MAX_PKT_PER_MSG;
	r.c.max_xfer_size = RNDIS_MAX_XFER;
	r.c.pkt_alignment_factor = RNDIS_PKT_ALIGN_FACTOR;
	if (req->init.major != HVNET_RNDIS_MAJOR_VERSION) {
		r.c.status = HVNET_RNDIS_STATUS_NOT_SUPPORTED;
	} else {
		r.c.status = HVNET_RNDIS_STATUS_SUCCESS;
		nic->rndis_state = NETVSP_RNDIS_INITIALIZED;
	}
	rndis_reply(nic, &r, sizeof(r));
}

/* The offload capabilities, at the revision the guest asked for or below */
static u32 rndis_hwcaps(const struct netvsp_vmnic *nic, const u8 *msg,
			const struct netvsp_rndis_msg *req, struct hvnet_ndis_offload *o)
{
	struct hvnet_ndis_obj_hdr asked = { .revision = HVNET_NDIS_OFFLOAD_REV_3 };
	u32 size;

	if (req->oid.info_len >= sizeof(asked))
		memcpy(&asked, msg + req->oid.info_off, sizeof(asked));
	memset(o, 0, sizeof(*o));
	o->hdr.type = HVNET_NDIS_OBJTYPE_OFFLOAD;
	switch (asked.revision) {
	case 0:
	case 1:
		o->hdr.revision = 1;
		size = HVNET_NDIS_OFFLOAD_SIZE_6_0;
		break;
	case 2:
		o->hdr.revision = 2;
		size = HVNET_NDIS_OFFLOAD_SIZE_6_1;
		break;
	default:
		o->hdr.revision = HVNET_NDIS_OFFLOAD_REV_3;
		size = HVNET_NDIS_OFFLOAD_SIZE;
		break;
	}
	o->hdr.size = size;
	o->ip4_txenc = HVNET_NDIS_ENCAP_8023;
	o->ip4_txcsum = HVNET_NDIS_TXCSUM_IP4OPT | HVNET_NDIS_TXCSUM_TCP4OPT |
			HVNET_NDIS_TXCSUM_TCP4 | HVNET_NDIS_TXCSUM_UDP4 | HVNET_NDIS_TXCSUM_IP4;
	o->ip4_rxenc = HVNET_NDIS_ENCAP_8023;
	o->ip4_rxcsum = o->ip4_txcsum;
	o->ip6_txenc = HVNET_NDIS_ENCAP_8023;
	o->ip6_txcsum = HVNET_NDIS_TXCSUM_IP6EXT | HVNET_NDIS_TXCSUM_TCP6OPT |
			HVNET_NDIS_TXCSUM_TCP6 | HVNET_NDIS_TXCSUM_UDP6;
	o->ip6_rxenc = HVNET_NDIS_ENCAP_8023;
	o->ip6_rxcsum = o->ip6_txcsum;
	o->lsov2_ip4_encap = HVNET_NDIS_ENCAP_8023;
	o->lsov2_ip4_maxsz = RNDIS_LSO_MAX;
	o->lsov2_ip4_minsg = 2;
	o->lsov2_ip6_encap = HVNET_NDIS_ENCAP_8023;
	o->lsov2_ip6_maxsz = RNDIS_LSO_MAX;
	o->lsov2_ip6_minsg = 2;
	o->lsov2_ip6_opts = HVNET_NDIS_LSOV2_IP6EXT | HVNET_NDIS_LSOV2_TCP6OPT;
	/* no receive segment coalescing: rsc stays 0 */
	return size;
}

static void rndis_query(struct netvsp_vmnic *nic, const u8 *msg,
			const struct netvsp_rndis_msg *req)
{
	struct {
		struct hvnet_rndis_hdr hdr;
		struct hvnet_rndis_query_complete c;
		union {
			u32 u32;
			u8 mac[ETH_ALEN];
			struct hvnet_ndis_offload offload;
			struct hvnet_ndis_rss_caps rss;
		} info;
	} __packed r = {};
	u32 len = 0;

	switch (req->oid.oid) {
	case HVNET_RNDIS_OID_GEN_MAX_FRAME_SIZE:
		/* the most the host offers; a smaller answer lowers the MTU */
		r.info.u32 = nic->cfg.mtu;
		len = sizeof(u32);
		break;
	case HVNET_RNDIS_OID_802_3_PERMANENT_ADDRESS:
		memcpy(r.info.mac, nic->cfg.mac, ETH_ALEN);
		len = ETH_ALEN;
		break;
	case HVNET_RNDIS_OID_GEN_MEDIA_CONNECT_STATUS:
		r.info.u32 = READ_ONCE(nic->link_up) ? HVNET_RNDIS_MEDIA_CONNECTED :
						       HVNET_RNDIS_MEDIA_DISCONNECTED;
		len = sizeof(u32);
		break;
	case HVNET_RNDIS_OID_GEN_LINK_SPEED:
		r.info.u32 = RNDIS_LINK_SPEED;
		len = sizeof(u32);
		break;
	case HVNET_RNDIS_OID_TCP_OFFLOAD_HW_CAPS:
		len = rndis_hwcaps(nic, msg, req, &r.info.offload);
		break;
	case HVNET_RNDIS_OID_GEN_RSS_CAPABILITIES:
		r.info.rss.hdr.type = HVNET_NDIS_OBJTYPE_RSS_CAPS;
		r.info.rss.hdr.revision = 2;
		r.info.rss.hdr.size = sizeof(r.info.rss);
		r.info.rss.num_int_msg = 1;
		r.info.rss.num_recv_que = max_t(u16, nic->cfg.queues, 1);
		r.info.rss.num_indirect_tabent = HVNET_RNDIS_RSS_TABLE_ENTRIES;
		len = sizeof(r.info.rss);
		break;
	default:
		/* FRIENDLY_NAME among them: the guest keeps its own alias */
		break;
	}
	r.hdr.type = HVNET_RNDIS_MSG_QUERY | HVNET_RNDIS_MSG_COMPLETION;
	r.hdr.len = sizeof(r.hdr) + sizeof(r.c) + len;
	r.c.req_id = req->req_id;
	r.c.status = len ? HVNET_RNDIS_STATUS_SUCCESS : HVNET_RNDIS_STATUS_NOT_SUPPORTED;
	r.c.info_buflen = len;
	r.c.info_buf_offset = sizeof(r.c);
	rndis_reply(nic, &r, r.hdr.len);
}

/* RSS parameters: flag, then table and key inside the information buffer */
static u32 rndis_set_rss(struct netvsp_vmnic *nic, const u8 *info, u32 len)
{
	struct hvnet_ndis_rss_params p;
	u32 i, n;

	if (len < sizeof(p))
		return HVNET_RNDIS_STATUS_INVALID_LENGTH;
	memcpy(&p, info, sizeof(p));
	if (p.hdr.type != HVNET_NDIS_OBJTYPE_RSS_PARAMS)
		return HVNET_RNDIS_STATUS_INVALID_DATA;
	if (p.flag & HVNET_NDIS_RSS_FLAG_DISABLE) {
		WRITE_ONCE(nic->rss_on, false);
		return HVNET_RNDIS_STATUS_SUCCESS;
	}
	n = p.indirect_tabsize / sizeof(u32);
	if (!n || n > HVNET_NDIS_RSS_TABLE_MAX || p.indirect_tabsize % sizeof(u32) ||
	    (u64)p.indirect_taboffset + p.indirect_tabsize > len ||
	    p.hashkey_size != HVNET_RNDIS_RSS_KEY_SIZE ||
	    (u64)p.hashkey_offset + p.hashkey_size > len)
		return HVNET_RNDIS_STATUS_INVALID_DATA;
	/*
	 * Entries past the channels granted are the guest's default table
	 * for more channels than it got: taken modulo the open channels.
	 */
	WRITE_ONCE(nic->rss_on, false);
	for (i = 0; i < n; i++) {
		u32 e;

		memcpy(&e, info + p.indirect_taboffset + i * sizeof(u32), sizeof(e));
		WRITE_ONCE(nic->rss_table[i], min_t(u32, e, HVNET_NVSP_MAX_CHANNELS - 1));
	}
	WRITE_ONCE(nic->rss_size, n);
	WRITE_ONCE(nic->rss_on, true);
	return HVNET_RNDIS_STATUS_SUCCESS;
}

static void rndis_set(struct netvsp_vmnic *nic, const u8 *msg, const struct netvsp_rndis_msg *req)
{
	const u8 *info = msg + req->oid.info_off;
	u32 len = req->oid.info_len;
	struct {
		struct hvnet_rndis_hdr hdr;
		struct hvnet_rndis_set_complete c;
	} __packed r = {};
	u32 status = HVNET_RNDIS_STATUS_SUCCESS;

	switch (req->oid.oid) {
	case HVNET_RNDIS_OID_GEN_CURRENT_PACKET_FILTER: {
		u32 f;

		if (len < sizeof(f)) {
			status = HVNET_RNDIS_STATUS_INVALID_LENGTH;
			break;
		}
		memcpy(&f, info, sizeof(f));
		WRITE_ONCE(nic->filter, f);
		break;
	}
	case HVNET_RNDIS_OID_TCP_OFFLOAD_PARAMETERS: {
		struct hvnet_ndis_obj_hdr h;

		/* the host honours every offload; the guest's choice is its own */
		if (len < HVNET_NDIS_OFFLOAD_PARAMS_SIZE_V4) {
			status = HVNET_RNDIS_STATUS_INVALID_LENGTH;
			break;
		}
		memcpy(&h, info, sizeof(h));
		if (h.type != HVNET_NDIS_OBJTYPE_DEFAULT)
			status = HVNET_RNDIS_STATUS_INVALID_DATA;
		break;
	}
	case HVNET_RNDIS_OID_GEN_RSS_PARAMETERS:
		status = rndis_set_rss(nic, info, len);
		break;
	default:
		/* the MAC address among them: the host assigns it */
		status = HVNET_RNDIS_STATUS_NOT_SUPPORTED;
		break;
	}
	r.hdr.type = HVNET_RNDIS_MSG_SET | HVNET_RNDIS_MSG_COMPLETION;
	r.hdr.len = sizeof(r);
	r.c.req_id = req->req_id;
	r.c.status = status;
	rndis_reply(nic, &r, sizeof(r));
}

static void rndis_simple(struct netvsp_vmnic *nic, u32 type, u32 a, u32 b)
{
	struct {
		struct hvnet_rndis_hdr hdr;
		u32 a;
		u32 b;
	} __packed r = { { type | HVNET_RNDIS_MSG_COMPLETION, sizeof(r) }, a, b };

	rndis_reply(nic, &r, sizeof(r));
}

/**
 * netvsp_rndis_indicate_link() - tell the guest its link state
 * @nic: the NIC
 *
 * Only once the guest's netdev is registered (it drops indications before)
 * and while its RNDIS device is initialized.
 */
void netvsp_rndis_indicate_link(struct netvsp_vmnic *nic)
{
	struct {
		struct hvnet_rndis_hdr hdr;
		struct hvnet_rndis_indicate ind;
	} __packed r = {};

	if (!READ_ONCE(nic->probed) || nic->rndis_state != NETVSP_RNDIS_INITIALIZED)
		return;
	r.hdr.type = HVNET_RNDIS_MSG_INDICATE;
	r.hdr.len = sizeof(r);
	r.ind.status = READ_ONCE(nic->link_up) ? HVNET_RNDIS_STATUS_MEDIA_CONNECT :
						 HVNET_RNDIS_STATUS_MEDIA_DISCONNECT;
	r.ind.status_buf_offset = sizeof(r.ind);
	rndis_reply(nic, &r, sizeof(r));
}

/**
 * netvsp_rndis_reset() - the RNDIS device as before INITIALIZE
 * @nic: the NIC
 */
void netvsp_rndis_reset(struct netvsp_vmnic *nic)
{
	nic->rndis_state = NETVSP_RNDIS_UNINIT;
	WRITE_ONCE(nic->filter, 0);
	WRITE_ONCE(nic->rss_on, false);
}

static bool rndis_control_msg(struct netvsp_chan *ch, const u8 *msg,
			      const struct netvsp_rndis_msg *m)
{
	struct netvsp_vmnic *nic = ch->nic;

	if (m->type != HVNET_RNDIS_MSG_INIT && nic->rndis_state != NETVSP_RNDIS_INITIALIZED)
		return false;
	switch (m->type) {
	case HVNET_RNDIS_MSG_INIT:
		rndis_init(nic, m);
		break;
	case HVNET_RNDIS_MSG_QUERY:
		rndis_query(nic, msg, m);
		break;
	case HVNET_RNDIS_MSG_SET:
		rndis_set(nic, msg, m);
		break;
	case HVNET_RNDIS_MSG_HALT:
		/* no answer: the NVSP completion is all the guest waits for */
		netvsp_rndis_reset(nic);
		nic->rndis_state = NETVSP_RNDIS_HALTED;
		break;
	case HVNET_RNDIS_MSG_RESET:
		rndis_simple(nic, HVNET_RNDIS_MSG_RESET, HVNET_RNDIS_STATUS_SUCCESS, 0);
		break;
	case HVNET_RNDIS_MSG_KEEPALIVE:
		rndis_simple(nic, HVNET_RNDIS_MSG_KEEPALIVE, m->req_id,
			     HVNET_RNDIS_STATUS_SUCCESS);
		break;
	}
	return true;
}

/* A data message's frame, with what its PPIs say, into an skb */
static int rndis_packet(struct netvsp_chan *ch, const u8 *msg, const struct netvsp_rndis_msg *m)
{
	const struct netvsp_rndis_pkt *p = &m->pkt;
	struct sk_buff *skb;
	u32 th;

	skb = alloc_skb(p->data_len + NET_IP_ALIGN, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_reserve(skb, NET_IP_ALIGN);
	skb_put_data(skb, msg + p->data_off, p->data_len);
	skb_reset_mac_header(skb);

	if (p->present & BIT(HVNET_RNDIS_PPI_IEEE8021Q)) {
		u32 v = p->vlan;
		u16 tci = ((v & HVNET_RNDIS_VLAN_PRI_MASK) << VLAN_PRIO_SHIFT) |
			  ((v >> HVNET_RNDIS_VLAN_VID_SHIFT) & HVNET_RNDIS_VLAN_VID_MASK);

		if (v & HVNET_RNDIS_VLAN_CFI)
			tci |= VLAN_CFI_MASK;
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), tci);
	}

	if (p->present & BIT(HVNET_RNDIS_PPI_LSO)) {
		bool v6 = p->lso & HVNET_RNDIS_LSO_IPV6;

		th = (p->lso >> HVNET_RNDIS_LSO_TH_SHIFT) & HVNET_RNDIS_LSO_TH_MASK;
		if (netvsp_vmnic_gso(skb, th, p->lso & HVNET_RNDIS_LSO_MSS_MASK, v6))
			goto bad;
	} else if (p->present & BIT(HVNET_RNDIS_PPI_CHECKSUM) &&
		   p->csum & (HVNET_RNDIS_CSUM_TX_TCP | HVNET_RNDIS_CSUM_TX_UDP)) {
		th = (p->csum >> HVNET_RNDIS_CSUM_TX_TH_SHIFT) & HVNET_RNDIS_CSUM_TX_TH_MASK;
		if (!skb_partial_csum_set(skb, th, p->csum & HVNET_RNDIS_CSUM_TX_TCP ?
					  offsetof(struct tcphdr, check) :
					  offsetof(struct udphdr, check)))
			goto bad;
	}
	netvsp_vmnic_from_guest(ch, skb);
	return 0;
bad:
	kfree_skb(skb);
	return -EINVAL;
}

/**
 * netvsp_rndis_stream() - handle the RNDIS messages of one SEND_RNDIS_PKT
 * @ch: the channel it came on
 * @buf: its bytes, copied out of guest memory
 * @len: their number
 * @control: the guest sent it on the control channel type
 *
 * Return: the NVSP status to complete it with.
 */
u32 netvsp_rndis_stream(struct netvsp_chan *ch, const u8 *buf, u32 len, bool control)
{
	struct netvsp_vmnic *nic = ch->nic;
	struct netvsp_rndis_msg m;
	u32 off = 0;

	while (off < len) {
		int err = netvsp_parse_rndis(buf + off, len - off, &m);

		if (err) {
			netvsp_drop(ch, NETVSP_DROP_RNDIS);
			return HVNET_NVSP_STAT_INVALID_RNDIS_PKT;
		}
		if (m.type == HVNET_RNDIS_MSG_PACKET) {
			if (control) {
				netvsp_drop(ch, NETVSP_DROP_RNDIS);
				return HVNET_NVSP_STAT_INVALID_RNDIS_PKT;
			}
			if (nic->rndis_state != NETVSP_RNDIS_INITIALIZED) {
				netvsp_drop(ch, NETVSP_DROP_STATE);
			} else if (rndis_packet(ch, buf + off, &m)) {
				netvsp_drop(ch, NETVSP_DROP_RNDIS);
				return HVNET_NVSP_STAT_INVALID_RNDIS_PKT;
			}
		} else {
			/* one control message per packet, on the primary */
			if (!control || off || ch->index) {
				netvsp_drop(ch, NETVSP_DROP_RNDIS);
				return HVNET_NVSP_STAT_INVALID_RNDIS_PKT;
			}
			if (!rndis_control_msg(ch, buf, &m)) {
				netvsp_drop(ch, NETVSP_DROP_STATE);
				return HVNET_NVSP_STAT_FAIL;
			}
			break;
		}
		off += m.len;
	}
	return HVNET_NVSP_STAT_SUCCESS;
}
