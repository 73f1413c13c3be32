// SPDX-License-Identifier: GPL-2.0
/*
 * The NVSP state machine of a synthetic NIC: version negotiation, NDIS
 * configuration, the receive and send buffers, SEND_RNDIS_PKT with its
 * completion, sub-channels, the data path switch; and the receive buffer's
 * sections, in which every host RNDIS message reaches the guest.
 *
 * The rule that keeps a Linux guest alive: it waits, without a timeout and
 * under RTNL, for the completion of every request that asked for one. So a
 * request that asked for a completion always gets exactly one, on its own
 * channel, whatever was wrong with it; a completion that finds the ring
 * full is kept and sent before the channel reads on (vmnic.c). Requests
 * that did not ask get none.
 */
#include <linux/bitmap.h>
#include <linux/slab.h>

#include "netvsp_parse.h"
#include "vmnic.h"

static bool nvsp_version_known(u32 ver)
{
	switch (ver) {
	case HVNET_NVSP_VERSION_1:
	case HVNET_NVSP_VERSION_2:
	case HVNET_NVSP_VERSION_4:
	case HVNET_NVSP_VERSION_5:
	case HVNET_NVSP_VERSION_6:
	case HVNET_NVSP_VERSION_61:
		return true;
	}
	return false;
}

/* Send a completion, or keep it for the channel's next run. */
static void nvsp_complete(struct netvsp_chan *ch, u64 tid, const void *data, u32 len)
{
	struct kvec iov = { .iov_base = (void *)data, .iov_len = len };
	int err;

	err = hvnet_vmbus_send(ch->vc, HVNET_VMPKT_COMPLETION, 0, tid, 0, &iov, len ? 1 : 0);
	if (err == -EAGAIN) {
		ch->comp_pending = true;
		ch->comp_tid = tid;
		ch->comp_len = len;
		memcpy(ch->comp, data, len);
	} else if (err) {
		/* closed or corrupt: the channel is going away */
		netvsp_drop(ch, NETVSP_DROP_RING_FULL);
	}
}

/**
 * netvsp_nvsp_flush_completion() - send the completion the ring had no room for
 * @ch: the channel
 *
 * Return: 0, or -EAGAIN while it still has no room.
 */
int netvsp_nvsp_flush_completion(struct netvsp_chan *ch)
{
	struct kvec iov = { .iov_base = ch->comp, .iov_len = ch->comp_len };
	int err;

	if (!ch->comp_pending)
		return 0;
	err = hvnet_vmbus_send(ch->vc, HVNET_VMPKT_COMPLETION, 0, ch->comp_tid, 0, &iov,
			       ch->comp_len ? 1 : 0);
	if (err == -EAGAIN)
		return err;
	ch->comp_pending = false;
	return 0;
}

/* A full 40-byte message of @type: what the guest copies, whatever it needs */
static void nvsp_reply(struct netvsp_chan *ch, u64 tid, struct hvnet_nvsp_msg *m, u32 type)
{
	m->type = type;
	nvsp_complete(ch, tid, m, sizeof(*m));
}

static void nvsp_rndis_complete(struct netvsp_chan *ch, u64 tid, u32 status)
{
	struct {
		u32 type;
		u32 status;
	} __packed c = { HVNET_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE, status };

	nvsp_complete(ch, tid, &c, sizeof(c));
}

/* The failure completion a request of @type needs; @type may be unknown. */
static void nvsp_fail(struct netvsp_chan *ch, u64 tid, u32 type)
{
	struct hvnet_nvsp_msg m = {};

	switch (type) {
	case HVNET_NVSP_MSG_INIT:
		m.init_complete.status = HVNET_NVSP_STAT_FAIL;
		nvsp_reply(ch, tid, &m, HVNET_NVSP_MSG_INIT_COMPLETE);
		break;
	case HVNET_NVSP_MSG1_SEND_RECV_BUF:
		m.recv_buf_complete.status = HVNET_NVSP_STAT_FAIL;
		nvsp_reply(ch, tid, &m, HVNET_NVSP_MSG1_SEND_RECV_BUF_COMPLETE);
		break;
	case HVNET_NVSP_MSG1_SEND_SEND_BUF:
		m.send_buf_complete.status = HVNET_NVSP_STAT_FAIL;
		nvsp_reply(ch, tid, &m, HVNET_NVSP_MSG1_SEND_SEND_BUF_COMPLETE);
		break;
	case HVNET_NVSP_MSG5_SUBCHANNEL:
		m.subchannel_complete.status = HVNET_NVSP_STAT_FAIL;
		nvsp_reply(ch, tid, &m, HVNET_NVSP_MSG5_SUBCHANNEL);
		break;
	case HVNET_NVSP_MSG1_SEND_RNDIS_PKT:
		nvsp_rndis_complete(ch, tid, HVNET_NVSP_STAT_FAIL);
		break;
	default:
		/* SWITCH_DATA_PATH and anything unknown: no payload */
		nvsp_complete(ch, tid, NULL, 0);
		break;
	}
}

static void nvsp_init(struct netvsp_chan *ch, u64 tid, const struct hvnet_nvsp_msg *req)
{
	struct netvsp_vmnic *nic = ch->nic;
	struct hvnet_nvsp_msg m = {};
	u32 ver = req->init.max_protocol_ver;

	/* one version at a time, as Linux offers them; buffers end the talk */
	if (ch->index || nic->recv || nic->send || !nvsp_version_known(ver)) {
		netvsp_drop(ch, NETVSP_DROP_STATE);
		nvsp_fail(ch, tid, HVNET_NVSP_MSG_INIT);
		return;
	}
	nic->nvsp_ver = ver;
	m.init_complete.negotiated_protocol_ver = ver;
	m.init_complete.max_mdl_chain_len = 34;
	m.init_complete.status = HVNET_NVSP_STAT_SUCCESS;
	nvsp_reply(ch, tid, &m, HVNET_NVSP_MSG_INIT_COMPLETE);
}

/* The receive section size: 1728 as Linux's own, more for jumbo frames */
static u32 nvsp_recv_section_size(const struct netvsp_vmnic *nic)
{
	u32 need = nic->cfg.mtu + ETH_HLEN + NETVSP_RECV_OVERHEAD;

	return max_t(u32, NETVSP_RECV_SECTION, ALIGN(need, 64));
}

static void nvsp_recv_buf(struct netvsp_chan *ch, u64 tid, const struct hvnet_nvsp_msg *req)
{
	struct netvsp_vmnic *nic = ch->nic;
	struct hvnet_nvsp_msg m = {};
	struct hvnet_gpadl *g;
	unsigned long *map;
	u32 size, cnt;

	if (ch->index || !nic->nvsp_ver || nic->recv) {
		netvsp_drop(ch, NETVSP_DROP_STATE);
		goto fail;
	}
	g = hvnet_vmbus_gpadl_get(ch->vc, req->send_buf.gpadl_handle);
	if (IS_ERR_OR_NULL(g)) {
		netvsp_drop(ch, NETVSP_DROP_BUFFER);
		goto fail;
	}
	size = nvsp_recv_section_size(nic);
	cnt = min_t(u32, g->size / size, NETVSP_MAX_RECV_SECTIONS);
	map = cnt ? bitmap_zalloc(cnt, GFP_KERNEL) : NULL;
	if (!map) {
		hvnet_vmbus_gpadl_put(g);
		netvsp_drop(ch, NETVSP_DROP_BUFFER);
		goto fail;
	}
	spin_lock_bh(&nic->buf_lock);
	nic->recv_map = map;
	nic->recv_sec_size = size;
	nic->recv_sec_cnt = cnt;
	nic->recv_id = req->send_buf.id;
	nic->recv = g;
	spin_unlock_bh(&nic->buf_lock);

	m.recv_buf_complete.status = HVNET_NVSP_STAT_SUCCESS;
	m.recv_buf_complete.num_sections = 1;
	m.recv_buf_complete.section.offset = 0;
	m.recv_buf_complete.section.sub_alloc_size = size;
	m.recv_buf_complete.section.num_sub_allocs = cnt;
	m.recv_buf_complete.section.end_offset = size * cnt;
	nvsp_reply(ch, tid, &m, HVNET_NVSP_MSG1_SEND_RECV_BUF_COMPLETE);
	return;
fail:
	nvsp_fail(ch, tid, HVNET_NVSP_MSG1_SEND_RECV_BUF);
}

static void nvsp_send_buf(struct netvsp_chan *ch, u64 tid, const struct hvnet_nvsp_msg *req)
{
	struct netvsp_vmnic *nic = ch->nic;
	struct hvnet_nvsp_msg m = {};
	struct hvnet_gpadl *g;

	if (ch->index || !nic->nvsp_ver || nic->send) {
		netvsp_drop(ch, NETVSP_DROP_STATE);
		goto fail;
	}
	g = hvnet_vmbus_gpadl_get(ch->vc, req->send_buf.gpadl_handle);
	if (IS_ERR_OR_NULL(g)) {
		netvsp_drop(ch, NETVSP_DROP_BUFFER);
		goto fail;
	}
	if (g->size < HVNET_NVSP_SEND_SECTION_SIZE) {
		hvnet_vmbus_gpadl_put(g);
		netvsp_drop(ch, NETVSP_DROP_BUFFER);
		goto fail;
	}
	spin_lock_bh(&nic->buf_lock);
	nic->send_sec_cnt = g->size / HVNET_NVSP_SEND_SECTION_SIZE;
	nic->send = g;
	spin_unlock_bh(&nic->buf_lock);

	m.send_buf_complete.status = HVNET_NVSP_STAT_SUCCESS;
	m.send_buf_complete.section_size = HVNET_NVSP_SEND_SECTION_SIZE;
	nvsp_reply(ch, tid, &m, HVNET_NVSP_MSG1_SEND_SEND_BUF_COMPLETE);
	return;
fail:
	nvsp_fail(ch, tid, HVNET_NVSP_MSG1_SEND_SEND_BUF);
}

/* Stop using the receive buffer; queued control messages go with it. */
static void nvsp_revoke_recv(struct netvsp_vmnic *nic)
{
	struct hvnet_gpadl *g;
	unsigned long *map;

	spin_lock_bh(&nic->buf_lock);
	g = nic->recv;
	map = nic->recv_map;
	nic->recv = NULL;
	nic->recv_map = NULL;
	nic->recv_sec_cnt = 0;
	spin_unlock_bh(&nic->buf_lock);
	netvsp_rndis_flush(nic);
	bitmap_free(map);
	if (g)
		hvnet_vmbus_gpadl_put(g);
}

static void nvsp_revoke_send(struct netvsp_vmnic *nic)
{
	struct hvnet_gpadl *g;

	spin_lock_bh(&nic->buf_lock);
	g = nic->send;
	nic->send = NULL;
	nic->send_sec_cnt = 0;
	spin_unlock_bh(&nic->buf_lock);
	if (g)
		hvnet_vmbus_gpadl_put(g);
}

/**
 * netvsp_nvsp_reset() - forget the NVSP session (the primary closed)
 * @nic: the NIC
 *
 * The guest negotiates everything anew when it opens the channel again.
 */
void netvsp_nvsp_reset(struct netvsp_vmnic *nic)
{
	nvsp_revoke_recv(nic);
	nvsp_revoke_send(nic);
	nic->nvsp_ver = 0;
	nic->ndis_mtu = 0;
	nic->ndis_caps = 0;
	nic->datapath_vf = false;
	nic->sub_granted = 0;
	netvsp_rndis_reset(nic);
}

/* Copy a GPA_DIRECT packet's ranges into @dst; they were parsed. */
static int nvsp_read_gpa(struct netvsp_chan *ch, const struct netvsp_gpa *gpa, u8 *dst)
{
	u32 i, pos = 0;

	for (i = 0; i < gpa->nr_ranges; i++) {
		u32 left = gpa->range[i].len, off = gpa->range[i].offset;
		u32 k = gpa->range[i].first_pfn;

		while (left) {
			u32 n = min_t(u32, left, HVNET_GPA_PAGE_SIZE - off);
			int err;

			err = hvnet_vmbus_read_gpa(ch->vc, gpa->pfn[k], off, dst + pos, n);
			if (err)
				return err;
			pos += n;
			left -= n;
			off = 0;
			k++;
		}
	}
	return 0;
}

static void nvsp_rndis_pkt(struct netvsp_chan *ch, const struct hvnet_vmbus_pkt *pkt,
			   const struct hvnet_nvsp_msg *req)
{
	const struct hvnet_nvsp_rndis_pkt *r = &req->rndis_pkt;
	bool control = r->channel_type == HVNET_NVSP_CHANNEL_CONTROL;
	struct netvsp_vmnic *nic = ch->nic;
	struct netvsp_gpa *gpa = NULL;
	u32 len = 0, status;
	int err;

	/* the RNDIS device is the primary's; data before the buffers is void */
	if ((control && ch->index) || !nic->recv) {
		netvsp_drop(ch, NETVSP_DROP_STATE);
		status = HVNET_NVSP_STAT_FAIL;
		goto out;
	}

	if (r->send_buf_section_index != HVNET_NVSP_NO_SECTION) {
		/* the section's bytes are copied under the lock a revoke takes */
		spin_lock_bh(&nic->buf_lock);
		if (!nic->send || r->send_buf_section_index >= nic->send_sec_cnt ||
		    r->send_buf_section_size > HVNET_NVSP_SEND_SECTION_SIZE)
			err = -EFAULT;
		else
			err = hvnet_gpadl_read(nic->send, r->send_buf_section_index *
					       HVNET_NVSP_SEND_SECTION_SIZE, ch->stage,
					       r->send_buf_section_size);
		spin_unlock_bh(&nic->buf_lock);
		if (err) {
			netvsp_drop(ch, NETVSP_DROP_BUFFER);
			status = HVNET_NVSP_STAT_FAIL;
			goto out;
		}
		len = r->send_buf_section_size;
	}

	if (pkt->type == HVNET_VMPKT_DATA_GPA_DIRECT) {
		gpa = kmalloc(sizeof(*gpa), GFP_KERNEL);
		if (!gpa) {
			netvsp_drop(ch, NETVSP_DROP_BUFFER);
			status = HVNET_NVSP_STAT_FAIL;
			goto out;
		}
		err = netvsp_parse_gpa(pkt->ranges, pkt->ranges_len, gpa);
		if (err) {
			netvsp_drop(ch, NETVSP_DROP_MALFORMED);
			status = HVNET_NVSP_STAT_FAIL;
			goto out;
		}
		/* section bytes, then the pages' (a partly copied batch) */
		if (gpa->total_len > NETVSP_STAGE_SIZE - len ||
		    nvsp_read_gpa(ch, gpa, ch->stage + len)) {
			netvsp_drop(ch, NETVSP_DROP_BUFFER);
			status = HVNET_NVSP_STAT_FAIL;
			goto out;
		}
		len += gpa->total_len;
	}
	if (!len) {
		netvsp_drop(ch, NETVSP_DROP_MALFORMED);
		status = HVNET_NVSP_STAT_FAIL;
		goto out;
	}
	status = netvsp_rndis_stream(ch, ch->stage, len, control);
out:
	kfree(gpa);
	if (pkt->flags & HVNET_VMPKT_FLAG_COMPLETION_REQUESTED)
		nvsp_rndis_complete(ch, pkt->trans_id, status);
}

static void nvsp_subchannel(struct netvsp_chan *ch, u64 tid, const struct hvnet_nvsp_msg *req)
{
	struct netvsp_vmnic *nic = ch->nic;
	struct hvnet_nvsp_msg m = {};
	u16 i, n;

	if (ch->index || nic->nvsp_ver < HVNET_NVSP_VERSION_5 || !nic->recv) {
		netvsp_drop(ch, NETVSP_DROP_STATE);
		nvsp_fail(ch, tid, HVNET_NVSP_MSG5_SUBCHANNEL);
		return;
	}
	n = min_t(u32, req->subchannel.num_subchannels,
		  nic->cfg.queues ? nic->cfg.queues - 1 : 0);
	m.subchannel_complete.status = HVNET_NVSP_STAT_SUCCESS;
	m.subchannel_complete.num_subchannels = n;
	nvsp_reply(ch, tid, &m, HVNET_NVSP_MSG5_SUBCHANNEL);

	/* exactly the granted number, after the request (the guest waits) */
	for (i = 1; i <= n; i++) {
		struct netvsp_chan *sc = &nic->chan[i];
		struct hvnet_vmbus_chan *vc;

		if (sc->vc)
			continue;
		vc = hvnet_vmbus_offer_sub(ch->vc, i, &netvsp_chan_ops, sc);
		if (IS_ERR(vc)) {
			pr_warn_ratelimited("netvsp: %s: sub-channel %u not offered: %pe\n",
					    nic->cfg.name, i, vc);
			break;
		}
		sc->vc = vc;
	}
	nic->sub_granted = n;
}

static void nvsp_request(struct netvsp_chan *ch, const struct hvnet_vmbus_pkt *pkt)
{
	bool want = pkt->flags & HVNET_VMPKT_FLAG_COMPLETION_REQUESTED;
	struct netvsp_vmnic *nic = ch->nic;
	struct hvnet_nvsp_msg m;
	u64 tid = pkt->trans_id;
	u32 raw_type = 0;
	int err;

	if (pkt->data_len >= sizeof(u32))
		memcpy(&raw_type, pkt->data, sizeof(u32));
	err = netvsp_parse_nvsp(pkt->data, pkt->data_len, &m);
	if (err) {
		netvsp_drop(ch, NETVSP_DROP_MALFORMED);
		if (want)
			nvsp_fail(ch, tid, raw_type);
		return;
	}
	/* page ranges come only with RNDIS packets */
	if (pkt->type == HVNET_VMPKT_DATA_GPA_DIRECT &&
	    m.type != HVNET_NVSP_MSG1_SEND_RNDIS_PKT) {
		netvsp_drop(ch, NETVSP_DROP_MALFORMED);
		if (want)
			nvsp_fail(ch, tid, m.type);
		return;
	}
	/* everything but INIT waits for a version, and INIT asks for an answer */
	if ((m.type != HVNET_NVSP_MSG_INIT && !nic->nvsp_ver) ||
	    (m.type == HVNET_NVSP_MSG_INIT && !want)) {
		netvsp_drop(ch, NETVSP_DROP_STATE);
		if (want)
			nvsp_fail(ch, tid, m.type);
		return;
	}

	switch (m.type) {
	case HVNET_NVSP_MSG_INIT:
		nvsp_init(ch, tid, &m);
		return;
	case HVNET_NVSP_MSG2_SEND_NDIS_CONFIG:
		if (ch->index || nic->nvsp_ver < HVNET_NVSP_VERSION_2)
			break;
		nic->ndis_mtu = m.ndis_config.mtu;
		nic->ndis_caps = m.ndis_config.capabilities;
		goto done;
	case HVNET_NVSP_MSG1_SEND_NDIS_VER:
		if (ch->index)
			break;
		goto done;
	case HVNET_NVSP_MSG1_SEND_RECV_BUF:
		if (!want)
			break;
		nvsp_recv_buf(ch, tid, &m);
		return;
	case HVNET_NVSP_MSG1_SEND_SEND_BUF:
		if (!want)
			break;
		nvsp_send_buf(ch, tid, &m);
		return;
	case HVNET_NVSP_MSG1_REVOKE_RECV_BUF:
		if (ch->index || !nic->recv || m.revoke_buf.id != nic->recv_id)
			break;
		nvsp_revoke_recv(nic);
		goto done;
	case HVNET_NVSP_MSG1_REVOKE_SEND_BUF:
		if (ch->index || !nic->send)
			break;
		nvsp_revoke_send(nic);
		goto done;
	case HVNET_NVSP_MSG1_SEND_RNDIS_PKT:
		nvsp_rndis_pkt(ch, pkt, &m);
		return;
	case HVNET_NVSP_MSG4_SWITCH_DATA_PATH:
		if (ch->index || nic->nvsp_ver < HVNET_NVSP_VERSION_4)
			break;
		nic->datapath_vf = m.switch_data_path.active_datapath ==
				   HVNET_NVSP_DATAPATH_VF;
		goto done;
	case HVNET_NVSP_MSG5_SUBCHANNEL:
		if (!want)
			break;
		nvsp_subchannel(ch, tid, &m);
		return;
	default:
		/* a guest's completion sent as a request */
		netvsp_drop(ch, NETVSP_DROP_MALFORMED);
		if (want)
			nvsp_fail(ch, tid, m.type);
		return;
	}
	netvsp_drop(ch, NETVSP_DROP_STATE);
	if (want)
		nvsp_fail(ch, tid, m.type);
	return;
done:
	/* no answer is defined; one asked for has no payload */
	if (want)
		nvsp_complete(ch, tid, NULL, 0);
}

/* The guest completed an XFER_PAGES packet: its section is free again. */
static void nvsp_guest_completion(struct netvsp_chan *ch, const struct hvnet_vmbus_pkt *pkt)
{
	struct netvsp_vmnic *nic = ch->nic;
	struct hvnet_nvsp_msg m;
	bool known = false;
	u64 idx = pkt->trans_id;

	if (netvsp_parse_nvsp(pkt->data, pkt->data_len, &m) ||
	    m.type != HVNET_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE) {
		netvsp_drop(ch, NETVSP_DROP_MALFORMED);
		return;
	}
	spin_lock_bh(&nic->buf_lock);
	if (nic->recv_map && idx < nic->recv_sec_cnt)
		known = __test_and_clear_bit(idx, nic->recv_map);
	spin_unlock_bh(&nic->buf_lock);
	/* a completion of no outstanding packet frees nothing */
	if (!known)
		netvsp_drop(ch, NETVSP_DROP_STATE);
	else
		netvsp_rndis_flush(nic);
}

/**
 * netvsp_nvsp_packet() - handle one guest packet, copied out of the ring
 * @ch: the channel it came on
 * @pkt: the packet
 *
 * Context: the channel's work (process context).
 */
void netvsp_nvsp_packet(struct netvsp_chan *ch, const struct hvnet_vmbus_pkt *pkt)
{
	switch (pkt->type) {
	case HVNET_VMPKT_DATA_INBAND:
	case HVNET_VMPKT_DATA_GPA_DIRECT:
		nvsp_request(ch, pkt);
		break;
	case HVNET_VMPKT_COMPLETION:
		nvsp_guest_completion(ch, pkt);
		break;
	default:
		netvsp_drop(ch, NETVSP_DROP_MALFORMED);
		if (pkt->flags & HVNET_VMPKT_FLAG_COMPLETION_REQUESTED)
			nvsp_complete(ch, pkt->trans_id, NULL, 0);
		break;
	}
}

/**
 * netvsp_recv_send_locked() - hand the guest one host RNDIS message
 * @ch: the channel to send it on
 * @iov: its pieces
 * @nr: their number
 *
 * The message is copied into a free receive section, which stays the
 * guest's until it completes the XFER_PAGES packet announcing it.
 *
 * Context: any; never sleeps; with buf_lock held.
 * Return: 0; -ENODEV without a receive buffer; -EMSGSIZE when it does not
 * fit a section; -ENOSPC when no section is free; or the ring's error.
 */
int netvsp_recv_send_locked(struct netvsp_chan *ch, const struct kvec *iov, unsigned int nr)
{
	struct netvsp_vmnic *nic = ch->nic;
	struct {
		struct hvnet_xfer_page_header hdr;
		struct hvnet_xfer_page_range range;
		struct hvnet_nvsp_msg msg;
	} __packed x = {};
	struct kvec out = { .iov_base = &x, .iov_len = sizeof(x) };
	u32 i, len = 0, off;
	unsigned long idx;
	int err = 0;

	lockdep_assert_held(&nic->buf_lock);
	for (i = 0; i < nr; i++)
		len += iov[i].iov_len;
	if (!nic->recv)
		return -ENODEV;
	if (len > nic->recv_sec_size)
		return -EMSGSIZE;
	idx = find_first_zero_bit(nic->recv_map, nic->recv_sec_cnt);
	if (idx >= nic->recv_sec_cnt)
		return -ENOSPC;
	off = idx * nic->recv_sec_size;
	for (i = 0; i < nr && !err; i++) {
		err = hvnet_gpadl_write(nic->recv, off, iov[i].iov_base, iov[i].iov_len);
		off += iov[i].iov_len;
	}
	if (err)
		return err;

	x.hdr.xfer_pageset_id = nic->recv_id;
	x.hdr.range_cnt = 1;
	x.range.byte_count = len;
	x.range.byte_offset = idx * nic->recv_sec_size;
	x.msg.type = HVNET_NVSP_MSG1_SEND_RNDIS_PKT;
	/* the section is the transaction: the guest's completion frees it */
	__set_bit(idx, nic->recv_map);
	err = hvnet_vmbus_send(ch->vc, HVNET_VMPKT_DATA_XFER_PAGES,
			       HVNET_VMPKT_FLAG_COMPLETION_REQUESTED, idx,
			       sizeof(x.hdr) + sizeof(x.range), &out, 1);
	if (err)
		__clear_bit(idx, nic->recv_map);
	return err;
}

/**
 * netvsp_recv_send() - netvsp_recv_send_locked(), taking buf_lock
 * @ch: the channel to send it on
 * @iov: the message's pieces
 * @nr: their number
 *
 * Return: as netvsp_recv_send_locked().
 */
int netvsp_recv_send(struct netvsp_chan *ch, const struct kvec *iov, unsigned int nr)
{
	int err;

	spin_lock_bh(&ch->nic->buf_lock);
	err = netvsp_recv_send_locked(ch, iov, nr);
	spin_unlock_bh(&ch->nic->buf_lock);
	return err;
}
