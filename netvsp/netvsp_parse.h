/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Validation and decoding of what a guest sends the NetVSP: NVSP messages,
 * RNDIS messages with their per-packet infos, and the range area of a
 * GPA_DIRECT packet.
 *
 * The parsers only ever see bytes the host already copied out of guest
 * memory (a ring packet, a send-buffer section, guest pages): they read
 * each byte once, into the decoded structure, and what they return is all
 * the caller looks at. They use nothing of the kernel but fixed-size types
 * and memcpy(), so the same file builds in user space (for fuzzing).
 *
 * Every function returns 0 or the negative of an enum netvsp_perr, one
 * value per kind of defect, so the backend can count them.
 */
#ifndef _NETVSP_PARSE_H
#define _NETVSP_PARSE_H

#include <hvnet/nvsp.h>
#include <hvnet/rndis.h>

enum netvsp_perr {
	NETVSP_PERR_OK,
	NETVSP_PERR_SHORT,		/* shorter than its type's fixed part */
	NETVSP_PERR_TYPE,		/* a type no guest sends */
	NETVSP_PERR_UNSUPPORTED,	/* a known type the host does not serve */
	NETVSP_PERR_FIELD,		/* a field outside its values */
	NETVSP_PERR_RNDIS_LEN,		/* RNDIS length below its type's or past the bytes */
	NETVSP_PERR_INFO_BUF,		/* QUERY/SET information buffer outside the message */
	NETVSP_PERR_DATA,		/* PACKET frame outside the message, or too short */
	NETVSP_PERR_PPI_AREA,		/* PPI area outside the message */
	NETVSP_PERR_PPI_SIZE,		/* a PPI's size below its header or past the area */
	NETVSP_PERR_PPI_ALIGN,		/* a PPI's size not a multiple of 4 */
	NETVSP_PERR_PPI_OFFSET,		/* a PPI's data outside the PPI or too small */
	NETVSP_PERR_PPI_DUP,		/* a known PPI type twice */
	NETVSP_PERR_PPI_COUNT,		/* more PPIs than any guest sends */
	NETVSP_PERR_PPI_VALUE,		/* a known PPI with values the frame contradicts */
	NETVSP_PERR_GPA_AREA,		/* range area truncated */
	NETVSP_PERR_GPA_COUNT,		/* no range, or more than any guest sends */
	NETVSP_PERR_GPA_OFFSET,		/* a page offset past 4095 */
	NETVSP_PERR_GPA_PFNS,		/* more than 32 page frames */
	NETVSP_PERR_MAX,
};

const char *netvsp_perr_name(int err);

/*
 * NVSP. @len is the ring packet's payload length; the guest sends the whole
 * 40-byte message, but only the type's fixed part is required. Fields not
 * sent read as zero.
 */
int netvsp_parse_nvsp(const void *buf, u32 len, struct hvnet_nvsp_msg *msg);

/* The most a guest asks for: primary plus sub-channels */
#define NETVSP_MAX_SUBCHANNELS		(HVNET_NVSP_MAX_CHANNELS - 1)

/* Per-packet infos of one RNDIS PACKET */
#define NETVSP_PPI_MAX			16

/**
 * struct netvsp_rndis_pkt - a decoded RNDIS PACKET
 * @data_off: the frame's offset from the start of the message
 * @data_len: the frame's length
 * @present: BIT(type) of each known PPI seen
 * @nr_ppis: PPIs walked, known or not
 * @csum: checksum PPI value (HVNET_RNDIS_CSUM_TX_*)
 * @lso: LSO v2 PPI value (HVNET_RNDIS_LSO_*)
 * @vlan: 802.1Q PPI value (HVNET_RNDIS_VLAN_*)
 * @hash: hash value PPI
 */
struct netvsp_rndis_pkt {
	u32 data_off;
	u32 data_len;
	u32 present;
	u32 nr_ppis;
	u32 csum;
	u32 lso;
	u32 vlan;
	u32 hash;
};

/**
 * struct netvsp_rndis_msg - a decoded RNDIS message from a guest
 * @type: enum hvnet_rndis_msg_type
 * @len: the message's length (its header's), where the next one starts
 * @req_id: request id (INITIALIZE, QUERY, SET, HALT, KEEPALIVE)
 * @init: INITIALIZE
 * @init.major: RNDIS major version
 * @init.minor: RNDIS minor version
 * @init.max_xfer_size: the largest message the guest accepts
 * @oid: QUERY, SET
 * @oid.oid: the object
 * @oid.info_off: information buffer's offset from the start of the message
 * @oid.info_len: its length (0: none)
 * @pkt: PACKET
 */
struct netvsp_rndis_msg {
	u32 type;
	u32 len;
	u32 req_id;
	union {
		struct {
			u32 major;
			u32 minor;
			u32 max_xfer_size;
		} init;
		struct {
			u32 oid;
			u32 info_off;
			u32 info_len;
		} oid;
		struct netvsp_rndis_pkt pkt;
	};
};

/* The smallest frame the host takes: an Ethernet header */
#define NETVSP_MIN_FRAME		14

/*
 * Decode the RNDIS message at @buf, @avail bytes being there (a batch
 * continues after msg->len bytes).
 */
int netvsp_parse_rndis(const void *buf, u32 avail, struct netvsp_rndis_msg *msg);

/* The GPA_DIRECT range area (struct hvnet_vmbus_pkt.ranges) */
#define NETVSP_GPA_MAX_RANGES		32

/**
 * struct netvsp_gpa - a decoded GPA_DIRECT range area
 * @nr_ranges: number of ranges
 * @nr_pfns: number of page frames, over all ranges
 * @total_len: bytes over all ranges
 * @range: each range: its length, offset in its first frame, and index of
 *	its first frame in @pfn
 * @pfn: the frames, in range order
 */
struct netvsp_gpa {
	u32 nr_ranges;
	u32 nr_pfns;
	u32 total_len;
	struct {
		u32 len;
		u32 offset;
		u32 first_pfn;
	} range[NETVSP_GPA_MAX_RANGES];
	u64 pfn[HVNET_GPA_MAX_PFNS];
};

int netvsp_parse_gpa(const void *area, u32 len, struct netvsp_gpa *gpa);

#endif /* _NETVSP_PARSE_H */
