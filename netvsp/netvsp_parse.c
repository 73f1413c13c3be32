// SPDX-License-Identifier: GPL-2.0
/*
 * Parsers of what a guest sends the NetVSP (see netvsp_parse.h). Each field
 * is read once from the caller's copy, with memcpy() (no alignment is
 * assumed), and every offset and length is checked in 64-bit arithmetic
 * against the bytes that are there.
 */
#ifdef __KERNEL__
#include <linux/string.h>
#else
#include <string.h>
#endif

#include "netvsp_parse.h"

static u32 get32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static u64 get64(const u8 *p)
{
	u64 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static const char *const perr_names[NETVSP_PERR_MAX] = {
	[NETVSP_PERR_OK]		= "ok",
	[NETVSP_PERR_SHORT]		= "short",
	[NETVSP_PERR_TYPE]		= "type",
	[NETVSP_PERR_UNSUPPORTED]	= "unsupported",
	[NETVSP_PERR_FIELD]		= "field",
	[NETVSP_PERR_RNDIS_LEN]		= "rndis-len",
	[NETVSP_PERR_INFO_BUF]		= "info-buf",
	[NETVSP_PERR_DATA]		= "data",
	[NETVSP_PERR_PPI_AREA]		= "ppi-area",
	[NETVSP_PERR_PPI_SIZE]		= "ppi-size",
	[NETVSP_PERR_PPI_ALIGN]		= "ppi-align",
	[NETVSP_PERR_PPI_OFFSET]	= "ppi-offset",
	[NETVSP_PERR_PPI_DUP]		= "ppi-dup",
	[NETVSP_PERR_PPI_COUNT]		= "ppi-count",
	[NETVSP_PERR_PPI_VALUE]		= "ppi-value",
	[NETVSP_PERR_GPA_AREA]		= "gpa-area",
	[NETVSP_PERR_GPA_COUNT]		= "gpa-count",
	[NETVSP_PERR_GPA_OFFSET]	= "gpa-offset",
	[NETVSP_PERR_GPA_PFNS]		= "gpa-pfns",
};

/**
 * netvsp_perr_name() - a parser error's name, for logs and tests
 * @err: a parser's return value
 *
 * Return: a constant string.
 */
const char *netvsp_perr_name(int err)
{
	if (err > 0 || err <= -NETVSP_PERR_MAX)
		return "?";
	return perr_names[-err];
}

/* The fixed part of each NVSP message a guest may send, type included */
static int nvsp_min_len(u32 type)
{
	switch (type) {
	case HVNET_NVSP_MSG_INIT:
	case HVNET_NVSP_MSG1_SEND_NDIS_VER:
		return 4 + 8;
	case HVNET_NVSP_MSG2_SEND_NDIS_CONFIG:
		return 4 + sizeof(struct hvnet_nvsp_ndis_config);
	case HVNET_NVSP_MSG1_SEND_RECV_BUF:
	case HVNET_NVSP_MSG1_SEND_SEND_BUF:
		return 4 + sizeof(struct hvnet_nvsp_send_buf);
	case HVNET_NVSP_MSG1_REVOKE_RECV_BUF:
	case HVNET_NVSP_MSG1_REVOKE_SEND_BUF:
		return 4 + sizeof(struct hvnet_nvsp_revoke_buf);
	case HVNET_NVSP_MSG1_SEND_RNDIS_PKT:
		return 4 + sizeof(struct hvnet_nvsp_rndis_pkt);
	case HVNET_NVSP_MSG1_SEND_RNDIS_PKT_COMPLETE:
		return 4 + sizeof(struct hvnet_nvsp_rndis_pkt_complete);
	case HVNET_NVSP_MSG4_SWITCH_DATA_PATH:
		return 4 + sizeof(struct hvnet_nvsp_switch_data_path);
	case HVNET_NVSP_MSG5_SUBCHANNEL:
		return 4 + sizeof(struct hvnet_nvsp_subchannel);
	case HVNET_NVSP_MSG4_UPLINK_CONNECT_STATE:
	case HVNET_NVSP_MSG5_OID_QUERY_EX:
	case HVNET_NVSP_MSG6_PD_API:
	case HVNET_NVSP_MSG6_PD_POST_BATCH:
		return -NETVSP_PERR_UNSUPPORTED;
	default:
		/* completions and messages only the host sends, or unknown */
		return -NETVSP_PERR_TYPE;
	}
}

/**
 * netvsp_parse_nvsp() - validate and decode one NVSP message from a guest
 * @buf: the message, copied out of the ring
 * @len: its length
 * @msg: where to decode it; bytes not sent are zero
 *
 * Return: 0 or a negative enum netvsp_perr.
 */
int netvsp_parse_nvsp(const void *buf, u32 len, struct hvnet_nvsp_msg *msg)
{
	u32 type;
	int min;

	memset(msg, 0, sizeof(*msg));
	if (len < sizeof(u32))
		return -NETVSP_PERR_SHORT;
	type = get32(buf);
	min = nvsp_min_len(type);
	if (min < 0)
		return min;
	if (len < (u32)min)
		return -NETVSP_PERR_SHORT;
	memcpy(msg, buf, len < sizeof(*msg) ? len : sizeof(*msg));

	switch (type) {
	case HVNET_NVSP_MSG_INIT:
		if (msg->init.min_protocol_ver > msg->init.max_protocol_ver)
			return -NETVSP_PERR_FIELD;
		break;
	case HVNET_NVSP_MSG1_SEND_RECV_BUF:
	case HVNET_NVSP_MSG1_SEND_SEND_BUF:
		/* handle 0 means "no GPADL" to a Linux guest */
		if (!msg->send_buf.gpadl_handle)
			return -NETVSP_PERR_FIELD;
		break;
	case HVNET_NVSP_MSG1_SEND_RNDIS_PKT:
		if (msg->rndis_pkt.channel_type != HVNET_NVSP_CHANNEL_DATA &&
		    msg->rndis_pkt.channel_type != HVNET_NVSP_CHANNEL_CONTROL)
			return -NETVSP_PERR_FIELD;
		/* a section's bytes or none, never a size without a section */
		if (msg->rndis_pkt.send_buf_section_index == HVNET_NVSP_NO_SECTION) {
			if (msg->rndis_pkt.send_buf_section_size)
				return -NETVSP_PERR_FIELD;
		} else if (!msg->rndis_pkt.send_buf_section_size) {
			return -NETVSP_PERR_FIELD;
		}
		break;
	case HVNET_NVSP_MSG4_SWITCH_DATA_PATH:
		if (msg->switch_data_path.active_datapath != HVNET_NVSP_DATAPATH_SYNTHETIC &&
		    msg->switch_data_path.active_datapath != HVNET_NVSP_DATAPATH_VF)
			return -NETVSP_PERR_FIELD;
		break;
	case HVNET_NVSP_MSG5_SUBCHANNEL:
		if (msg->subchannel.op != HVNET_NVSP_SUBCHANNEL_ALLOCATE ||
		    !msg->subchannel.num_subchannels ||
		    msg->subchannel.num_subchannels > NETVSP_MAX_SUBCHANNELS)
			return -NETVSP_PERR_FIELD;
		break;
	}
	return 0;
}

/* The smallest message of each RNDIS type a guest may send, header included */
static int rndis_min_len(u32 type)
{
	const u32 hdr = sizeof(struct hvnet_rndis_hdr);

	switch (type) {
	case HVNET_RNDIS_MSG_PACKET:
		return hdr + sizeof(struct hvnet_rndis_packet);
	case HVNET_RNDIS_MSG_INIT:
		return hdr + sizeof(struct hvnet_rndis_init_req);
	case HVNET_RNDIS_MSG_QUERY:
	case HVNET_RNDIS_MSG_SET:
		return hdr + sizeof(struct hvnet_rndis_oid_req);
	case HVNET_RNDIS_MSG_HALT:
	case HVNET_RNDIS_MSG_RESET:
	case HVNET_RNDIS_MSG_KEEPALIVE:
		return hdr + sizeof(u32);
	default:
		/* INDICATE and every completion are the host's to send */
		return -NETVSP_PERR_TYPE;
	}
}

/* An offset into the frame where a transport header of @hlen must fit */
static bool th_fits(u32 th_off, u32 hlen, u32 data_len)
{
	return th_off >= NETVSP_MIN_FRAME && (u64)th_off + hlen <= data_len;
}

/* What the known PPIs say must agree with the frame. */
static int rndis_check_ppis(const struct netvsp_rndis_pkt *pkt)
{
	if (pkt->present & (1U << HVNET_RNDIS_PPI_LSO)) {
		u32 lso = pkt->lso;
		u32 th = (lso >> HVNET_RNDIS_LSO_TH_SHIFT) & HVNET_RNDIS_LSO_TH_MASK;

		if (!(lso & HVNET_RNDIS_LSO_V2) || !(lso & HVNET_RNDIS_LSO_MSS_MASK) ||
		    !th_fits(th, 20, pkt->data_len))
			return -NETVSP_PERR_PPI_VALUE;
	}
	if (pkt->present & (1U << HVNET_RNDIS_PPI_CHECKSUM)) {
		u32 cs = pkt->csum;
		u32 th = (cs >> HVNET_RNDIS_CSUM_TX_TH_SHIFT) & HVNET_RNDIS_CSUM_TX_TH_MASK;
		bool v4 = cs & HVNET_RNDIS_CSUM_TX_IPV4, v6 = cs & HVNET_RNDIS_CSUM_TX_IPV6;
		bool tcp = cs & HVNET_RNDIS_CSUM_TX_TCP, udp = cs & HVNET_RNDIS_CSUM_TX_UDP;

		if (v4 && v6)
			return -NETVSP_PERR_PPI_VALUE;
		if (tcp || udp) {
			if ((tcp && udp) || (!v4 && !v6) ||
			    !th_fits(th, tcp ? 20 : 8, pkt->data_len))
				return -NETVSP_PERR_PPI_VALUE;
		}
	}
	return 0;
}

/* Walk the PPIs of the PACKET at @m; @off and @len lie inside it. */
static int rndis_walk_ppis(const u8 *m, u32 off, u32 len, struct netvsp_rndis_pkt *pkt)
{
	const u32 hdr = sizeof(struct hvnet_rndis_ppi);

	while (len) {
		u32 size, type, doff;

		if (len < hdr)
			return -NETVSP_PERR_PPI_SIZE;
		size = get32(m + off);
		type = get32(m + off + 4);
		doff = get32(m + off + 8);
		/* size >= hdr: every step advances, no PPI is seen twice */
		if (size < hdr || size > len)
			return -NETVSP_PERR_PPI_SIZE;
		if (size % 4)
			return -NETVSP_PERR_PPI_ALIGN;
		if (doff < hdr || doff > size)
			return -NETVSP_PERR_PPI_OFFSET;
		if (pkt->nr_ppis++ >= NETVSP_PPI_MAX)
			return -NETVSP_PERR_PPI_COUNT;

		switch (type) {
		case HVNET_RNDIS_PPI_CHECKSUM:
		case HVNET_RNDIS_PPI_LSO:
		case HVNET_RNDIS_PPI_IEEE8021Q:
		case HVNET_RNDIS_PPI_HASH_VALUE: {
			u32 v;

			if (size - doff < sizeof(u32))
				return -NETVSP_PERR_PPI_OFFSET;
			if (pkt->present & (1U << type))
				return -NETVSP_PERR_PPI_DUP;
			pkt->present |= 1U << type;
			v = get32(m + off + doff);
			if (type == HVNET_RNDIS_PPI_CHECKSUM)
				pkt->csum = v;
			else if (type == HVNET_RNDIS_PPI_LSO)
				pkt->lso = v;
			else if (type == HVNET_RNDIS_PPI_IEEE8021Q)
				pkt->vlan = v;
			else
				pkt->hash = v;
			break;
		}
		default:
			/* other and internal types carry nothing the host uses */
			break;
		}
		off += size;
		len -= size;
	}
	return 0;
}

static int rndis_parse_packet(const u8 *m, u32 len, struct netvsp_rndis_pkt *pkt)
{
	const u32 hdr = sizeof(struct hvnet_rndis_hdr);
	const u32 body = len - hdr;
	struct hvnet_rndis_packet p;

	memcpy(&p, m + hdr, sizeof(p));
	if (p.data_offset < sizeof(p) || p.data_len < NETVSP_MIN_FRAME ||
	    (u64)p.data_offset + p.data_len > body)
		return -NETVSP_PERR_DATA;
	pkt->data_off = hdr + p.data_offset;
	pkt->data_len = p.data_len;
	if (!p.ppi_len)
		return 0;
	if (p.ppi_offset < sizeof(p) || (u64)p.ppi_offset + p.ppi_len > body)
		return -NETVSP_PERR_PPI_AREA;
	return rndis_walk_ppis(m, hdr + p.ppi_offset, p.ppi_len, pkt) ?:
	       rndis_check_ppis(pkt);
}

/**
 * netvsp_parse_rndis() - validate and decode one RNDIS message from a guest
 * @buf: where it starts, in the host's copy
 * @avail: bytes from @buf to the end of the copy
 * @msg: where to decode it
 *
 * Return: 0 or a negative enum netvsp_perr.
 */
int netvsp_parse_rndis(const void *buf, u32 avail, struct netvsp_rndis_msg *msg)
{
	const u32 hdr = sizeof(struct hvnet_rndis_hdr);
	const u8 *m = buf;
	int min;

	memset(msg, 0, sizeof(*msg));
	if (avail < hdr)
		return -NETVSP_PERR_SHORT;
	msg->type = get32(m);
	msg->len = get32(m + 4);
	min = rndis_min_len(msg->type);
	if (min < 0)
		return min;
	if (msg->len < (u32)min || msg->len > avail)
		return -NETVSP_PERR_RNDIS_LEN;

	switch (msg->type) {
	case HVNET_RNDIS_MSG_PACKET:
		return rndis_parse_packet(m, msg->len, &msg->pkt);
	case HVNET_RNDIS_MSG_INIT: {
		struct hvnet_rndis_init_req r;

		memcpy(&r, m + hdr, sizeof(r));
		msg->req_id = r.req_id;
		msg->init.major = r.major;
		msg->init.minor = r.minor;
		msg->init.max_xfer_size = r.max_xfer_size;
		return 0;
	}
	case HVNET_RNDIS_MSG_QUERY:
	case HVNET_RNDIS_MSG_SET: {
		struct hvnet_rndis_oid_req r;

		memcpy(&r, m + hdr, sizeof(r));
		msg->req_id = r.req_id;
		msg->oid.oid = r.oid;
		if (!r.info_buflen)
			return 0;
		/* the buffer follows the request, inside the message */
		if (r.info_buf_offset < sizeof(r) ||
		    (u64)r.info_buf_offset + r.info_buflen > msg->len - hdr)
			return -NETVSP_PERR_INFO_BUF;
		msg->oid.info_off = hdr + r.info_buf_offset;
		msg->oid.info_len = r.info_buflen;
		return 0;
	}
	case HVNET_RNDIS_MSG_RESET:
		/* its u32 is reserved, not a request id */
		return 0;
	default:
		/* HALT, KEEPALIVE */
		msg->req_id = get32(m + hdr);
		return 0;
	}
}

/**
 * netvsp_parse_gpa() - validate and decode a GPA_DIRECT packet's range area
 * @area: the range area (reserved word, range count, ranges), copied out
 * @len: its length
 * @gpa: where to decode it
 *
 * A range of length 0 is valid (a guest's empty linear part); it names no
 * frame at offset 0 and one at any other offset, as the guest counts them.
 *
 * Return: 0 or a negative enum netvsp_perr.
 */
int netvsp_parse_gpa(const void *area, u32 len, struct netvsp_gpa *gpa)
{
	const u8 *a = area;
	u32 count, i, p;

	gpa->nr_ranges = 0;
	gpa->nr_pfns = 0;
	gpa->total_len = 0;
	if (len < 2 * sizeof(u32))
		return -NETVSP_PERR_GPA_AREA;
	count = get32(a + 4);
	if (!count || count > NETVSP_GPA_MAX_RANGES)
		return -NETVSP_PERR_GPA_COUNT;

	p = 2 * sizeof(u32);
	for (i = 0; i < count; i++) {
		struct hvnet_gpa_range_hdr r;
		u64 n, j;

		if (len - p < sizeof(r))
			return -NETVSP_PERR_GPA_AREA;
		memcpy(&r, a + p, sizeof(r));
		p += sizeof(r);
		if (r.offset >= HVNET_GPA_PAGE_SIZE)
			return -NETVSP_PERR_GPA_OFFSET;
		n = ((u64)r.offset + r.len + HVNET_GPA_PAGE_SIZE - 1) / HVNET_GPA_PAGE_SIZE;
		if (n > HVNET_GPA_MAX_PFNS - gpa->nr_pfns)
			return -NETVSP_PERR_GPA_PFNS;
		if ((len - p) / sizeof(u64) < n)
			return -NETVSP_PERR_GPA_AREA;
		gpa->range[i].len = r.len;
		gpa->range[i].offset = r.offset;
		gpa->range[i].first_pfn = gpa->nr_pfns;
		for (j = 0; j < n; j++, p += sizeof(u64))
			gpa->pfn[gpa->nr_pfns++] = get64(a + p);
		/* at most 32 frames: no sum can overflow */
		gpa->total_len += r.len;
		gpa->nr_ranges++;
	}
	return 0;
}
