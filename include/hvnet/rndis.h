/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RNDIS messages as carried over NVSP, bit-compatible with Hyper-V. Every
 * message starts with {type, length}; a completion's type is the request's
 * type with bit 31 set.
 */
#ifndef _HVNET_RNDIS_H
#define _HVNET_RNDIS_H

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

enum hvnet_rndis_msg_type {
	HVNET_RNDIS_MSG_PACKET		= 1,
	HVNET_RNDIS_MSG_INIT		= 2,
	HVNET_RNDIS_MSG_HALT		= 3,
	HVNET_RNDIS_MSG_QUERY		= 4,
	HVNET_RNDIS_MSG_SET		= 5,
	HVNET_RNDIS_MSG_RESET		= 6,
	HVNET_RNDIS_MSG_INDICATE	= 7,
	HVNET_RNDIS_MSG_KEEPALIVE	= 8,
};

#define HVNET_RNDIS_MSG_COMPLETION	BIT(31)

/* Object identifiers a Linux guest uses */
#define HVNET_RNDIS_OID_GEN_MAX_FRAME_SIZE		0x00010106
#define HVNET_RNDIS_OID_GEN_LINK_SPEED			0x00010107
#define HVNET_RNDIS_OID_GEN_CURRENT_PACKET_FILTER	0x0001010E
#define HVNET_RNDIS_OID_GEN_MEDIA_CONNECT_STATUS	0x00010114
#define HVNET_RNDIS_OID_GEN_RSS_CAPABILITIES		0x00010203
#define HVNET_RNDIS_OID_GEN_RSS_PARAMETERS		0x00010204
#define HVNET_RNDIS_OID_802_3_PERMANENT_ADDRESS		0x01010101
#define HVNET_RNDIS_OID_TCP_OFFLOAD_PARAMETERS		0xFC01020C
#define HVNET_RNDIS_OID_TCP_OFFLOAD_HW_CAPS		0xFC01020D

/* Status indications */
#define HVNET_RNDIS_STATUS_MEDIA_CONNECT	0x4001000B
#define HVNET_RNDIS_STATUS_MEDIA_DISCONNECT	0x4001000C

/* RSS parameters a guest may send */
#define HVNET_RNDIS_RSS_TABLE_ENTRIES	128
#define HVNET_RNDIS_RSS_KEY_SIZE	40

/* Per-packet info types */
enum hvnet_rndis_ppi_type {
	HVNET_RNDIS_PPI_CHECKSUM	= 0,
	HVNET_RNDIS_PPI_LSO		= 2,
	HVNET_RNDIS_PPI_IEEE8021Q	= 6,
	HVNET_RNDIS_PPI_HASH_VALUE	= 8,
};

#define HVNET_RNDIS_PPI_INTERNAL	BIT(31)

/**
 * struct hvnet_rndis_hdr - the start of every RNDIS message
 * @type: enum hvnet_rndis_msg_type, with HVNET_RNDIS_MSG_COMPLETION on replies
 * @len: length of the whole message in bytes, header included
 */
struct hvnet_rndis_hdr {
	u32 type;
	u32 len;
} __packed;

static_assert(sizeof(struct hvnet_rndis_hdr) == 8);
static_assert(offsetof(struct hvnet_rndis_hdr, len) == 4);

/**
 * struct hvnet_rndis_packet - body of an RNDIS PACKET message
 * @data_offset: offset of the frame from the start of this body
 * @data_len: length of the frame
 * @oob_data_offset: out-of-band data offset (unused, zero)
 * @oob_data_len: out-of-band data length (unused, zero)
 * @num_oob_data_elements: out-of-band element count (unused, zero)
 * @ppi_offset: offset of the first per-packet info from the start of this body
 * @ppi_len: total length of the per-packet infos
 * @vc_handle: virtual-circuit handle (unused, zero)
 * @reserved: zero
 */
struct hvnet_rndis_packet {
	u32 data_offset;
	u32 data_len;
	u32 oob_data_offset;
	u32 oob_data_len;
	u32 num_oob_data_elements;
	u32 ppi_offset;
	u32 ppi_len;
	u32 vc_handle;
	u32 reserved;
} __packed;

static_assert(sizeof(struct hvnet_rndis_packet) == 36);
static_assert(offsetof(struct hvnet_rndis_packet, ppi_offset) == 20);

/**
 * struct hvnet_rndis_ppi - header of one per-packet info
 * @size: size of this info, header included
 * @type: enum hvnet_rndis_ppi_type, possibly with HVNET_RNDIS_PPI_INTERNAL
 * @offset: offset of the info's data from the start of this header
 */
struct hvnet_rndis_ppi {
	u32 size;
	u32 type;
	u32 offset;
} __packed;

static_assert(sizeof(struct hvnet_rndis_ppi) == 12);

#endif /* _HVNET_RNDIS_H */
